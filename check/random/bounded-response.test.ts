// Why: issue 18 class 3. The random suite checks LIV-06 as the explorer does: a run's stretch of
// fair steps after its last fault that keeps the service down longer than the design's
// recoveryBoundSteps fails. Planted in a design object: a
// bound below what hardened needs; hardened itself, at the default bound, passes.
import { describe, expect, test } from 'vitest';
import { builtInDesign } from '../../model/index.ts';
import { runSuite } from './suite.ts';

const hardened = builtInDesign('hardened')!;
const base = { runs: 150, maxCommands: 60, drainRounds: 200, shrinkLimit: 3000, only: ['LIV-06'] } as const;
const config = { lparCount: 2, slotCount: 1, faultBudget: 4, writeBudget: 3 } as const;

describe('LIV-06 bounded recovery in random runs', () => {
  test('hardened recovers within the default bound (25 fair steps)', () => {
    const r = runSuite({ ...base, design: hardened, config, seed: 1 });
    expect(r.properties.find((p) => p.id === 'LIV-06')).toMatchObject({ verdict: 'pass' });
  });

  test('a bound of 5 fair steps, planted in the design, fails on a stretch of 6', () => {
    const r = runSuite({ ...base, design: { ...hardened, recoveryBoundSteps: 5 }, config, seed: 1 });
    const p = r.properties.find((x) => x.id === 'LIV-06')!;
    expect(p.verdict).toBe('counterexample');
    expect(p.counterexample!.why).toMatch(/^no LPAR serves for 6 fair step\(s\) from step \d+, more than the design's recoveryBoundSteps 5$/);
  });
});
