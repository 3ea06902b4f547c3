import { CARD_ABSENT, CARD_PRESENT, DRIVER_CONFIGURED, DRIVER_EJECTING, DRIVER_MOUNTED, DRIVER_NONE, EVENT_EJECT, EVENT_INSERT, NONE, OS_OFF, OS_RUNNING } from '../../impl/codes.ts';
import { SERVICE_SLOT } from '../../impl/guest-driver.ts';
import type { Machine } from '../../impl/machine.ts';
import type { EmulatorInvariant } from './emulator-invariant.ts';

// INV-07…INV-09 on the emulator: durability from the disk's bytes and the clients' acknowledgements,
// hot-plug events from the ACPI blocks, the ROM request register and the guests' ACPI handlers.

/** An event of this kind for (lpar, slot) is on its way: set in the LPAR's ACPI bitmap, or requested at the card's ROM. */
function eventInFlight(m: Machine, lpar: number, slot: number, event: number): boolean {
  const a = m.acpi[lpar]!;
  if (((event === EVENT_INSERT ? a.pciUp : a.pciDown) & (1 << slot)) !== 0 && !a.sciStuck) return true;
  const card = m.cards[slot]!;
  return card.romTarget === lpar && card.romEvent === event;
}

function durabilityProblem(m: Machine): string | null {
  const acked = m.ackedWriteId;
  if (acked === 0) return null;
  const onDisk = m.disk.writeId;
  const intact = m.disk.intact; // the payload bytes are exactly those of the write the header names
  if (onDisk >= acked && intact) return null;
  const card = m.cards[SERVICE_SLOT]!;
  const staleEpoch = m.design.inflightDmaOnReassign === 'epoch' && card.queuedEpoch !== card.epoch;
  if (card.queued && !staleEpoch && card.queuedWriteId === acked) return null; // acknowledged before durable, still on its way
  if (!intact) return `write ${acked} was acknowledged but the disk's payload bytes are not those of write ${onDisk} it names (data from the wrong memory window, or garbled)`;
  return `write ${acked} was acknowledged but the disk holds write ${onDisk}`;
}

export const EMU_INV_07: EmulatorInvariant = {
  id: 'INV-07',
  name: 'the disk bytes hold the last acknowledged write or a later one, and no fenced LPAR writes after the new active started',
  check(view) {
    for (const o of view.observations) {
      if (o.kind === 'disk-write' && o.writer !== view.activeBefore) {
        return `LPAR${o.writer}'s write ${o.writeId} landed on the disk after LPAR${view.activeBefore} started the service`;
      }
    }
    return durabilityProblem(view.machine);
  },
};

/** The LPAR is wired to the slot: its enabled owner, or any powered partition of a multi-port disk. */
function wired(m: Machine, l: number, s: number): boolean {
  return m.design.ports === 'multi' ? m.guests[l]!.poweredOn : m.enabledOwner(s) === l;
}

/**
 * An eject still covers (l, s) (properties/invariants/hotplug.ts `ejectStillCovers`): deliverable
 * (the bitmap bit with GPE status latched, or a ROM request at a card still there) and the slot
 * not enabled for another LPAR.
 */
function ejectStillCovers(m: Machine, l: number, s: number): boolean {
  const owner = m.enabledOwner(s);
  if (owner !== NONE && owner !== l) return false;
  const a = m.acpi[l]!;
  if ((a.pciDown & (1 << s)) !== 0 && a.statusSet && !a.sciStuck) return true;
  const card = m.cards[s]!;
  return card.romTarget === l && card.romEvent === EVENT_EJECT && card.state !== CARD_ABSENT;
}

