import { lparIds, slotIds, type Design, type LparId, type ModelState, type SlotId } from '../../model/index.ts';
import { ejectInFlight, enabledOwner, guestHoldsDevice, hasBit, insertInFlight, sciStuck, selectorAllows } from '../../model/queries.ts';
import type { Invariant } from '../catalogue-types.ts';
import { HOLDS, violated } from '../verdict.ts';

/**
 * An eject for (l, s) still covers the OS's stale view: it is on its way by a path that can
 * deliver it (the GPE status asserted, so the SCI fires once the GPE is enabled, unless an
 * edge-triggered line is already high with no edge latched; or a request at a card that is still
 * there), and the slot has not moved on to another LPAR meanwhile, after
 * which no eject can make the removal an orderly one. Without the bound an eject stands as cover
 * for as long as it lasts.
 */
export function ejectStillCovers(state: ModelState, design: Design, l: LparId, s: SlotId): boolean {
  const slot = state.slots[s]!;
  const owner = enabledOwner(slot);
  if (owner !== null && owner !== l) return false;
  const lpar = state.lpars[l]!;
  if (hasBit(lpar.gpe.ejectMask, s) && lpar.gpe.status && !sciStuck(design, lpar)) return true;
  return slot.romSci !== null && slot.romSci.target === l && slot.romSci.event === 'eject' && slot.card !== 'absent';
}

/** Why an eject does not cover (l, s), for the sentence. */
function noCover(state: ModelState, l: LparId, s: SlotId): string {
  const owner = enabledOwner(state.slots[s]!);
  return owner !== null && owner !== l ? `the slot is already enabled for LPAR${owner}` : 'no eject is on its way';
}

/** The guest's view of the slot disagrees with the table and no event is on its way to fix it. */
function lostEvent(state: ModelState, design: Design, l: LparId, s: SlotId): string | null {
  const lpar = state.lpars[l]!;
  const device = lpar.devices[s]!;
  const owns = selectorAllows(state, design, l, s);
  // A failed card answers no configuration: an OS that heard the hot-add gives it up (507), so 'none' is no lost insertion there.
  if (owns && device === 'none' && state.slots[s]!.card === 'present' && !insertInFlight(state, design, l, s)) {
    const stuck = hasBit(lpar.gpe.insertMask, s) ? ': it waits in the GPE, but the SCI line is high with no edge latched, so no SCI comes for it' : '';
    return `LPAR${l} can reach slot ${s} but its OS never heard of the hot-add${stuck}`;
  }
  if (!owns && guestHoldsDevice(lpar, s) && !ejectStillCovers(state, design, l, s)) return `LPAR${l}'s OS still holds slot ${s}, which it can no longer reach, and ${noCover(state, l, s)}`;
  return null;
}

export const INV_08: Invariant = {
  id: 'INV-08',
  expect: 'always',
  name: 'every logical hot-add or hot-remove for a running LPAR reaches its OS, and no SCI reaches a powered-off LPAR',
  coverage: 'model',
  note: 'For every running LPAR and every slot with a card (working or failed), a difference between the table and what the OS holds must be covered by a pending GPE event, a request at the card ROM, or a handshake in progress; a powered-off LPAR catches up at boot. A GPE event pends only while an SCI can still come for it: under `sciTrigger: edge`, not while the line is high with no edge latched. An eject covers only while it can still be delivered (GPE status asserted, or a ROM request at a card still there) and the slot has not moved on to another LPAR. On a failed card only removals are checked: an OS that heard of a hot-add gives a dead device up at 507. That an event is applied at most once is checked on the emulator, whose ACPI handler counts them.',
  state(state, design) {
    for (const l of lparIds(state.config.lparCount)) {
      if (state.lpars[l]!.os !== 'running') continue;
      for (const s of slotIds(state.config.slotCount)) {
        if (state.slots[s]!.card === 'absent') continue; // a pulled card is a physical removal, not a logical event
        const lost = lostEvent(state, design, l, s);
        if (lost !== null) return violated(lost);
      }
    }
    return HOLDS;
  },
  step({ before, result }) {
    for (const e of result.effects) {
      if (e.kind === 'sci' && (e.result === 'raised' || e.result === 'latched') && before.lpars[e.lpar]!.os === 'off') {
        return violated(`an SCI for slot ${e.slot} reached LPAR${e.lpar}, which is powered off`);
      }
    }
    return HOLDS;
  },
};

export const INV_09: Invariant = {
  id: 'INV-09',
  expect: 'always',
  name: 'an OS that believes the device is mounted owns the enabled slot, or has an eject for it in flight',
  coverage: 'model',
  note: 'Checked for every powered LPAR whose OS runs, paused or not: a paused OS still believes what it believed. An eject covers only while it can still be delivered (GPE status asserted, or a ROM request at a card still there) and the slot has not moved on to another LPAR.',
  state(state, design) {
    for (const l of lparIds(state.config.lparCount)) {
      const lpar = state.lpars[l]!;
      if (lpar.os !== 'running') continue;
      for (const s of slotIds(state.config.slotCount)) {
        if (lpar.devices[s] !== 'mounted') continue;
        if (!selectorAllows(state, design, l, s) && !ejectStillCovers(state, design, l, s)) {
          const slot = state.slots[s]!;
          const eject = ejectInFlight(state, l, s) ? 'an eject that can no longer make the removal orderly' : 'no eject';
          return violated(`LPAR${l} believes the disk in slot ${s} is mounted, but the slot is ${slot.enabled ? `enabled for LPAR${slot.owner}` : 'disabled'} and ${eject} is on its way`);
        }
      }
    }
    return HOLDS;
  },
};
