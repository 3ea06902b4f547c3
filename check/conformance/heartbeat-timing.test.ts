// Why: issue 18 classes 3 and 4 made heartbeats honest (a tick is one tick; the active sends one
// per period; a timer of at most one period races the heartbeat due and wins) and gave the CPU
// rate a meaning (0% runs no clustering program and sends no heartbeat). The built-in designs all
// have a 1-tick period, a 2-tick timeout and non-zero rates, where nothing changed; these designs
// are where the new rules act, and the emulator must agree with the model on every transition.
import { describe, expect, it } from 'vitest';
import { builtInDesign, type Config } from '../../model/index.ts';
import { checkEveryTransition } from './exhaustive.ts';

const small: Config = { lparCount: 2, slotCount: 1, faultBudget: 1, writeBudget: 0 };
const hardened = builtInDesign('hardened')!;

describe('heartbeat timing and CPU rates: the emulator agrees with the model on every transition', () => {
  it.each([
    ['timeout 1 tick', { heartbeatTimeoutTicks: 1 }],
    ['period 2 ticks', { heartbeatPeriodTicks: 2 }],
    ['period 2, timeout 3', { heartbeatPeriodTicks: 2, heartbeatTimeoutTicks: 3 }],
    ['period 3, timeout 7', { heartbeatPeriodTicks: 3, heartbeatTimeoutTicks: 7 }],
    ['active at 0% CPU', { cpuActivePercent: 0 }],
    ['standby at 0% CPU', { cpuStandbyPercent: 0 }],
  ] as const)('hardened with %s, 2 LPARs × 1 slot, one fault: every command of every reachable state', (_, change) => {
    const r = checkEveryTransition({ ...hardened, ...change }, small, { statesMax: 100_000 });
    expect(r.gaps).toEqual([]);
    expect(r.boundHit).toBe(false);
  }, 120_000);
});
