// Why this test exists: the packed system is for the explorer (check/explore), so it must give
// its reports exactly, not only agree step by step: the same counts, verdicts, shortest
// counterexamples (with their replayed states and sentences), witnesses and liveness lassos as
// the explorer's own reference system.
import { describe, expect, it } from 'vitest';
import { builtInDesign, type Config } from '../../../model/index.ts';
import { exploreWith, referenceSystem, type ExploreReport } from '../index.ts';
import { PackedSystem } from './system.ts';

const CONFIG: Config = { lparCount: 2, slotCount: 1, faultBudget: 1, writeBudget: 1 };
const BOUNDS = { depthMax: 10_000, statesMax: 1_000_000, timeLimitMs: 600_000 };

/** The report without its timing (measurement, different on every run). */
function comparable(report: ExploreReport): unknown {
  const { timing: _timing, ...rest } = report;
  return JSON.parse(JSON.stringify(rest));
}

describe('the explorer gives the same report on the packed system as on its reference system', () => {
  for (const name of ['patent-lpar-a', 'prior-art-multiport', 'hardened']) {
    it(`${name}, 2 LPARs × 1 slot, fault budget 1, write budget 1`, () => {
      const design = builtInDesign(name)!;
      const expected = comparable(exploreWith(referenceSystem(design, CONFIG, { symmetry: false }), BOUNDS));
      expect(comparable(exploreWith(new PackedSystem(design, CONFIG), BOUNDS))).toEqual(expected);
    }, 300_000);
  }
});
