// Why this test exists: the explorer takes a packed state's id as its key, so the store must
// give equal tuples equal ids and distinct tuples distinct ids, across table and arena growth,
// with ids in first-insertion order (the explorer's determinism rests on it).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashWords, lookupFor, sharedLookupFor, StateStore } from './store.ts';

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

describe('the compiled lookup (one per width)', () => {
  it('hashes as hashWords does: on an empty table it names the home slot', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 12 }).chain((w) => fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { minLength: w, maxLength: w })), (words) => {
      const width = words.length;
      const tuple = Int32Array.from(words);
      const slots = 1 << 10;
      const empty = new Int32Array(slots);
      expect(lookupFor(width)(empty, 32 - 10, slots - 1, [], tuple, 0)).toBe(-1 - (hashWords(tuple, 0, width) >>> (32 - 10)));
    }), { seed: 17, numRuns: 500 });
  });

  it('finds every tuple a store holds, of any width, and no other', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 8 }), fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 3000 }), (width, values) => {
      const store = new StateStore(width, 16);
      const ids = new Map<string, number>();
      const tuple = new Int32Array(width);
      values.forEach((v, i) => {
        for (let k = 0; k < width; k += 1) tuple[k] = (v * (k + 3) + i * k) % 37; // many repeats, some tuples equal
        const key = tuple.join(',');
        const isNew = !ids.has(key);
        const expected = ids.get(key) ?? ids.size;
        ids.set(key, expected);
        expect(store.intern(tuple)).toBe(expected);
        expect(store.lastWasNew).toBe(isNew);
      });
      expect(store.size).toBe(ids.size);
    }), { seed: 18, numRuns: 200 });
  });
});

describe('the lookup of a thread reading a shared store (parallel search)', () => {
  const tupleOf = (i: number, width: number): Int32Array => Int32Array.from({ length: width }, (_, k) => (i * 7919 + k * 31) % 100_003);

  it('finds what the writer added, in the table it was given, even after that table was replaced by a larger one', () => {
    const width = 3;
    const store = new StateStore(width, 16, true);
    for (let i = 0; i < 100; i += 1) store.intern(tupleOf(i, width));
    const early = store.sharedTable;
    for (let i = 100; i < 40_000; i += 1) store.intern(tupleOf(i, width));
    const late = store.sharedTable;
    expect(late.buffer).not.toBe(early.buffer); // the table doubled since `early` was taken
    const chunks = store.chunksFrom(0);
    const lookup = sharedLookupFor(width);
    const table = (t: typeof early) => new Int32Array(t.buffer);
    for (let i = 0; i < 40_000; i += 97) {
      expect(lookup(table(late), late.slotShift, late.slotMask, chunks, tupleOf(i, width), 0)).toBe(i);
      // The replaced table holds at least the first 100; for the rest it gives the id or "absent", never another id.
      const inEarly = lookup(table(early), early.slotShift, early.slotMask, chunks, tupleOf(i, width), 0);
      if (i < 100 || inEarly >= 0) expect(inEarly).toBe(i);
    }
    expect(lookup(table(late), late.slotShift, late.slotMask, chunks, tupleOf(50_000, width), 0)).toBeLessThan(0);
  });

  it('answers "absent" for a state whose chunk the reader was not given, where the writer\'s own lookup finds it', () => {
    const width = 2;
    const store = new StateStore(width, 1 << 16, true);
    const count = (1 << 14) + 10; // into the second chunk of states
    for (let i = 0; i < count; i += 1) store.intern(tupleOf(i, width));
    const { buffer, slotShift, slotMask } = store.sharedTable;
    const firstChunkOnly = store.chunksFrom(0).slice(0, 1);
    const last = tupleOf(count - 1, width);
    expect(sharedLookupFor(width)(new Int32Array(buffer), slotShift, slotMask, firstChunkOnly, last, 0)).toBeLessThan(0);
    expect(lookupFor(width)(new Int32Array(buffer), slotShift, slotMask, store.chunksFrom(0), last, 0)).toBe(count - 1);
    expect(sharedLookupFor(width)(new Int32Array(buffer), slotShift, slotMask, firstChunkOnly, tupleOf(5, width), 0)).toBe(5);
  });

  it('a store that is not shared has no shared table', () => {
    expect(() => new StateStore(2).sharedTable).toThrow(/not a shared store/);
  });
});
