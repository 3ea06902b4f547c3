// Why this test exists: issue 21 made the explorer's per-state tables compact (parents and
// ordinals in chunks of narrow typed arrays, depths as the first index of each level, no map from
// key to index while keys are the indices, obligation masks in a byte while they fit) and, with
// symmetry, stopped interning every concrete successor: a state's id became (canonical id) × 8 +
// the renaming to its canonical form. A slip in any of these changes counts or counterexamples
// only on some space, so each rule is checked alone here; explorer.test.ts, symmetry.test.ts and
// packed/symmetry.test.ts check whole reports against the reference engine.
import { describe, expect, it } from 'vitest';
import type { Config } from '../../model/index.ts';
import { ChunkedArray } from './chunked.ts';
import { PackedSystem } from './packed/system.ts';
import { config, design } from './testing.ts';
import { ROOT, VisitedStates } from './visited-states.ts';

describe('ChunkedArray', () => {
  it('keeps every value across chunks, widening from 8 to 16 to 32 bits when a value needs it', () => {
    const a = new ChunkedArray('uint8');
    const values = Array.from({ length: 200_000 }, (_, i) => (i === 70_000 ? 300 : i === 150_000 ? 100_000 : i % 251));
    for (const v of values) a.push(v);
    expect(a.length).toBe(values.length);
    for (let i = 0; i < values.length; i += 997) expect(a.at(i)).toBe(values[i]);
    expect(a.at(70_000)).toBe(300);
    expect(a.at(150_000)).toBe(100_000);
    a.truncate(65_537);
    expect(a.length).toBe(65_537);
    a.push(7);
    expect(a.at(65_537)).toBe(7);
    expect(() => a.at(65_538)).toThrow(RangeError);
  });
});

describe('VisitedStates', () => {
  it('needs no key map while keys are the indices, and builds it the moment one is not', () => {
    const v = new VisitedStates();
    v.add(0, ROOT, 0, 0);
    v.add(1, 0, 3, 1);
    v.add(2, 0, 4, 1);
    expect(v.indexOf(1)).toBe(1);
    expect(v.indexOf(3)).toBeUndefined();
    v.add(10, 1, 300, 2); // a key that is not its index; an ordinal beyond 8 bits
    v.add('s', 2, 1, 2);
    expect([0, 1, 2, 10, 3].map((k) => v.indexOf(k))).toEqual([0, 1, 2, 3, undefined]);
    expect(v.indexOf('s')).toBe(4);
    expect([0, 1, 2, 3, 4].map((i) => v.depthAt(i))).toEqual([0, 1, 1, 2, 2]);
    expect(v.maxDepth).toBe(2);
    expect(v.ordinalsTo(3)).toEqual([3, 300]);
    expect(() => v.add(11, 0, 0, 1)).toThrow(/breadth-first/);
  });
});

describe('packed states with symmetry reduction', () => {
  it.each([
    ['hardened', config(3, 2, 1, 1)],
    ['patent-lpar-b', config(4, 1, 1, 1)],
    ['patent-card-rom', config(4, 2, 1, 0)],
  ] as const)('%s %o: a state\'s id is a function of the state (decoded and encoded again, it is the same id)', (name, c: Config) => {
    const reduced = new PackedSystem(design(name), c, { symmetry: true });
    const frontier = [reduced.initial()];
    const seen = new Set<number>(frontier);
    let renamed = 0;
    for (let i = 0; i < frontier.length && i < 3_000; i += 1) {
      reduced.successors(frontier[i]!, (_command, next) => {
        if (seen.has(next)) return;
        seen.add(next);
        frontier.push(next);
      });
    }
    for (const id of seen) {
      expect(reduced.fromModel(reduced.toModel(id))).toBe(id);
      if ((id & 7) !== 0) renamed += 1;
    }
    expect(renamed).toBeGreaterThan(0); // some states are stored as a renaming of their orbit's form
  }, 60_000);
});
