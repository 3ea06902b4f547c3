import type { ProtocolStep } from '../commands.ts';
import { gpeStatusClear, sciHandler, sciTrigger, type Design } from '../design.ts';
import { commit } from '../commit.ts';
import { notEnabled, type Handler } from '../handler.ts';
import type { SlotId } from '../ids.ts';
import { bit, hasBit, isUp, lparAt } from '../queries.ts';
import type { GuestDevice, LparState } from '../state.ts';

type GuestSci = Extract<ProtocolStep, { kind: 'guest_sci' }>;

/** Insertions the OS cannot take in this read: the slot is being ejected, or is ejected by this very read. */
function deferredInserts(l: LparState): number {
  return l.devices.reduce((mask, d, s) => {
    const ejecting = d === 'ejecting' || (d !== 'none' && hasBit(l.gpe.ejectMask, s));
    return ejecting && hasBit(l.gpe.insertMask, s) ? mask | bit(s) : mask;
  }, 0);
}

/** The events one SCI handles (ejects, insertions): all, or under `one-event-per-sci` the lowest slot's eject, else insertion. */
export function handledEvents(design: Design, ejects: number, inserts: number): [number, number] {
  if (sciHandler(design) === 'scan-every-slot') return [ejects, inserts];
  return ejects !== 0 ? [ejects & -ejects, 0] : [0, inserts & -inserts];
}

/**
 * Steps 505–506 and 604–605: the OS takes the SCI (a level: GPE status AND enable), reads the
 * GPE register, which the control program traps and answers with the pending insertions and
 * ejects, and clears the bits it handled (write 1 to clear). Several events coalesce into one
 * read. An insertion for a slot the OS is still ejecting stays latched until the unmount is done.
 * The design says how much one SCI handles (sciHandler), what clearing leaves (gpeStatusClear),
 * and whether the OS needs a new edge of the line to take another (sciTrigger, model/sci-edge.ts).
 */
export const guestSci: Handler<GuestSci> = {
  guard(state, c, design) {
    const l = lparAt(state, c.lpar);
    if (!isUp(l)) return notEnabled(`LPAR${c.lpar} cannot take an SCI: its OS is ${l.paused ? 'paused' : l.os}`);
    if (!l.gpe.status || !l.gpe.enabled) {
      return notEnabled(`no SCI is asserted for LPAR${c.lpar} (GPE status ${Number(l.gpe.status)}, enable ${Number(l.gpe.enabled)})`);
    }
    if (sciTrigger(design) === 'edge' && l.gpe.sciEdge !== true) return notEnabled(`LPAR${c.lpar}'s SCI line is high but no new edge has come since it last took one`);
    // A read with nothing pending still consumes a spurious SCI (FLT-08); one with only deferred insertions waits.
    const onlyDeferred = l.gpe.ejectMask === 0 && l.gpe.insertMask !== 0 && l.gpe.insertMask === deferredInserts(l);
    return onlyDeferred ? notEnabled(`LPAR${c.lpar}'s only pending events are insertions into slots it is still ejecting`) : null;
  },
  apply(state, c, design) {
    return commit(state, (draft, emit) => {
      const g = draft.lpars[c.lpar]!;
      const deferred = deferredInserts(g);
      const [ejectMask, insertMask] = handledEvents(design, g.gpe.ejectMask, g.gpe.insertMask & ~deferred);
      emit({ kind: 'patent-step', step: insertMask !== 0 ? 505 : 604 });
      emit({ kind: 'gpe-read', lpar: c.lpar, insertMask, ejectMask });
      if (insertMask !== 0) emit({ kind: 'patent-step', step: 506 });
      if (ejectMask !== 0) emit({ kind: 'patent-step', step: 605 });
      g.gpe.insertMask &= ~insertMask;
      g.gpe.ejectMask &= ~ejectMask;
      g.gpe.status = gpeStatusClear(design) === 'write-1-to-clear' && (g.gpe.insertMask | g.gpe.ejectMask) !== 0;
      delete g.gpe.sciEdge; // taken (edge designs); a status left at 1 makes no new edge
      g.devices.forEach((device: GuestDevice, i) => {
        const slot = i as SlotId;
        if (hasBit(ejectMask, slot) && device !== 'none' && device !== 'ejecting') {
          g.devices[slot] = 'ejecting';
          emit({ kind: 'hotplug-applied', lpar: c.lpar, slot, event: 'eject' });
        } else if (hasBit(insertMask, slot) && device === 'none') {
          g.devices[slot] = 'inserting';
          emit({ kind: 'hotplug-applied', lpar: c.lpar, slot, event: 'insert' });
        }
      });
    });
  },
};
