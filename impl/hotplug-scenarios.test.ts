// Why: register-level walk-throughs of the patent's logical hot-plug flows (Fig. 5, Fig. 6), so
// that the table, the gate keeper entries, the ACPI registers and the card are seen to hold what
// each step says, not only what the abstraction function reports.
import { describe, expect, it } from 'vitest';
import { builtInDesign, lpar, slot, type Design } from '../model/index.ts';
import { CARD_ABSENT, DRIVER_CONFIGURED, DRIVER_EJECTING, DRIVER_INSERTING, DRIVER_MOUNTED, DRIVER_NONE, NONE, SERVICE_STOPPED } from './codes.ts';
import { Emulator } from './emulator.ts';
import { accept, patentSteps } from './test-helpers.ts';

const config = { lparCount: 2, slotCount: 1, faultBudget: 10, writeBudget: 3 };
const L0 = lpar(0);
const L1 = lpar(1);
const S0 = slot(0);
const design = (name: string): Design => builtInDesign(name)!;

describe('Fig. 5: logical hot-add of slot 0 from LPAR0 to LPAR1', () => {
  it('with a card (501 → 503 → 504 → 505–508): table, gate keeper, GPE registers, then configure and mount', () => {
    const emu = new Emulator(config, design('patent-lpar-a'));
    const m = emu.machine;
    const seen = accept(emu, { kind: 'add_pci', issuer: L1, from: L0, slot: S0 });
    expect(patentSteps(seen)).toEqual([500, 501, 503, 504]);
    // 503: state 402 of Fig. 4, Fig. 8 (b): the entry maps the bus range onto LPAR1's window.
    expect([m.owner[0], m.enabled[0]]).toEqual([1, 1]);
    expect(m.gateKeeper.entryBase[0]).toBe(m.memory.windowBase(1));
    expect(m.gateKeeper.entryLimit[0]).toBe(m.memory.windowBytes);
    // 504: the insertion is pending in LPAR1's "up" bitmap and the SCI line is high.
    const acpi = m.acpi[1]!;
    expect([acpi.pciUp, acpi.pciDown, acpi.statusSet, acpi.sciAsserted]).toEqual([1, 0, true, true]);

    const read = accept(emu, { kind: 'guest_sci', lpar: L1 });
    expect(patentSteps(read)).toEqual([505, 506]);
    expect(read).toContainEqual({ kind: 'gpe-read', lpar: 1, up: 1, down: 0 });
    expect([acpi.pciUp, acpi.statusSet, acpi.sciAsserted]).toEqual([0, false, false]); // written 1 to clear
    expect(m.guests[1]!.drivers[0]).toBe(DRIVER_INSERTING);

    const served = m.cards[0]!.accessesServed;
    accept(emu, { kind: 'guest_configure', lpar: L1, slot: S0 });
    expect(m.guests[1]!.drivers[0]).toBe(DRIVER_CONFIGURED);
    accept(emu, { kind: 'guest_mount', lpar: L1, slot: S0 });
    expect(m.guests[1]!.drivers[0]).toBe(DRIVER_MOUNTED);
    expect(m.cards[0]!.accessesServed).toBe(served + 2); // 507 config access and 508 MMIO reached the card
  });

  it('without a card (501 → 502): the add waits; the system manager inserts the card and 503–504 follow', () => {
    const emu = new Emulator(config, design('patent-lpar-a'));
    const m = emu.machine;
    accept(emu, { kind: 'card_pull', slot: S0 });
    expect(m.cards[0]!.state).toBe(CARD_ABSENT);
    const waiting = accept(emu, { kind: 'add_pci', issuer: L1, from: L0, slot: S0 });
    expect(patentSteps(waiting)).toEqual([500, 501, 502]);
    expect([m.owner[0], m.pendingAdd[0]]).toEqual([0, 1]); // the table does not move before the card is in
    expect(m.acpi[1]!.pciUp).toBe(0);

    const inserted = accept(emu, { kind: 'card_insert', slot: S0 });
    expect(patentSteps(inserted)).toEqual([503, 504]);
    expect([m.owner[0], m.enabled[0], m.pendingAdd[0]]).toEqual([1, 1, NONE]);
    expect(m.gateKeeper.entryWindow(0)).toBe(1);
    expect(m.acpi[1]!.pciUp).toBe(1);
  });

  it('a second add_pci while the first waits for a card is refused with add-pending and changes nothing', () => {
    const emu = new Emulator({ ...config, lparCount: 3 }, design('patent-lpar-a'));
    accept(emu, { kind: 'card_pull', slot: S0 }, { kind: 'add_pci', issuer: L1, from: L0, slot: S0 });
    const before = JSON.stringify(emu.abstract());
    const step = emu.apply({ kind: 'add_pci', issuer: lpar(2), from: L0, slot: S0 });
    expect(step.outcome).toMatchObject({ kind: 'rejected', code: 'add-pending' });
    expect(JSON.stringify(emu.abstract())).toBe(before);
  });
});

