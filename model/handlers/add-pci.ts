import type { Draft } from 'immer';
import type { ControlCommand } from '../commands.ts';
import { commit, type Emit } from '../commit.ts';
import { addPciToOwner, type Design } from '../design.ts';
import { refusal, type Handler, type Refusal } from '../handler.ts';
import type { LparId, SlotId } from '../ids.ts';
import { raiseHotplugSciMutably } from '../mutators/sci.ts';
import { reassignSlotMutably } from '../mutators/slot-table.ts';
import { slotAt } from '../queries.ts';
import type { ModelState } from '../state.ts';

type AddPci = Extract<ControlCommand, { kind: 'add_pci' }>;

/** Steps 503–504, shared by add_pci with a card present and by card insertion after 502. */
export function completeHotAddMutably(draft: Draft<ModelState>, design: Design, slot: SlotId, lpar: LparId, emit: Emit): void {
  reassignSlotMutably(draft, design, slot, lpar, emit);
  emit({ kind: 'patent-step', step: 504 });
  raiseHotplugSciMutably(draft, design, lpar, slot, 'insert', emit);
}

/**
 * The guard of add_pci. `viaScript`: under `addPciToOwner: reenable` a fail-over script's add_pci
 * may enable again a removed slot still allocated to its issuer; issued directly, never.
 */
export function addPciRefusal(state: ModelState, c: AddPci, design: Design, viaScript: boolean): Refusal | null {
  const slot = slotAt(state, c.slot);
  if (c.issuer === c.from && !(viaScript && addPciToOwner(design) === 'reenable' && slot.owner === c.issuer && !slot.enabled)) {
    return refusal('same-lpar', `add_pci from LPAR${c.from} to itself (Fig. 5 needs m ≠ n)`);
  }
  if (slot.owner !== c.from) {
    return refusal('not-owner', `slot ${c.slot} is allocated to ${slot.owner === null ? 'no LPAR' : `LPAR${slot.owner}`}, not LPAR${c.from}`);
  }
  if (slot.pendingAdd !== null) return refusal('add-pending', `slot ${c.slot} already waits for a card for LPAR${slot.pendingAdd} (step 502)`);
  if (slot.ejectAwaitingAck !== null) {
    return refusal('eject-not-acknowledged', `slot ${c.slot} waits for LPAR${slot.ejectAwaitingAck} to acknowledge its eject`);
  }
  if (slot.enabled && design.addWhileEnabled === 'reject') {
    return refusal('slot-enabled-elsewhere', `slot ${c.slot} is still enabled for LPAR${c.from}; remove it first (rem_pci)`);
  }
  return null;
}

/** Fig. 3(c), Fig. 5: connect to the issuer the slot now allocated to `from`. */
export const addPci: Handler<AddPci> = {
  guard: (state, c, design) => addPciRefusal(state, c, design, false),
  apply(state, c, design) {
    return commit(state, (draft, emit) => {
      emit({ kind: 'patent-step', step: 500 });
      emit({ kind: 'patent-step', step: 501 });
      if (draft.slots[c.slot]!.card === 'absent') {
        emit({ kind: 'patent-step', step: 502 });
        emit({ kind: 'add-awaits-card', slot: c.slot, lpar: c.issuer });
        draft.slots[c.slot]!.pendingAdd = c.issuer;
        return;
      }
      completeHotAddMutably(draft, design, c.slot, c.issuer, emit);
    });
  },
};
