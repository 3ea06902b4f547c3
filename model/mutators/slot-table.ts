import type { Draft } from 'immer';
import type { Emit } from '../commit.ts';
import { lateGateKeeperRewrite, quiesceBy, type Design } from '../design.ts';
import { performDmaMutably } from './dma.ts';
import type { LparId, SlotId } from '../ids.ts';
import type { ModelState, SlotState } from '../state.ts';

/**
 * Rewrite the gate keeper entry (Fig. 8). With a cache whose invalidation the control program
 * does not wait for, or (`afterEnable`) a step-503 rewrite issued after the enable flag under
 * `gateKeeperOrder: enable-then-rewrite`, the old translation stays in use until `gk_flush`.
 */
export function rewriteGateKeeperMutably(slot: Draft<SlotState>, design: Design, window: LparId | null, afterEnable = false): void {
  const late = design.gateKeeperCache === 'invalidate-after-enable' || (afterEnable && lateGateKeeperRewrite(design));
  if (late && slot.gateKeeper !== null && slot.gateKeeper !== window) {
    slot.gateKeeperStale ??= slot.gateKeeper;
  }
  slot.gateKeeper = window;
}

/** What happens to I/O the card holds when the slot changes hands (open question 2). */
function settleInflightIoMutably(draft: Draft<ModelState>, design: Design, slotId: SlotId, emit: Emit): void {
  const slot = draft.slots[slotId]!;
  if (slot.io === null) return;
  if (design.inflightDmaOnReassign === 'quiesce') {
    const by = quiesceBy(design);
    if (by === 'reset-at-add-pci') resetCardMutably(draft, slotId, emit);
    else if (by === 'drain-at-add-pci' && slot.card === 'present') performDmaMutably(draft, design, slotId, emit);
  } else if (design.inflightDmaOnReassign === 'epoch') {
    slot.io.stale = true;
  }
}

function resetCardMutably(draft: Draft<ModelState>, slotId: SlotId, emit: Emit): void {
  abortIoMutably(draft, slotId, 'function-level reset before reassignment', emit);
}

/** Step 503: allocate the slot to `lpar` with enable flag 1 and point the gate keeper at its window. */
export function reassignSlotMutably(draft: Draft<ModelState>, design: Design, slotId: SlotId, lpar: LparId, emit: Emit): void {
  emit({ kind: 'patent-step', step: 503 });
  settleInflightIoMutably(draft, design, slotId, emit);
  const slot = draft.slots[slotId]!;
  slot.owner = lpar;
  slot.enabled = true;
  rewriteGateKeeperMutably(slot, design, lpar, true);
}

/** Step 601: enable flag 0 (state 400 → 401); the gate keeper too, where the design says so. */
export function disableSlotMutably(draft: Draft<ModelState>, design: Design, slotId: SlotId, emit: Emit): void {
  emit({ kind: 'patent-step', step: 601 });
  const slot = draft.slots[slotId]!;
  slot.enabled = false;
  if (design.disableBlocksDma) rewriteGateKeeperMutably(slot, design, null);
  if (design.inflightDmaOnReassign === 'quiesce' && quiesceBy(design) === 'reset-at-rem-pci') resetCardMutably(draft, slotId, emit);
}

/** The card drops what it was doing (pulled, failed, reset). */
export function abortIoMutably(draft: Draft<ModelState>, slotId: SlotId, reason: string, emit: Emit): void {
  const slot = draft.slots[slotId]!;
  if (slot.io === null) return;
  emit({ kind: 'io-aborted', slot: slotId, issuer: slot.io.issuer, writeId: slot.io.writeId, reason });
  slot.io = null;
}
