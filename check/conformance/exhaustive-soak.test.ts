// Why: the every-transition comparison in `npm test` and in certificates runs with one fault; a
// mutation study (2026-11-26) found emulator defects that need more: a stale eject acknowledge
// (FLT-12) matters only after a direct rem_pci while the victim is up (three faults), and a gate
// keeper cache only in designs that have one, which no built-in design does. The soak compares
// every transition of those larger spaces. Off by default (`npm run soak`), as the random soak is:
// about 1.5 minutes.
import { describe, expect, test } from 'vitest';
import { builtInDesign, type Config, type Design } from '../../model/index.ts';
import { defineDesign } from '../../model/define-design.ts';
import { checkEveryTransition } from './exhaustive.ts';

const SOAK = process.env.SLOTCHECK_SOAK !== undefined;

const CASES: readonly (readonly [string, Design, Config])[] = [
  ['hardened, three faults (a stale eject acknowledge while the slot waits)', builtInDesign('hardened')!, { lparCount: 2, slotCount: 1, faultBudget: 3, writeBudget: 0 }],
  [
    'patent-lpar-b with a gate keeper cache, two faults, one write',
    defineDesign({ extends: 'patent-lpar-b', name: 'cached-gk', title: 'DSN-02 with a gate keeper cache', gateKeeperCache: 'invalidate-after-enable' }),
    { lparCount: 2, slotCount: 1, faultBudget: 2, writeBudget: 1 },
  ],
];

describe.runIf(SOAK)('every transition of larger spaces: the emulator agrees with the model', () => {
  test.each(CASES)('%s', (_what, design, config) => {
    const result = checkEveryTransition(design, config, { statesMax: 200_000 });
    expect(result.boundHit).toBe(false);
    expect(result.states).toBeGreaterThan(20_000); // the spaces named above, not a smaller one
    expect(result.gaps.map((g) => `${g.id} after ${JSON.stringify(g.path)} then ${JSON.stringify(g.command)}: ${g.why}`)).toEqual([]);
  }, 900_000);
});
