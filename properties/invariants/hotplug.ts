import { lparIds, slotIds, type Design, type LparId, type ModelState, type SlotId } from '../../model/index.ts';
import { ejectInFlight, guestHoldsDevice, insertInFlight, selectorAllows } from '../../model/queries.ts';
import type { Invariant } from '../catalogue-types.ts';
import { HOLDS, violated } from '../verdict.ts';

/** The guest's view of the slot disagrees with the table and no event is on its way to fix it. */
function lostEvent(state: ModelState, design: Design, l: LparId, s: SlotId): string | null {
  const lpar = state.lpars[l]!;
  const device = lpar.devices[s]!;
  const owns = selectorAllows(state, design, l, s);
  if (owns && device === 'none' && !insertInFlight(state, l, s)) return `LPAR${l} can reach slot ${s} but its OS never heard of the hot-add`;
  if (!owns && guestHoldsDevice(lpar, s) && !ejectInFlight(state, l, s)) return `LPAR${l}'s OS still holds slot ${s}, which it can no longer reach, and no eject is on its way`;
  return null;
}

export const INV_08: Invariant = {
  id: 'INV-08',
  expect: 'always',
  name: 'every logical hot-add or hot-remove for a running LPAR reaches its OS, and no SCI reaches a powered-off LPAR',
  coverage: 'model',
  note: 'For every running LPAR and every slot with a card, a difference between the table and what the OS holds must be covered by a pending GPE event, a request at the card ROM, or a handshake in progress; a powered-off LPAR catches up at boot. That an event is applied at most once is checked on the emulator, whose ACPI handler counts them.',
  state(state, design) {
    for (const l of lparIds(state.config.lparCount)) {
      if (state.lpars[l]!.os !== 'running') continue;
      for (const s of slotIds(state.config.slotCount)) {
        if (state.slots[s]!.card !== 'present') continue; // a pulled or failed card is not a logical event
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
  note: 'Checked for every powered LPAR whose OS runs, paused or not: a paused OS still believes what it believed.',
  state(state, design) {
    for (const l of lparIds(state.config.lparCount)) {
      const lpar = state.lpars[l]!;
      if (lpar.os !== 'running') continue;
      for (const s of slotIds(state.config.slotCount)) {
        if (lpar.devices[s] !== 'mounted') continue;
        if (!selectorAllows(state, design, l, s) && !ejectInFlight(state, l, s)) {
          return violated(`LPAR${l} believes the disk in slot ${s} is mounted, but the slot is ${state.slots[s]!.enabled ? `enabled for LPAR${state.slots[s]!.owner}` : 'disabled'} and no eject is on its way`);
        }
      }
    }
    return HOLDS;
  },
};
