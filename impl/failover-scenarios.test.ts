// Why: the patent's two fail-overs (Fig. 9a / Fig. 10, Fig. 9b / Fig. 11) run end to end on the
// emulator, checking the slot table, the gate keeper, and the BYTES: where the service's data
// buffers sit in physical memory and what the disk holds after each write. Also FLT-11: a write
// programmed by the old owner and fetched after reassignment reads the new owner's window.
import { describe, expect, it } from 'vitest';
import { builtInDesign, lpar, slot, type Command } from '../model/index.ts';
import { OS_OFF, OS_RUNNING, OS_SHUTDOWN, ROLE_ACTIVE, ROLE_STANDBY, SERVICE_RUNNING } from './codes.ts';
import { Emulator } from './emulator.ts';
import { bufferGpa, PAYLOAD_BYTES, payloadByte } from './layout.ts';
import type { Machine } from './machine.ts';
import { accept, patentSteps } from './test-helpers.ts';

const config = { lparCount: 2, slotCount: 1, faultBudget: 10, writeBudget: 3 };
const L0 = lpar(0);
const L1 = lpar(1);
const S0 = slot(0);

function payload(writeId: number): number[] {
  return Array.from({ length: PAYLOAD_BYTES }, (_, i) => payloadByte(writeId, i));
}

function bufferIn(m: Machine, window: number, writeId: number): number[] {
  const at = m.memory.windowBase(window) + bufferGpa(writeId);
  return [...m.memory.bytes.subarray(at, at + PAYLOAD_BYTES)];
}

function diskPayload(m: Machine): number[] {
  return [...m.disk.sector.subarray(4)];
}

/** `times` accepted clustering-program steps of LPAR1. */
function stepCluster(emu: Emulator, times: number): Command[] {
  return Array.from({ length: times }, (): Command => ({ kind: 'cluster_step', lpar: L1 }));
}

describe('Fig. 9a / Fig. 10: fail-over case (a), the OS of LPAR0 fails', () => {
  it('1100 detect → 1101 deact → 1102 rem_pci → 1103 add_pci → 1104 start → 1105 act, with the data on disk', () => {
    const emu = new Emulator(config, builtInDesign('patent-lpar-a')!);
    const m = emu.machine;
    accept(emu, { kind: 'client_write', lpar: L0 }, { kind: 'device_dma', slot: S0 });
    expect(bufferIn(m, 0, 1)).toEqual(payload(1)); // the driver filled its buffer in LPAR0's window
    expect([m.disk.writeId, diskPayload(m)]).toEqual([1, payload(1)]);
    expect(m.ackedWriteId).toBe(1); // after durable

    accept(emu, { kind: 'os_crash', lpar: L0 }, { kind: 'tick' }, { kind: 'tick' }); // FLT-01, two silent periods
    const detect = emu.apply({ kind: 'cluster_step', lpar: L1 });
    expect(patentSteps(detect.observations)).toEqual([1100]);
    const script = accept(emu, ...stepCluster(emu, 3)); // 1101 deact, 1102 rem_pci, 1103 add_pci
    // 1102 finds LPAR0 off: 602 → done, no SCI; 1103 is Fig. 5 with a card.
    expect(patentSteps(script)).toEqual([1101, 1102, 600, 601, 602, 1103, 500, 501, 503, 504]);
    expect(m.guests[0]!.os).toBe(OS_OFF);
    expect([m.owner[0], m.enabled[0], m.gateKeeper.entryWindow(0)]).toEqual([1, 1, 1]);

    accept(emu, { kind: 'guest_sci', lpar: L1 }, { kind: 'guest_configure', lpar: L1, slot: S0 }, { kind: 'guest_mount', lpar: L1, slot: S0 });
    const start = accept(emu, { kind: 'cluster_step', lpar: L1 });
    expect(patentSteps(start)).toContain(1104);
    expect([m.activeLpar, m.cluster[1]!.role, m.guests[1]!.service, m.cpuPercent[1]]).toEqual([1, ROLE_ACTIVE, SERVICE_RUNNING, 90]);

    accept(emu, { kind: 'cluster_step', lpar: L1 }); // 1105: LPAR0 comes back
    expect([m.guests[0]!.os, m.cluster[0]!.role, m.cluster[1]!.hasScript]).toEqual([OS_RUNNING, ROLE_STANDBY, false]);

    accept(emu, { kind: 'client_write', lpar: L1 }, { kind: 'device_dma', slot: S0 });
    expect(bufferIn(m, 1, 2)).toEqual(payload(2));
    expect([m.disk.writeId, diskPayload(m), m.disk.intact]).toEqual([2, payload(2), true]);
  });
});

