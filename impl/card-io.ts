import { hasGateKeeper } from '../model/index.ts';
import { CARD_ABSENT, CARD_FAILED, CARD_PRESENT, EVENT_EJECT, EVENT_INSERT, NONE } from './codes.ts';
import { EV_DMA, EV_GK_POSTED, EV_IOTLB_INVALIDATE, EV_ROM_SCI } from './event-queue.ts';
import { performDma } from './card-dma.ts';

export { performDma };
import { abortQueuedIo, completeHotAdd, deliverHotplugEvent } from './hot-plug.ts';
import { HOST_ALIAS_BASE, PAYLOAD_BYTES, SCRATCH_GPA } from './layout.ts';
import type { Machine } from './machine.ts';
import { notEnabled, type Refusal } from '../model/handler.ts';
import { selectorAllows } from './selector.ts';

/** A physical hot-plug event goes to every partition wired to the slot: its enabled owner, or all with a multi-port disk. */
function signalWiredPartitions(m: Machine, slot: number, event: typeof EVENT_INSERT | typeof EVENT_EJECT): void {
  for (let l = 0; l < m.lparCount; l += 1) if (selectorAllows(m, l, slot)) deliverHotplugEvent(m, l, slot, event);
}

// The card's side: its queued write performed by DMA through the gate keeper, stray DMA, the ROM's
// SCI, and the system manager's hands (insert, pull) and the card's own failure.

export function dmaRefusal(m: Machine, slot: number): Refusal | null {
  return m.queue.has(EV_DMA, slot) && m.cards[slot]!.state === CARD_PRESENT ? null : notEnabled(`the card in slot ${slot} has no write queued`);
}

export function strayDmaRefusal(m: Machine, slot: number, window: number): Refusal | null {
  if (m.cards[slot]!.state !== CARD_PRESENT) return notEnabled(`no working card in slot ${slot}`);
  if (m.gateKeeper.effectiveWindow(slot) === window) return notEnabled(`LPAR${window}'s window is the one the gate keeper maps; that DMA is not stray`);
  return null;
}

/** FLT-14: the card writes at the host-physical address of another LPAR's scratch area. */
export function performStrayDma(m: Machine, slot: number, window: number): void {
  const busAddress = HOST_ALIAS_BASE + m.memory.windowBase(window) + SCRATCH_GPA;
  const base = { kind: 'dma', slot, direction: 'write', issuer: NONE, busAddress, bytes: PAYLOAD_BYTES } as const;
  if (hasGateKeeper(m.design)) {
    const physical = m.gateKeeper.translate(slot, busAddress, PAYLOAD_BYTES);
    if (physical === NONE) {
      m.observe({ ...base, physicalAddress: NONE, result: 'blocked', reason: m.gateKeeper.lastReason });
      return;
    }
    throw new Error('a host-physical alias passed the gate keeper bounds check: an emulator bug');
  }
  const physical = busAddress - HOST_ALIAS_BASE;
  m.memory.bytes.fill(0xee, physical, physical + PAYLOAD_BYTES);
  m.observe({ ...base, physicalAddress: physical, result: 'landed', reason: 'no gate keeper on this path' });
}

export function flushRefusal(m: Machine, slot: number): Refusal | null {
  return m.queue.has(EV_IOTLB_INVALIDATE, slot) || m.queue.has(EV_GK_POSTED, slot) ? null : notEnabled(`no gate keeper invalidation is pending for slot ${slot}`);
}

/** The posted entry write lands (enable-then-rewrite), and the IOTLB drops what it cached. */
export function performFlush(m: Machine, slot: number): void {
  if (m.queue.has(EV_GK_POSTED, slot)) {
    const window = m.queue.argOf(EV_GK_POSTED, slot);
    m.queue.cancel(EV_GK_POSTED, slot);
    m.gateKeeper.rewrite(slot, window);
    m.observe({ kind: 'gate-keeper', slot, window, invalidationPending: false });
  }
  m.queue.cancel(EV_IOTLB_INVALIDATE, slot);
  m.gateKeeper.invalidate(slot);
  m.observe({ kind: 'iotlb-invalidated', slot });
}

export function romSciRefusal(m: Machine, slot: number): Refusal | null {
  return m.queue.has(EV_ROM_SCI, slot) && m.cards[slot]!.state !== CARD_ABSENT ? null : notEnabled(`the card in slot ${slot} has no SCI to raise`);
}

/** Fig. 14 / Fig. 15: the card's ROM services its request register and raises the SCI. */
export function performRomSci(m: Machine, slot: number): void {
  const card = m.cards[slot]!;
  const target = card.romTarget;
  const event = card.romEvent;
  card.clearRomRequest();
  m.queue.cancel(EV_ROM_SCI, slot);
  deliverHotplugEvent(m, target, slot, event);
}

export function insertRefusal(m: Machine, slot: number): Refusal | null {
  return m.cards[slot]!.state === CARD_ABSENT ? null : notEnabled(`slot ${slot} already holds a card`);
}

/** Step 502 answered: a card goes in. A waiting add_pci goes on to 503; otherwise the owner hears of it by SCI. */
export function insertCard(m: Machine, slot: number): void {
  const card = m.cards[slot]!;
  card.state = CARD_PRESENT;
  card.dmaAddressRegister = 0;
  card.writeIdRegister = 0;
  const waiting = m.pendingAdd[slot]!;
  if (waiting === NONE) {
    signalWiredPartitions(m, slot, EVENT_INSERT);
    return;
  }
  m.pendingAdd[slot] = NONE;
  completeHotAdd(m, slot, waiting);
}

export function pullRefusal(m: Machine, slot: number): Refusal | null {
  return m.cards[slot]!.state === CARD_ABSENT ? notEnabled(`slot ${slot} is already empty`) : null;
}

/** FLT-06: the card is pulled with whatever it held; the owner hears of the removal. */
export function pullCard(m: Machine, slot: number): void {
  abortQueuedIo(m, slot, 'card pulled');
  const card = m.cards[slot]!;
  card.state = CARD_ABSENT;
  card.clearRomRequest();
  m.queue.cancel(EV_ROM_SCI, slot);
  signalWiredPartitions(m, slot, EVENT_EJECT);
}

export function errorRefusal(m: Machine, slot: number): Refusal | null {
  return m.cards[slot]!.state === CARD_PRESENT ? null : notEnabled(`slot ${slot} holds no working card`);
}

/** FLT-05: an unrecoverable device error. With Fig. 17 the card posts an eject in its owner's GPE block itself. */
export function failCard(m: Machine, slot: number): void {
  const owner = m.enabledOwner(slot);
  abortQueuedIo(m, slot, 'unrecoverable device error');
  m.cards[slot]!.state = CARD_FAILED;
  if (m.design.deviceErrorHotRemove && owner !== NONE) deliverHotplugEvent(m, owner, slot, EVENT_EJECT);
}
