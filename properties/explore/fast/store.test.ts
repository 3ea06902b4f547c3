// Why this test exists: the explorer takes a packed state's id as its key, so the store must
// give equal tuples equal ids and distinct tuples distinct ids, across table and arena growth,
// with ids in first-insertion order (the explorer's determinism rests on it).
import { describe, expect, it } from 'vitest';
import { StateStore } from './store.ts';

describe('StateStore interns word tuples', () => {
  it('gives ids 0, 1, 2 … in first-insertion order and the same id to an equal tuple', () => {
    const store = new StateStore(3, 16);
    expect(store.intern(Int32Array.of(1, 2, 3))).toBe(0);
    expect(store.lastWasNew).toBe(true);
    expect(store.intern(Int32Array.of(1, 2, 4))).toBe(1);
    expect(store.intern(Int32Array.of(9, 1, 2, 3), 1)).toBe(0);
    expect(store.lastWasNew).toBe(false);
    const out = new Int32Array(3);
    store.read(1, out);
    expect([...out]).toEqual([1, 2, 4]);
    expect(() => store.read(2, out)).toThrow(RangeError);
  });

  it('keeps every id through many growths of the table and the arena', () => {
    const store = new StateStore(2, 16);
    const words = new Int32Array(2);
    for (let i = 0; i < 50_000; i += 1) {
      words[0] = i * 7919;
      words[1] = -i;
      expect(store.intern(words)).toBe(i);
    }
    for (let i = 0; i < 50_000; i += 997) {
      words[0] = i * 7919;
      words[1] = -i;
      expect(store.intern(words)).toBe(i);
      expect(store.lastWasNew).toBe(false);
    }
    expect(store.size).toBe(50_000);
  });
});
