// Why: Fig. 6 is the patent's hot-remove flow (600–606), with the branch at 602 on whether the
// target LPAR is active. These tests pin both branches on the literal design.
import { describe, expect, test } from 'vitest';
import { patentLparA } from '../designs/patent-lpar-a.ts';
import { lpar, slot } from '../ids.ts';
import { patentSteps, play, tableState } from '../testing.ts';

const L0 = lpar(0);
const L1 = lpar(1);
const S0 = slot(0);

describe('Fig. 6 hot-remove from an active LPAR (602 → 603)', () => {
  const run = play(patentLparA, [
    { kind: 'rem_pci', issuer: L1, target: L0, slot: S0 }, // 600
    { kind: 'guest_sci', lpar: L0 }, //                        604–605
    { kind: 'guest_unmount', lpar: L0, slot: S0 }, //          606
  ]);

  test('rem_pci runs 600, 601, 602, 603: table 400 → 401 and an SCI with an eject for LPAR0', () => {
    expect(patentSteps(run.results[0]!)).toEqual([600, 601, 602, 603]);
    const after = run.states[1]!;
    expect(tableState(after)).toBe('LPAR0:0');
    expect(after.lpars[0]!.gpe).toMatchObject({ status: true, ejectMask: 1 });
  });

  test('the OS reads the eject (604, 605), stops using the slot and unmounts (606); the service stops with its disk', () => {
    expect(patentSteps(run.results[1]!)).toEqual([604, 605]);
    expect(run.states[2]!.lpars[0]!.devices[0]).toBe('ejecting');
    expect(patentSteps(run.results[2]!)).toEqual([606]);
    expect(run.final.lpars[0]!.devices[0]).toBe('none');
    expect(run.final.lpars[0]!.service).toBe('stopped');
  });

  test('finding: step 601 clears only the enable flag; the gate keeper still maps LPAR0, so DMA still passes', () => {
    expect(run.states[1]!.slots[0]!.gateKeeper).toBe(L0);
  });
});

describe('Fig. 6 hot-remove from an inactive LPAR (602 → done)', () => {
  const run = play(patentLparA, [
    { kind: 'deact', issuer: L1, target: L0 },
    { kind: 'rem_pci', issuer: L1, target: L0, slot: S0 },
  ]);

  test('rem_pci stops at 602: table 401, no SCI, nothing pending for the powered-off LPAR0', () => {
    expect(patentSteps(run.results[1]!)).toEqual([600, 601, 602]);
    expect(run.results[1]!.effects.some((e) => e.kind === 'remove-inactive')).toBe(true);
    expect(run.results[1]!.effects.some((e) => e.kind === 'sci')).toBe(false);
    expect(tableState(run.final)).toBe('LPAR0:0');
    expect(run.final.lpars[0]!.gpe).toMatchObject({ status: false, ejectMask: 0 });
  });

  test('a second rem_pci is refused with a reason and changes nothing', () => {
    const again = play(patentLparA, [{ kind: 'rem_pci', issuer: L1, target: L0, slot: S0 }], run.final);
    expect(again.results[0]!.outcome).toMatchObject({ kind: 'rejected', code: 'already-removed' });
    expect(again.final).toBe(run.final);
  });
});
