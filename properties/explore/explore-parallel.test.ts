import { describe, expect, it } from 'vitest';
import { explore } from './explore.ts';
import { exploreInParallel } from './explore-parallel.ts';
import type { ExploreReport } from './report.ts';
import { config, options } from './testing.ts';

// Why this test exists: the parallel search may only change how fast the answer comes, never the
// answer. Its report — counts, every verdict, every counterexample step by step (so the shortest
// and first-found one), witness tallies, lassos — must be the sequential report byte for byte,
// with and without symmetry, and with a bound hit in the middle of a level.

const withoutTiming = (r: ExploreReport) => JSON.stringify({ ...r, timing: null });

describe('exploring with worker threads gives the sequential report', () => {
  it.each([
    ['patent-lpar-a', config(2, 1, 1, 2), false],
    ['patent-lpar-b', config(2, 1, 1, 1), false],
    ['patent-lpar-a', config(3, 1, 1, 0), true],
  ] as const)('%s %o symmetry %s', async (name, c, symmetry) => {
    const o = options(name, c, { symmetry });
    const parallel = await exploreInParallel({ ...o, workers: 2 });
    expect(parallel.timing.workers).toBe(2);
    expect(withoutTiming(parallel)).toBe(withoutTiming(explore(o)));
  }, 120_000);

  it('with statesMax hit in the middle of a level, and with three workers', async () => {
    const o = options('patent-lpar-a', config(2, 1, 1, 1), { statesMax: 250 });
    const parallel = await exploreInParallel({ ...o, workers: 3 });
    expect(parallel.boundHit?.bound).toBe('statesMax');
    expect(withoutTiming(parallel)).toBe(withoutTiming(explore(o)));
  }, 60_000);

  it('with depthMax hit', async () => {
    const o = options('hardened', config(2, 1, 1, 1), { depthMax: 7 });
    expect(withoutTiming(await exploreInParallel({ ...o, workers: 2 }))).toBe(withoutTiming(explore(o)));
  }, 60_000);
});
