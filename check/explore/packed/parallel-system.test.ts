// Why this test exists: a search on several threads (parallel-system.ts) claims the report of the
// one-thread search exactly: the same states, transitions, verdicts, shortest counterexamples,
// witnesses and liveness lassos, byte for byte. Chunks are cut small here so that even these
// levels are spread over threads, and one variant leaves every chunk to the workers, so that
// they do the expanding however quickly this thread could have done it alone. Both ways a
// successor reaches the search are used: with its id, found by the expanding thread in the shared
// table, and with its words, for this thread to intern.
import { describe, expect, it } from 'vitest';
import { BUILT_IN_DESIGNS, builtInDesign, type Config } from '../../../model/index.ts';
import { explore, exploreParallel } from '../explore.ts';
import type { ExploreOptions } from '../options.ts';
import type { ExploreReport } from '../report.ts';
import { ParallelPackedSystem } from './parallel-system.ts';

const BOUNDS = { depthMax: 10_000, statesMax: 1_000_000, timeLimitMs: 600_000 };
const CONFIGS: Config[] = [
  { lparCount: 2, slotCount: 1, faultBudget: 2, writeBudget: 2 },
  { lparCount: 3, slotCount: 1, faultBudget: 1, writeBudget: 1 },
];

/** The report as JSON, without its timing (measurement, different on every run). */
function json(report: ExploreReport): string {
  const { timing: _timing, ...rest } = report;
  return JSON.stringify(rest);
}

function both(options: ExploreOptions): { one: string; workersOnly: string; workerChunks: number; three: string; known: number; successors: number } {
  const one = json(explore(options));
  const system = new ParallelPackedSystem(options.design, options.config, { symmetry: options.symmetry, threads: 2, here: false, chunkStates: 8, startStates: 0 });
  const workersOnly = json(exploreParallel(options, system));
  const three = json(exploreParallel(options, new ParallelPackedSystem(options.design, options.config, { symmetry: options.symmetry, threads: 3, chunkStates: 5, startStates: 0 })));
  return { one, workersOnly, workerChunks: system.stats.chunks - system.stats.chunksHere, three, known: system.stats.known, successors: system.stats.successors };
}

describe('a search on 2 and 3 threads gives the one-thread report, byte for byte', () => {
  for (const design of BUILT_IN_DESIGNS) {
    for (const config of CONFIGS) {
      // Symmetry only changes anything with two standbys or more.
      for (const symmetry of config.lparCount > 2 ? [false, true] : [false]) {
        it(`${design.name}, ${config.lparCount} × ${config.slotCount} f${config.faultBudget} w${config.writeBudget}${symmetry ? ' --symmetry' : ''}`, () => {
          const r = both({ design, config, symmetry, engine: 'packed', ...BOUNDS });
          expect(r.workersOnly).toBe(r.one);
          expect(r.three).toBe(r.one);
          expect(r.workerChunks).toBeGreaterThan(0);
          expect(r.known).toBeGreaterThan(0);
          expect(r.known).toBeLessThan(r.successors);
        }, 120_000);
      }
    }
  }

  it('other threads join once enough states wait, mid-search; a search that never has that many runs on this thread alone', () => {
    const options: ExploreOptions = { design: builtInDesign('hardened')!, config: CONFIGS[1]!, symmetry: false, engine: 'packed', ...BOUNDS };
    const one = json(explore(options));
    const joined = new ParallelPackedSystem(options.design, options.config, { threads: 2, here: false, startStates: 50 });
    expect(json(exploreParallel(options, joined))).toBe(one);
    expect(joined.stats.chunks).toBeGreaterThan(0);
    const alone = new ParallelPackedSystem(options.design, options.config, { threads: 2, here: false, startStates: 1_000_000 });
    expect(json(exploreParallel(options, alone))).toBe(one);
    expect(alone.stats.chunks).toBe(0);
  }, 120_000);

  it('with a bound hit mid-level (states, depth): the same inconclusive report', () => {
    const design = builtInDesign('hardened')!;
    const config = CONFIGS[1]!;
    for (const bounds of [{ ...BOUNDS, statesMax: 150 }, { ...BOUNDS, depthMax: 6 }]) {
      const r = both({ design, config, symmetry: true, engine: 'packed', ...bounds });
      expect(JSON.parse(r.one).boundHit).not.toBeNull();
      expect(r.workersOnly).toBe(r.one);
      expect(r.three).toBe(r.one);
    }
  }, 120_000);

  it('a search that throws (bad bounds) leaves the workers free for the next one', () => {
    const options: ExploreOptions = { design: builtInDesign('hardened')!, config: CONFIGS[0]!, symmetry: false, engine: 'packed', ...BOUNDS, searchThreads: 2 };
    expect(() => explore({ ...options, statesMax: 0 })).toThrow(/statesMax/);
    expect(json(explore(options))).toBe(json(explore({ ...options, searchThreads: 1 })));
  }, 120_000);

  it('the reports differ when the design does (the comparison can fail)', () => {
    const config = CONFIGS[0]!;
    const a = both({ design: builtInDesign('hardened')!, config, symmetry: false, engine: 'packed', ...BOUNDS });
    const b = both({ design: builtInDesign('patent-lpar-a')!, config, symmetry: false, engine: 'packed', ...BOUNDS });
    expect(a.workersOnly).not.toBe(b.workersOnly);
  }, 120_000);
});
