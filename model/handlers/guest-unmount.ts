import type { ProtocolStep } from '../commands.ts';
import { commit } from '../commit.ts';
import { notEnabled, type Handler } from '../handler.ts';
import { isUp, lparAt, SERVICE_SLOT } from '../queries.ts';

type GuestUnmount = Extract<ProtocolStep, { kind: 'guest_unmount' }>;

/**
 * Step 606: the OS stops using the slot and unmounts the disk; losing the service's disk stops
 * the service. Where the design has an eject-acknowledge register, the OS writes it here.
 */
export const guestUnmount: Handler<GuestUnmount> = {
  guard(state, c) {
    const l = lparAt(state, c.lpar);
    if (!isUp(l)) return notEnabled(`LPAR${c.lpar} is ${l.paused ? 'paused' : l.os}`);
    if (l.devices[c.slot] !== 'ejecting') return notEnabled(`LPAR${c.lpar} has no eject to process for slot ${c.slot}`);
    return null;
  },
  apply(state, c) {
    return commit(state, (draft, emit) => {
      emit({ kind: 'patent-step', step: 606 });
      const g = draft.lpars[c.lpar]!;
      g.devices[c.slot] = 'none';
      if (c.slot === SERVICE_SLOT && g.service === 'running') g.service = 'stopped';
      const slot = draft.slots[c.slot]!;
      if (slot.ejectAwaitingAck === c.lpar) slot.ejectAwaitingAck = null;
      emit({ kind: 'eject-done', lpar: c.lpar, slot: c.slot, cause: slot.card === 'failed' ? 'device-error' : 'remove' });
    });
  },
};
