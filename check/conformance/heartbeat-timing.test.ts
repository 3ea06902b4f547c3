// Why: issue 18 classes 3 and 4 made heartbeats honest (a tick is one tick; the active sends one
// per period; a timer of at most one period races the heartbeat due and wins) and gave the CPU
// rate a meaning (0% runs no clustering program and sends no heartbeat). The built-in designs all
// have a 1-tick period, a 2-tick timeout and non-zero rates, where nothing changed; these designs
// are where the new rules act. The emulator must agree with the model on every transition, and
// its own INV-13 check (properties/emulator/availability-checks.ts) must see each false takeover.
import { describe, expect, it } from 'vitest';
import { builtInDesign, type Config } from '../../model/index.ts';
import { Emulator } from '../../impl/emulator.ts';
import { EMU_INV_13 } from '../../properties/emulator/availability-checks.ts';
import { StepView } from '../../properties/emulator/step-view.ts';
import { checkEveryTransition } from './exhaustive.ts';

const small: Config = { lparCount: 2, slotCount: 1, faultBudget: 1, writeBudget: 0 };
const hardened = builtInDesign('hardened')!;

describe('heartbeat timing and CPU rates: the emulator agrees with the model on every transition', () => {
  it.each([
    ['period 2, timeout 3', { heartbeatPeriodTicks: 2, heartbeatTimeoutTicks: 3 }],
    ['period 3, timeout 7', { heartbeatPeriodTicks: 3, heartbeatTimeoutTicks: 7 }],
    ['standby at 0% CPU', { cpuStandbyPercent: 0 }],
  ] as const)('hardened with %s, 2 LPARs × 1 slot, one fault: every command of every reachable state, no gap', (_, change) => {
    const r = checkEveryTransition({ ...hardened, ...change }, small, { statesMax: 100_000 });
    expect(r.gaps).toEqual([]);
    expect(r.boundHit).toBe(false);
  }, 120_000);

  it.each([
    ['timeout 1 tick', { heartbeatTimeoutTicks: 1 }, 1],
    ['period 2 ticks', { heartbeatPeriodTicks: 2 }, 2],
    ['active at 0% CPU', { cpuActivePercent: 0 }, 2],
  ] as const)('hardened with %s: no disagreement, and the emulator\'s own INV-13 check sees the false takeover on its first timeout', (_, change, ticks) => {
    const design = { ...hardened, ...change };
    expect(checkEveryTransition(design, small, { statesMax: 100_000 }).gaps).toEqual([]);
    const emulator = new Emulator(small, design);
    const view = new StepView(emulator.machine);
    const found: (string | null)[] = [];
    for (let i = 0; i < ticks; i += 1) {
      view.snapshot();
      view.observations = emulator.apply({ kind: 'tick' }).observations;
      found.push(EMU_INV_13.check(view));
    }
    expect(found.slice(0, -1).every((why) => why === null)).toBe(true);
    expect(found.at(-1)).toMatch(/^LPAR1's heartbeat timer ran out .*LPAR0, (which is healthy|healthy, has 0% of the CPU) \(emulator\)$/);
  }, 120_000);

  it('hardened: a healthy active is never timed out by the emulator either', () => {
    const emulator = new Emulator(small, hardened);
    const view = new StepView(emulator.machine);
    for (let i = 0; i < 4; i += 1) {
      view.snapshot();
      view.observations = emulator.apply({ kind: 'tick' }).observations;
      expect(EMU_INV_13.check(view)).toBeNull();
    }
  });
});