describe('Fig. 6: logical hot-remove of slot 0 from LPAR0', () => {
  it('active target, literal patent (601 clears only the enable flag): eject SCI, 604–606, the gate keeper still maps LPAR0', () => {
    const emu = new Emulator(config, design('patent-lpar-a'));
    const m = emu.machine;
    const seen = accept(emu, { kind: 'rem_pci', issuer: L1, target: L0, slot: S0 });
    expect(patentSteps(seen)).toEqual([600, 601, 602, 603]);
    expect([m.owner[0], m.enabled[0]]).toEqual([0, 0]); // state 401
    expect(m.gateKeeper.entryWindow(0)).toBe(0); // DSN-01: disableBlocksDma false
    expect(m.acpi[0]!.pciDown).toBe(1);

    const read = accept(emu, { kind: 'guest_sci', lpar: L0 });
    expect(patentSteps(read)).toEqual([604, 605]);
    expect(m.guests[0]!.drivers[0]).toBe(DRIVER_EJECTING);
    accept(emu, { kind: 'guest_unmount', lpar: L0, slot: S0 });
    expect(m.guests[0]!.drivers[0]).toBe(DRIVER_NONE);
    expect(m.guests[0]!.service).toBe(SERVICE_STOPPED); // it lost the service's disk
  });

  it('active target, hardened: 601 also blocks the gate keeper, and the slot waits for the eject acknowledge register', () => {
    const emu = new Emulator(config, design('hardened'));
    const m = emu.machine;
    // Under takeover-only authorization LPAR1 must be failing over LPAR0 to command it.
    accept(emu, { kind: 'service_fail', lpar: L0 }, { kind: 'tick' }, { kind: 'cluster_step', lpar: L1 });
    expect(m.cluster[1]!.scriptVictim).toBe(0); // detected by the heartbeat's "service failed"
    accept(emu, { kind: 'rem_pci', issuer: L1, target: L0, slot: S0 });
    expect(m.gateKeeper.entryBase[0]).toBe(NONE);
    expect(m.ejectAckAwaited[0]).toBe(0);
    const refused = emu.apply({ kind: 'add_pci', issuer: L1, from: L0, slot: S0 });
    expect(refused.outcome).toMatchObject({ kind: 'rejected', code: 'eject-not-acknowledged' });
    const acked = accept(emu, { kind: 'guest_sci', lpar: L0 }, { kind: 'guest_unmount', lpar: L0, slot: S0 });
    expect(acked).toContainEqual({ kind: 'eject-ack', lpar: 0, slot: 0, accepted: true });
    expect(m.ejectAckAwaited[0]).toBe(NONE);
  });

  it('inactive target (602 → done): no SCI, the powered-off LPAR\'s ACPI block stays in reset', () => {
    const emu = new Emulator(config, design('patent-lpar-a'));
    const m = emu.machine;
    accept(emu, { kind: 'deact', issuer: L1, target: L0 });
    const seen = accept(emu, { kind: 'rem_pci', issuer: L1, target: L0, slot: S0 });
    expect(patentSteps(seen)).toEqual([600, 601, 602]);
    expect(seen.some((o) => o.kind === 'sci')).toBe(false);
    expect([m.acpi[0]!.pciDown, m.acpi[0]!.statusSet]).toEqual([0, false]);
    expect(m.enabled[0]).toBe(0);
  });
});
