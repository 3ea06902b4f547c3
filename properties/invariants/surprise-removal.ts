import { lparIds, slotIds, type Design, type LparId, type ModelState, type SlotId } from '../../model/index.ts';
import { enabledOwner, selectorAllows } from '../../model/queries.ts';
import type { Invariant } from '../catalogue-types.ts';
import { HOLDS, violated } from '../verdict.ts';

/**
 * The OS of `l` still uses the disk in `s` (mounted, or ejecting: flushing before its unmount,
 * 606) while the slot already serves another LPAR. The model keeps no finer guest-side I/O: a
 * mounted disk may hold I/O the OS queued or cached, and the unmount (606) is where an orderly
 * eject completes it or hands it back; once the slot serves another LPAR that can no longer happen.
 */
export function lostToRemoval(state: ModelState, design: Design, l: LparId, s: SlotId): boolean {
  const lpar = state.lpars[l]!;
  const device = lpar.devices[s];
  if (device !== 'mounted' && device !== 'ejecting') return false;
  const slot = state.slots[s]!;
  const owner = enabledOwner(slot);
  return slot.card === 'present' && owner !== null && owner !== l && !selectorAllows(state, design, l, s);
}

export const INV_14: Invariant = {
  id: 'INV-14',
  expect: 'always',
  name: 'no I/O a running OS issued to a device is lost by a removal it did not agree to',
  coverage: 'model',
  note: 'A running OS that nobody declared failed and that still has the disk mounted, or is still flushing it before its unmount (606), must not find the slot already enabled for another LPAR: its outstanding I/O can then neither complete nor be handed back. A fenced or declared-failed OS, and a failed or pulled card (the fault loses the I/O, not the removal), are not counted. The model abstracts guest-side I/O as the mounted disk itself.',
  state(state, design) {
    for (const l of lparIds(state.config.lparCount)) {
      const lpar = state.lpars[l]!;
      if (lpar.os !== 'running' || lpar.detectedFailed) continue;
      for (const s of slotIds(state.config.slotCount)) {
        if (!lostToRemoval(state, design, l, s)) continue;
        const how = lpar.devices[s] === 'mounted' ? 'has the disk mounted' : 'is still flushing it before its unmount (606)';
        return violated(`slot ${s} is enabled for LPAR${enabledOwner(state.slots[s]!)} while LPAR${l}'s OS, running and never declared failed, ${how}: its outstanding I/O is lost`);
      }
    }
    return HOLDS;
  },
};
