// Why: Fig. 5 is the patent's hot-add flow. These tests walk it step by step (500–508) on the
// literal design and pin what the table (Fig. 4) and the gate keeper (Fig. 8) hold after each step.
import { describe, expect, test } from 'vitest';
import { patentLparA } from '../designs/patent-lpar-a.ts';
import { lpar, slot } from '../ids.ts';
import { patentSteps, play, tableState } from '../testing.ts';
import { INV_08, INV_09 } from '../../properties/catalogue.ts';

const L0 = lpar(0);
const L1 = lpar(1);
const S0 = slot(0);

describe('Fig. 5 hot-add, card present (LPAR1 takes slot 0 from LPAR0)', () => {
  const run = play(patentLparA, [
    { kind: 'add_pci', issuer: L1, from: L0, slot: S0 }, // 500
    { kind: 'guest_sci', lpar: L1 }, //                      505–506
    { kind: 'guest_configure', lpar: L1, slot: S0 }, //      507
    { kind: 'guest_mount', lpar: L1, slot: S0 }, //          508
  ]);

  test('starts from table state 400 and gate keeper (a)', () => {
    expect(tableState(run.states[0]!)).toBe('LPAR0:1');
    expect(run.states[0]!.slots[0]!.gateKeeper).toBe(L0);
  });

  test('add_pci runs 500, 501, 503, 504: table 400 → 402, gate keeper (a) → (b), SCI to LPAR1', () => {
    expect(patentSteps(run.results[0]!)).toEqual([500, 501, 503, 504]);
    const after = run.states[1]!;
    expect(tableState(after)).toBe('LPAR1:1');
    expect(after.slots[0]!.gateKeeper).toBe(L1);
    expect(after.lpars[1]!.gpe).toMatchObject({ status: true, insertMask: 1 });
  });

  test('the OS reads the GPE (505, 506), configures (507) and mounts (508)', () => {
    expect(patentSteps(run.results[1]!)).toEqual([505, 506]);
    expect(run.states[2]!.lpars[1]!.devices[0]).toBe('inserting');
    expect(patentSteps(run.results[2]!)).toEqual([507]);
    expect(run.states[3]!.lpars[1]!.devices[0]).toBe('configured');
    expect(patentSteps(run.results[3]!)).toEqual([508]);
    expect(run.final.lpars[1]!.devices[0]).toBe('mounted');
    expect(run.results.every((r) => r.outcome.kind === 'ok')).toBe(true);
  });

  test('finding: step 503 takes the slot without telling LPAR0, whose OS still has the disk mounted (INV-08, INV-09)', () => {
    const afterAdd = run.states[1]!;
    expect(afterAdd.lpars[0]!.devices[0]).toBe('mounted');
    expect(INV_09.state!(afterAdd, patentLparA)).toMatchObject({ holds: false });
    expect(INV_08.state!(afterAdd, patentLparA)).toMatchObject({ holds: false });
  });

  test('the same with LPAR0 paused first (FLT-03): a paused OS still believes the disk is mounted, so INV-09 still counts it', () => {
    const paused = play(patentLparA, [{ kind: 'pause', lpar: L0 }, { kind: 'add_pci', issuer: L1, from: L0, slot: S0 }]);
    expect(paused.results.map((r) => r.outcome.kind)).toEqual(['ok', 'ok']);
    expect(paused.final.lpars[0]!).toMatchObject({ os: 'running', paused: true });
    expect(INV_09.state!(paused.final, patentLparA)).toMatchObject({ holds: false, why: expect.stringMatching(/^LPAR0 believes the disk in slot 0 is mounted/) });
  });
});

describe('Fig. 5 hot-add into an empty slot (step 502)', () => {
  const run = play(patentLparA, [
    { kind: 'card_pull', slot: S0 }, //                       the card is pulled: LPAR0 hears of it
    { kind: 'guest_sci', lpar: L0 },
    { kind: 'guest_unmount', lpar: L0, slot: S0 },
    { kind: 'add_pci', issuer: L1, from: L0, slot: S0 }, //   500, 501 → 502
    { kind: 'card_insert', slot: S0 }, //                     the system manager inserts a card → 503, 504
  ]);

  test('add_pci on an empty slot stops at 502 and changes nothing in the table yet', () => {
    expect(patentSteps(run.results[3]!)).toEqual([500, 501, 502]);
    const waiting = run.states[4]!;
    expect(waiting.slots[0]!.pendingAdd).toBe(L1);
    expect(tableState(waiting)).toBe('LPAR0:1');
  });

  test('inserting the card completes 503 and 504: table 402, gate keeper (b), SCI to LPAR1', () => {
    expect(patentSteps(run.results[4]!)).toEqual([503, 504]);
    expect(run.results[4]!.effects.some((e) => e.kind === 'add-after-insert')).toBe(true);
    expect(tableState(run.final)).toBe('LPAR1:1');
    expect(run.final.slots[0]!.gateKeeper).toBe(L1);
    expect(run.final.slots[0]!.pendingAdd).toBeNull();
    expect(run.final.lpars[1]!.gpe.insertMask).toBe(1);
  });
});
