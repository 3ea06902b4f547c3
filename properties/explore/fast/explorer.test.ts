// Why this test exists: the packed systems are for the explorer (properties/explore), so they
// must give its reports exactly, not only agree step by step: the same counts, verdicts,
// shortest counterexamples (with their replayed states and sentences), witnesses and liveness
// lassos as the explorer's own reference system — in one thread (FastSystem, PortableFastSystem)
// and with worker threads (PortableFastSystem through the explorer's SystemFactory hook).
import { describe, expect, it } from 'vitest';
import { builtInDesign, type Config } from '../../../model/index.ts';
import { exploreWith, exploreWithWorkers, referenceSystem, type ExploreReport } from '../index.ts';
import { PortableFastSystem } from './portable-system.ts';
import { FastSystem } from './system.ts';

const CONFIG: Config = { lparCount: 2, slotCount: 1, faultBudget: 1, writeBudget: 1 };
const BOUNDS = { depthMax: 10_000, statesMax: 1_000_000, timeLimitMs: 600_000 };

/** The report without its timing (measurement, different on every run). */
function comparable(report: ExploreReport): unknown {
  const { timing: _timing, ...rest } = report;
  return JSON.parse(JSON.stringify(rest));
}

describe('the explorer gives the same report on the packed systems as on its reference system', () => {
  for (const name of ['patent-lpar-a', 'prior-art-multiport', 'hardened']) {
    it(`${name}, 2 LPARs × 1 slot, fault budget 1, write budget 1`, async () => {
      const design = builtInDesign(name)!;
      const expected = comparable(exploreWith(referenceSystem(design, CONFIG, { symmetry: false }), BOUNDS));
      expect(comparable(exploreWith(new FastSystem(design, CONFIG), BOUNDS))).toEqual(expected);
      expect(comparable(exploreWith(new PortableFastSystem(design, CONFIG), BOUNDS))).toEqual(expected);
      const factory = { module: new URL('./portable-system.ts', import.meta.url).href, exportName: 'portableFastSystemFromSpec', spec: { design, config: CONFIG } };
      const parallel = await exploreWithWorkers(new PortableFastSystem(design, CONFIG), factory, { ...BOUNDS, workers: 2 });
      expect(comparable(parallel)).toEqual(expected);
    }, 300_000);
  }
});
