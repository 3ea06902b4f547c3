import type { ControlCommand } from '../commands.ts';
import { commit } from '../commit.ts';
import { refusal, type Handler } from '../handler.ts';
import { raiseHotplugSciMutably } from '../mutators/sci.ts';
import { disableSlotMutably } from '../mutators/slot-table.ts';
import { hotRemoveSci } from '../design.ts';
import { bit, slotAt } from '../queries.ts';

type RemPci = Extract<ControlCommand, { kind: 'rem_pci' }>;

/** Fig. 3(d), Fig. 6: logically hot-remove the slot from the target LPAR. */
export const remPci: Handler<RemPci> = {
  guard(state, c) {
    const slot = slotAt(state, c.slot);
    if (slot.owner !== c.target) {
      return refusal('not-owner', `slot ${c.slot} is allocated to ${slot.owner === null ? 'no LPAR' : `LPAR${slot.owner}`}, not LPAR${c.target}`);
    }
    if (!slot.enabled) return refusal('already-removed', `slot ${c.slot} is already disabled for LPAR${c.target} (state 401)`);
    return null;
  },
  apply(state, c, design) {
    return commit(state, (draft, emit) => {
      emit({ kind: 'patent-step', step: 600 });
      disableSlotMutably(draft, design, c.slot, emit);
      emit({ kind: 'patent-step', step: 602 });
      if (draft.lpars[c.target]!.os === 'off') {
        emit({ kind: 'remove-inactive', slot: c.slot, lpar: c.target });
        return;
      }
      if (hotRemoveSci(design) === 'skip') {
        draft.lpars[c.target]!.gpe.ejectMask |= bit(c.slot); // posted, but no SCI: 603 skipped
      } else {
        emit({ kind: 'patent-step', step: 603 });
        raiseHotplugSciMutably(draft, design, c.target, c.slot, 'eject', emit);
      }
      if (design.ejectAck === 'required') draft.slots[c.slot]!.ejectAwaitingAck = c.target;
    });
  },
};