describe('Fig. 9b / Fig. 11: fail-over case (b), only the service of LPAR0 fails', () => {
  it('1106 detect → 1107 rem_pci → 1108 shut down → 1109 deact → 1103…1105', () => {
    const emu = new Emulator(config, builtInDesign('patent-lpar-b')!);
    const m = emu.machine;
    accept(emu, { kind: 'service_fail', lpar: L0 }, { kind: 'tick' }); // the heartbeat says "service failed"
    expect(m.cluster[1]!.peerServiceFailed).toBe(true);
    expect(patentSteps(accept(emu, { kind: 'cluster_step', lpar: L1 }))).toEqual([1106]);
    accept(emu, { kind: 'cluster_step', lpar: L1 }); // 1107
    expect([m.enabled[0], m.acpi[0]!.pciDown]).toEqual([0, 1]);
    expect(patentSteps(accept(emu, { kind: 'cluster_step', lpar: L1 }))).toEqual([1108]);
    expect(m.guests[0]!.shutdownRequested).toBe(true);
    accept(emu, { kind: 'guest_shutdown', lpar: L0 });
    expect(m.guests[0]!.os).toBe(OS_SHUTDOWN);
    accept(emu, { kind: 'cluster_step', lpar: L1 }, { kind: 'cluster_step', lpar: L1 }); // 1109 deact, 1103 add_pci
    expect([m.guests[0]!.os, m.owner[0], m.enabled[0], m.gateKeeper.entryWindow(0)]).toEqual([OS_OFF, 1, 1, 1]);
    accept(emu, { kind: 'guest_sci', lpar: L1 }, { kind: 'guest_configure', lpar: L1, slot: S0 }, { kind: 'guest_mount', lpar: L1, slot: S0 });
    accept(emu, { kind: 'cluster_step', lpar: L1 }, { kind: 'cluster_step', lpar: L1 }); // 1104 start, 1105 act
    expect([m.activeLpar, m.previousActive, m.guests[0]!.os, m.cluster[1]!.hasScript]).toEqual([1, 0, OS_RUNNING, false]);
  });
});

describe('FLT-11: a write in flight across the reassignment', () => {
  it('literal patent: the card fetches the old owner\'s write from the NEW owner\'s window; the disk bytes are wrong', () => {
    const emu = new Emulator(config, builtInDesign('patent-lpar-a')!);
    const m = emu.machine;
    accept(emu, { kind: 'client_write', lpar: L0 }, { kind: 'add_pci', issuer: L1, from: L0, slot: S0 });
    const dma = accept(emu, { kind: 'device_dma', slot: S0 });
    const landed = dma.find((o) => o.kind === 'dma');
    expect(landed).toMatchObject({ result: 'landed', issuer: 0, physicalAddress: m.memory.windowBase(1) + bufferGpa(1) });
    expect(m.disk.writeId).toBe(1);
    expect(diskPayload(m)).toEqual(bufferIn(m, 1, 1)); // LPAR1's (empty) buffer, not LPAR0's data
    expect(diskPayload(m)).not.toEqual(payload(1));
    expect(m.disk.intact).toBe(false);
  });

  it('hardened (quiesce): the function-level reset at 503 aborts the queued write before the slot moves', () => {
    const emu = new Emulator(config, builtInDesign('hardened')!);
    accept(emu, { kind: 'client_write', lpar: L0 });
    expect(emu.machine.cards[0]!.queued).toBe(true);
    accept(emu, { kind: 'os_crash', lpar: L0 }, { kind: 'tick' }, { kind: 'tick' });
    const seen = accept(emu, ...stepCluster(emu, 5)); // detect, 1101 deact (await-fenced skipped), rem_pci, act, add_pci
    expect(seen).toContainEqual({ kind: 'io-aborted', slot: 0, issuer: 0, writeId: 1, reason: 'function-level reset before reassignment' });
    expect(emu.apply({ kind: 'device_dma', slot: S0 }).outcome).toMatchObject({ code: 'not-enabled' });
  });
});
