import type { FaultCommand, ProtocolStep } from '../commands.ts';
import { commit } from '../commit.ts';
import { hasGateKeeper } from '../design.ts';
import { notEnabled, type Handler } from '../handler.ts';
import { deliverSciMutably } from '../mutators/sci.ts';
import { performDmaMutably } from '../mutators/dma.ts';
import { dmaWindow, slotAt } from '../queries.ts';

type DeviceDma = Extract<ProtocolStep, { kind: 'device_dma' }>;
type GkFlush = Extract<ProtocolStep, { kind: 'gk_flush' }>;
type RomSci = Extract<ProtocolStep, { kind: 'rom_sci' }>;
type StrayDma = Extract<FaultCommand, { kind: 'stray_dma' }>;

/** The card performs its in-flight write (performDmaMutably). */
export const deviceDma: Handler<DeviceDma> = {
  guard(state, c) {
    const slot = slotAt(state, c.slot);
    return slot.io === null || slot.card !== 'present' ? notEnabled(`the card in slot ${c.slot} has no I/O in flight`) : null;
  },
  apply(state, c, design) {
    return commit(state, (draft, emit) => performDmaMutably(draft, design, c.slot, emit));
  },
};

/** FLT-14: the card issues DMA at an address in another LPAR's window. */
export const strayDma: Handler<StrayDma> = {
  guard(state, c) {
    const slot = slotAt(state, c.slot);
    if (slot.card !== 'present') return notEnabled(`no working card in slot ${c.slot}`);
    if (dmaWindow(slot) === c.window) return notEnabled(`LPAR${c.window}'s window is the one the gate keeper maps; that DMA is not stray`);
    return null;
  },
  apply(state, c, design) {
    const blocked = hasGateKeeper(design);
    return commit(state, (_draft, emit) => {
      emit({
        kind: 'dma', slot: c.slot, issuer: null, window: c.window, result: blocked ? 'blocked' : 'landed',
        reason: blocked ? 'address outside the mapped window' : 'no gate keeper on this path',
      });
    });
  },
};

/** A cached gate keeper translation is finally invalidated, or a late step-503 rewrite lands. */
export const gkFlush: Handler<GkFlush> = {
  guard(state, c) {
    return slotAt(state, c.slot).gateKeeperStale === null ? notEnabled(`no stale translation is cached for slot ${c.slot}`) : null;
  },
  apply(state, c) {
    return commit(state, (draft) => {
      draft.slots[c.slot]!.gateKeeperStale = null;
    });
  },
};

/** Fig. 14 / Fig. 15: the card's ROM raises the SCI the control program asked for. */
export const romSci: Handler<RomSci> = {
  guard(state, c) {
    const slot = slotAt(state, c.slot);
    return slot.romSci === null || slot.card === 'absent' ? notEnabled(`the card in slot ${c.slot} has no SCI to raise`) : null;
  },
  apply(state, c, design) {
    const request = slotAt(state, c.slot).romSci!;
    return commit(state, (draft, emit) => {
      draft.slots[c.slot]!.romSci = null;
      deliverSciMutably(draft, design, request.target, c.slot, request.event, emit);
    });
  },
};
