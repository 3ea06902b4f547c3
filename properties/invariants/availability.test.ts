// Why: issue 18 class 3. A heartbeat timeout that runs out on a healthy active is a takeover
// without a fault, and before INV-13 no property said so: `hardened` with its timeout cut from 2
// ticks to 1, or its period stretched from 1 tick to 2, passed every property. Each bug is planted
// in a design object (one field changed) and must break INV-13 on the first tick that lets the
// standby's timer run out; hardened itself, and a timer run out by a fault (FLT-03, FLT-04), must not.
import { describe, expect, test } from 'vitest';
import { builtInDesign, initialState, lpar, refusalOf, slot, type Command, type Design } from '../../model/index.ts';
import { LIVENESS } from '../catalogue.ts';
import { play, scenarioConfig } from '../../model/testing.ts';
import { INV_13 } from './availability.ts';

const hardened = builtInDesign('hardened')!;
const tick: Command = { kind: 'tick' };

/** INV-13's verdict at each step of the run. */
function verdicts(design: Design, commands: readonly Command[]) {
  const run = play(design, commands);
  return run.results.map((result, i) => INV_13.step!({ before: run.states[i]!, command: commands[i]!, result, design }));
}

describe('INV-13 no takeover of a healthy active (planted in design objects)', () => {
  test('hardened (period 1 tick, timeout 2): a healthy active is never timed out', () => {
    expect(verdicts(hardened, [tick, tick, tick, tick]).every((v) => v.holds)).toBe(true);
  });

  test('a timeout of one tick (= the period) runs out on the first tick, before the heartbeat due then is read', () => {
    const v = verdicts({ ...hardened, heartbeatTimeoutTicks: 1 }, [tick]);
    expect(v[0]).toMatchObject({ holds: false, why: expect.stringMatching(/LPAR1's heartbeat timer \(1 ticks\) ran out 1 tick\(s\) after it last heard LPAR0/) });
  });

  test('a period of 2 ticks against a timeout of 2: the timer runs out at the tick the next heartbeat is due', () => {
    const v = verdicts({ ...hardened, heartbeatPeriodTicks: 2 }, [tick, tick]);
    expect(v.map((x) => x.holds)).toEqual([true, false]);
  });

  test('a timeout longer than the period (period 2, timeout 3) never times a healthy active out', () => {
    const d = { ...hardened, heartbeatPeriodTicks: 2, heartbeatTimeoutTicks: 3 };
    const run = play(d, [tick, tick, tick, tick, tick]);
    expect(run.states.map((s) => s.lpars[1]!.cluster.silenceTicks)).toEqual([0, 1, 0, 1, 0, 1]);
    expect(verdicts(d, [tick, tick, tick, tick, tick]).every((x) => x.holds)).toBe(true);
  });

  test('an active given 0% of the CPU sends no heartbeat: its standby times it out though no fault happened (class 4)', () => {
    const v = verdicts({ ...hardened, cpuActivePercent: 0 }, [tick, tick]);
    expect(v[1]).toMatchObject({ holds: false, why: expect.stringMatching(/0% of the CPU/) });
  });

  test('a timer run out by a fault is no false takeover: the active paused (FLT-03), or its heartbeats lost (FLT-04)', () => {
    const paused: Command[] = [{ kind: 'pause', lpar: lpar(0) }, tick, tick, { kind: 'resume', lpar: lpar(0) }];
    const run = play(hardened, paused);
    expect(run.final.lpars[1]!.cluster.silenceTicks).toBe(2);
    expect(verdicts(hardened, paused).every((x) => x.holds)).toBe(true);
    expect(verdicts(hardened, [{ kind: 'hb_loss', lpar: lpar(0) }, tick, tick]).every((x) => x.holds)).toBe(true);
  });
});

describe('CPU allocation rate (class 4): an LPAR given 0% runs no clustering program', () => {
  test('a standby at 0% never detects, though its timer ran out', () => {
    const d = { ...hardened, cpuStandbyPercent: 0 };
    const crash: Command[] = [{ kind: 'os_crash', lpar: lpar(0) }, tick, tick];
    const run = play(d, crash);
    expect(run.final.lpars[1]!.cluster.silenceTicks).toBe(2);
    expect(refusalOf(run.final, { kind: 'cluster_step', lpar: lpar(1) }, d)).toMatchObject({ message: expect.stringMatching(/0% of the CPU/) });
    expect(refusalOf(play(hardened, crash).final, { kind: 'cluster_step', lpar: lpar(1) }, hardened)).toBeNull();
  });

  test('the initial state gives the design its rates', () => {
    const state = initialState(scenarioConfig(), { ...hardened, cpuStandbyPercent: 0 });
    expect(state.lpars.map((l) => l.cpuPercent)).toEqual([90, 0]);
  });
});

describe('LIV-06 obligations (properties/liveness.ts)', () => {
  const liv06 = LIVENESS.find((p) => p.id === 'LIV-06')!;
  test('open while nobody serves and a standby runs to take over; closed while the active serves', () => {
    expect(liv06.pending(initialState(scenarioConfig(), hardened), hardened)).toEqual([]);
    expect(liv06.pending(play(hardened, [{ kind: 'os_crash', lpar: lpar(0) }]).final, hardened)).toEqual(['no LPAR serves']);
  });

  test('excused when nobody but the owner of record runs, or the disk cannot be served (a failed card)', () => {
    const bothDown = play(hardened, [{ kind: 'os_crash', lpar: lpar(1) }, { kind: 'service_fail', lpar: lpar(0) }]).final;
    expect(liv06.pending(bothDown, hardened)).toEqual([]);
    const deadDisk = play(hardened, [{ kind: 'device_error', slot: slot(0) }, { kind: 'os_crash', lpar: lpar(0) }]).final;
    expect(deadDisk.slots[0]!.card).toBe('failed');
    expect(liv06.pending(deadDisk, hardened)).toEqual([]);
  });

  test('its bound is the design field, 25 fair steps when absent', () => {
    expect(liv06.withinSteps!(hardened)).toBe(25);
    expect(liv06.withinSteps!({ ...hardened, recoveryBoundSteps: 7 })).toBe(7);
  });
});
