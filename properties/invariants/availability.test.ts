// Why: issue 18 class 3. A heartbeat timeout that runs out on a healthy active is a takeover
// without a fault, and before INV-13 no property said so: `hardened` with its timeout cut from 2
// ticks to 1, or its period stretched from 1 tick to 2, passed every property. Each bug is planted
// in a design object (one field changed) and must break INV-13 on the first tick that lets the
// standby's timer run out; hardened itself, and a timer run out by a fault (FLT-03, FLT-04), must not.
import { describe, expect, test } from 'vitest';
import { Emulator } from '../../impl/emulator.ts';
import { builtInDesign, initialState, lpar, refusalOf, slot, step, type Command, type Design } from '../../model/index.ts';
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

// Why: before clusterStepsPerTickAtFullCpu, any share above 0% ran as if it had the whole CPU.
// With it, a share buys floor(cpuPercent × steps / 100) clustering steps per tick; the count must
// refuse the step past the budget, come back after a tick, and a share that buys no step must
// silence an active's heartbeats, in the model and in the emulator alike.
describe('CPU step budget (clusterStepsPerTickAtFullCpu, class 4)', () => {
  const crash: Command[] = [{ kind: 'os_crash', lpar: lpar(0) }, tick, tick];
  const standbyStep: Command = { kind: 'cluster_step', lpar: lpar(1) };
  // Standby at 10%, 10 steps per tick at 100%: the active may take 9 steps per tick, the standby 1.
  const oneStep = { ...hardened, cpuStandbyPercent: 10, clusterStepsPerTickAtFullCpu: 10 };

  test('a standby whose budget is 1 step per tick detects, is refused a second step, and takes it after a tick', () => {
    const detected = play(oneStep, [...crash, standbyStep]);
    expect(detected.results.at(-1)!.outcome).toEqual({ kind: 'ok' });
    expect(detected.final.lpars[1]!.role).toBe('takeover');
    expect(detected.final.lpars[1]!.cluster.stepsThisTick).toBe(1);
    expect(refusalOf(detected.final, standbyStep, oneStep)).toMatchObject({
      code: 'not-enabled', message: 'LPAR1 has 10% of the CPU, a budget of 1 clustering step(s) per tick, and took them all since the last tick',
    });
    const ticked = step(detected.final, tick, oneStep).state;
    expect(ticked).not.toBe(detected.final); // a count reset is a change, though no timer moved
    expect(ticked.lpars.map((l) => l.cluster.stepsThisTick)).toEqual([undefined, undefined]);
    expect(refusalOf(ticked, standbyStep, oneStep)).toBeNull();
    // Unbounded (the field absent): the same standby runs its script with no tick between steps.
    const unbounded = play({ ...oneStep, clusterStepsPerTickAtFullCpu: undefined }, [...crash, standbyStep, standbyStep, standbyStep]);
    expect(unbounded.results.map((r) => r.outcome.kind)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
    expect(unbounded.final.lpars[1]!.cluster.stepsThisTick).toBeUndefined();
  });

  test('the count survives a restart of the program within the tick (only a tick gives a fresh budget)', () => {
    const restarted = play(oneStep, [...crash, standbyStep, { kind: 'cluster_die', lpar: lpar(1) }, { kind: 'cluster_restart', lpar: lpar(1) }]);
    expect(restarted.final.lpars[1]!.cluster.stepsThisTick).toBe(1);
    expect(refusalOf(restarted.final, standbyStep, oneStep)).toMatchObject({ message: expect.stringMatching(/took them all since the last tick/) });
  });

  test('a standby whose share buys 0 steps (3% × 10 / 100) never runs; the sentence names the share and the budget', () => {
    const d = { ...hardened, clusterStepsPerTickAtFullCpu: 10 };
    expect(refusalOf(play(d, crash).final, standbyStep, d)).toMatchObject({ message: 'LPAR1 has 3% of the CPU, a budget of 0 clustering steps per tick: its clustering program never runs' });
  });

  test('the emulator counts, refuses and resets the same way', () => {
    const emu = new Emulator(scenarioConfig(), oneStep);
    for (const c of [...crash, standbyStep]) expect(emu.apply(c).outcome).toEqual({ kind: 'ok' });
    expect(emu.abstract().lpars[1]!.cluster.stepsThisTick).toBe(1);
    expect(emu.apply(standbyStep).outcome).toMatchObject({ kind: 'rejected', message: expect.stringMatching(/10% of the CPU buys 1 clustering step\(s\) per tick/) });
    expect(emu.apply(tick).outcome).toEqual({ kind: 'ok' });
    expect(emu.abstract().lpars[1]!.cluster.stepsThisTick).toBeUndefined();
    expect(emu.apply(standbyStep).outcome).toEqual({ kind: 'ok' });
    expect(emu.abstract()).toEqual(play(oneStep, [...crash, standbyStep, tick, standbyStep]).final);
  });

  test('an active whose 90% buys 0 steps (1 step per tick at 100%) sends no heartbeat: INV-13 fails on the second tick', () => {
    const v = verdicts({ ...hardened, clusterStepsPerTickAtFullCpu: 1 }, [tick, tick]);
    expect(v[0]!.holds).toBe(true);
    expect(v[1]).toMatchObject({ holds: false, why: "LPAR1's heartbeat timer ran out while LPAR0, healthy, sent no heartbeat because its 90% of the CPU buys its clustering program 0 steps per tick: a takeover without a fault" });
    // One step per tick is enough: 10 steps at 100% give the active 9, and it is never timed out.
    expect(verdicts({ ...hardened, clusterStepsPerTickAtFullCpu: 10 }, [tick, tick, tick, tick]).every((x) => x.holds)).toBe(true);
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