function lostEvent(m: Machine, l: number, s: number): string | null {
  const driver = m.guests[l]!.drivers[s]!;
  const reaches = wired(m, l, s);
  const present = m.cards[s]!.state === CARD_PRESENT; // a failed card answers no configuration: only removals are checked there
  if (reaches && present && driver === DRIVER_NONE && !eventInFlight(m, l, s, EVENT_INSERT)) return `LPAR${l} can reach slot ${s} but its OS never heard of the hot-add`;
  const holds = driver === DRIVER_CONFIGURED || driver === DRIVER_MOUNTED;
  if (!reaches && holds && !ejectStillCovers(m, l, s)) return `LPAR${l}'s OS still holds slot ${s}, which it can no longer reach, and no eject that still covers it is on its way`;
  return null;
}

function appliedTwice(m: Machine, l: number, s: number): string | null {
  const g = m.guests[l]!;
  const a = m.acpi[l]!;
  if (g.insertsApplied[s]! > a.insertsPosted[s]!) return `LPAR${l}'s ACPI handler applied ${g.insertsApplied[s]} insertions into slot ${s} for ${a.insertsPosted[s]} posted`;
  if (g.ejectsApplied[s]! > a.ejectsPosted[s]!) return `LPAR${l}'s ACPI handler applied ${g.ejectsApplied[s]} ejects of slot ${s} for ${a.ejectsPosted[s]} posted`;
  return null;
}

export const EMU_INV_08: EmulatorInvariant = {
  id: 'INV-08',
  name: 'every hot-plug event for a running LPAR reaches its OS and is applied at most once; no SCI reaches a powered-off LPAR',
  check(view) {
    const m = view.machine;
    for (const o of view.observations) {
      if (o.kind === 'sci' && (o.result === 'raised' || o.result === 'latched') && view.osBefore[o.lpar] === OS_OFF) {
        return `an SCI for slot ${o.slot} reached LPAR${o.lpar}, which was powered off`;
      }
    }
    for (let l = 0; l < m.lparCount; l += 1) {
      for (let s = 0; s < m.slotCount; s += 1) {
        const twice = appliedTwice(m, l, s);
        if (twice !== null) return twice;
        if (m.guests[l]!.os !== OS_RUNNING || m.cards[s]!.state === CARD_ABSENT) continue;
        const lost = lostEvent(m, l, s);
        if (lost !== null) return lost;
      }
    }
    return null;
  },
};

export const EMU_INV_09: EmulatorInvariant = {
  id: 'INV-09',
  name: 'an OS whose driver has the disk mounted owns the enabled slot, or has an eject for it in flight',
  check(view) {
    const m = view.machine;
    for (let l = 0; l < m.lparCount; l += 1) {
      const g = m.guests[l]!;
      if (g.os !== OS_RUNNING) continue;
      for (let s = 0; s < m.slotCount; s += 1) {
        if (g.drivers[s] !== DRIVER_MOUNTED) continue;
        if (!wired(m, l, s) && !ejectStillCovers(m, l, s)) {
          const owner = m.enabledOwner(s);
          return `LPAR${l} has the disk in slot ${s} mounted, but the slot is ${owner === NONE ? 'disabled' : `enabled for LPAR${owner}`} and no eject is on its way`;
        }
      }
    }
    return null;
  },
};

export const EMU_INV_14: EmulatorInvariant = {
  id: 'INV-14',
  name: 'no running OS never declared failed still uses (mounted or ejecting) a slot with a working card that is enabled for another LPAR',
  check(view) {
    const m = view.machine;
    for (let l = 0; l < m.lparCount; l += 1) {
      const g = m.guests[l]!;
      if (g.os !== OS_RUNNING || (m.failedMask & (1 << l)) !== 0) continue;
      for (let s = 0; s < m.slotCount; s += 1) {
        const driver = g.drivers[s];
        if (driver !== DRIVER_MOUNTED && driver !== DRIVER_EJECTING) continue;
        const owner = m.enabledOwner(s);
        if (m.cards[s]!.state === CARD_PRESENT && owner !== NONE && owner !== l && !wired(m, l, s)) {
          return `slot ${s} is enabled for LPAR${owner} while LPAR${l}'s OS, running and never declared failed, still uses it: its outstanding I/O is lost`;
        }
      }
    }
    return null;
  },
};
