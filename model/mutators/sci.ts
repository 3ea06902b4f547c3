import type { Draft } from 'immer';
import type { Emit } from '../commit.ts';
import type { Design } from '../design.ts';
import type { LparId, SlotId } from '../ids.ts';
import { bit } from '../queries.ts';
import type { ModelState } from '../state.ts';

/**
 * Steps 504 / 603: a logical SCI for a hot-plug event. The control program raises it itself, or
 * asks the card's ROM to (third embodiment, Fig. 14 / Fig. 15), which raises it later.
 */
export function raiseHotplugSciMutably(
  draft: Draft<ModelState>, design: Design, lpar: LparId, slot: SlotId, event: 'insert' | 'eject', emit: Emit,
): void {
  if (design.sciSource === 'card-rom') {
    // One request register per card: a second request before the ROM acts replaces the first.
    draft.slots[slot]!.romSci = { target: lpar, event };
    emit({ kind: 'sci', lpar, slot, event, result: 'to-rom' });
    return;
  }
  deliverSciMutably(draft, design, lpar, slot, event, emit);
}

/**
 * Set the event in the LPAR's emulated GPE block. A powered-off LPAR gets nothing (its next boot
 * reflects the table); a disabled GPE drops or latches the event as the design says.
 */
export function deliverSciMutably(
  draft: Draft<ModelState>, design: Design, lpar: LparId, slot: SlotId, event: 'insert' | 'eject', emit: Emit,
): void {
  const l = draft.lpars[lpar]!;
  if (l.os === 'off' || (!l.gpe.enabled && design.sciWhenGpeDisabled === 'drop')) {
    emit({ kind: 'sci', lpar, slot, event, result: 'dropped' });
    return;
  }
  l.gpe.status = true;
  if (event === 'insert') l.gpe.insertMask |= bit(slot);
  else l.gpe.ejectMask |= bit(slot);
  emit({ kind: 'sci', lpar, slot, event, result: l.gpe.enabled ? 'raised' : 'latched' });
}
