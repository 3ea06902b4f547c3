// Why: Fig. 9 (with the time charts of Fig. 10 and Fig. 11) is the fail-over the whole patent is
// for. These tests drive each case through the clustering program's script and pin the table
// (400 → 401 → 402), the gate keeper ((a) → (b)) and the end state: LPAR1 active with the disk,
// LPAR0 back as the standby.
import { describe, expect, test } from 'vitest';
import { patentLparA } from '../designs/patent-lpar-a.ts';
import { patentLparB } from '../designs/patent-lpar-b.ts';
import type { Command } from '../commands.ts';
import { lpar, slot } from '../ids.ts';
import { patentSteps, play, tableState } from '../testing.ts';

const L0 = lpar(0);
const L1 = lpar(1);
const S0 = slot(0);
const clusterStep: Command = { kind: 'cluster_step', lpar: L1 };
const hotAddInLpar1: Command[] = [
  { kind: 'guest_sci', lpar: L1 },
  { kind: 'guest_configure', lpar: L1, slot: S0 },
  { kind: 'guest_mount', lpar: L1, slot: S0 },
];

describe('Fig. 9(a) / Fig. 10: the OS of the active LPAR0 fails', () => {
  const run = play(patentLparA, [
    { kind: 'os_crash', lpar: L0 }, // FLT-01
    { kind: 'tick' }, { kind: 'tick' }, // heartbeats stop: two periods of silence reach the timeout
    clusterStep, // 1100 detect
    clusterStep, // 1101 deact LPAR0
    clusterStep, // 1102 rem_pci
    clusterStep, // 1103 add_pci
    ...hotAddInLpar1, // 504–508 in LPAR1
    clusterStep, // 1104 start the service
    clusterStep, // 1105 act LPAR0
  ]);
  const at = (i: number) => run.results[i]!;

  test('every step is accepted', () => {
    expect(run.results.map((r) => r.outcome.kind)).toEqual(run.results.map(() => 'ok'));
  });

  test('1100: LPAR1 detects the failure after the heartbeat timeout and starts taking over', () => {
    expect(patentSteps(at(3))).toEqual([1100]);
    expect(run.states[4]!.lpars[1]!.role).toBe('takeover');
  });

  test('1101 deactivates LPAR0; 1102 removes the slot from the inactive LPAR0 (602 → done): 400 → 401', () => {
    expect(patentSteps(at(4))).toEqual([1101]);
    expect(run.states[5]!.lpars[0]!.os).toBe('off');
    expect(patentSteps(at(5))).toEqual([1102, 600, 601, 602]);
    expect(tableState(run.states[6]!)).toBe('LPAR0:0');
  });

  test('1103 hot-adds the slot to LPAR1: 401 → 402 and gate keeper (a) → (b)', () => {
    expect(patentSteps(at(6))).toEqual([1103, 500, 501, 503, 504]);
    expect(tableState(run.states[7]!)).toBe('LPAR1:1');
    expect(run.states[6]!.slots[0]!.gateKeeper).toBe(L0);
    expect(run.states[7]!.slots[0]!.gateKeeper).toBe(L1);
  });

  test('1104 starts the service in LPAR1 once the disk is mounted, at the active CPU rate', () => {
    expect(patentSteps(at(10))).toEqual([1104]);
    const l1 = run.states[11]!.lpars[1]!;
    expect(l1).toMatchObject({ role: 'active', service: 'running', cpuPercent: 90 });
    expect(run.states[11]!.serviceOwner).toBe(L1);
  });

  test('1105 brings LPAR0 back as the standby, owning no slot; case (a) is complete', () => {
    expect(patentSteps(at(11))).toEqual([1105]);
    const l0 = run.final.lpars[0]!;
    expect(l0).toMatchObject({ os: 'running', role: 'standby', service: 'stopped', cpuPercent: 10 });
    expect(l0.devices[0]).toBe('none');
    expect(at(11).effects).toContainEqual(expect.objectContaining({ kind: 'failover-complete', failoverCase: 'a', victim: L0 }));
  });
});

describe('Fig. 9(b) / Fig. 11: only the service of LPAR0 fails', () => {
  const run = play(patentLparB, [
    { kind: 'service_fail', lpar: L0 }, // FLT-02
    { kind: 'tick' }, // LPAR0's heartbeat reports its service down
    clusterStep, // 1106 detect
    clusterStep, // 1107 rem_pci (LPAR0 active: 603 raises an eject)
    clusterStep, // 1108 ask LPAR0 to stop the service and shut down
    { kind: 'guest_shutdown', lpar: L0 },
    clusterStep, // 1109 deact LPAR0
    clusterStep, // 1103 add_pci
    ...hotAddInLpar1,
    clusterStep, // 1104 start
    clusterStep, // 1105 act LPAR0
  ]);
  const at = (i: number) => run.results[i]!;

  test('every step is accepted', () => {
    expect(run.results.map((r) => r.outcome.kind)).toEqual(run.results.map(() => 'ok'));
  });

  test('1106 detects from the heartbeat, without waiting for a timeout', () => {
    expect(patentSteps(at(2))).toEqual([1106]);
  });

  test('1107 removes the slot from the still-active LPAR0 (603 eject): 400 → 401', () => {
    expect(patentSteps(at(3))).toEqual([1107, 600, 601, 602, 603]);
    expect(tableState(run.states[4]!)).toBe('LPAR0:0');
    expect(run.states[4]!.lpars[0]!.gpe.ejectMask).toBe(1);
  });

  test('1108 and the shutdown, then 1109 deactivates LPAR0', () => {
    expect(patentSteps(at(4))).toEqual([1108]);
    expect(run.states[6]!.lpars[0]!.os).toBe('shutdown');
    expect(patentSteps(at(6))).toEqual([1109]);
    expect(run.states[7]!.lpars[0]!.os).toBe('off');
  });

  test('1103–1105 as in case (a): 402, gate keeper (b), LPAR1 active, LPAR0 back as standby', () => {
    expect(tableState(run.final)).toBe('LPAR1:1');
    expect(run.final.slots[0]!.gateKeeper).toBe(L1);
    expect(run.final.lpars[1]!).toMatchObject({ role: 'active', service: 'running' });
    expect(run.final.lpars[0]!).toMatchObject({ os: 'running', role: 'standby' });
    expect(at(run.results.length - 1).effects).toContainEqual(expect.objectContaining({ kind: 'failover-complete', failoverCase: 'b' }));
  });
});
