import type { PackedMachine } from './machine.ts';
import { performDma } from './dma.ts';
import { clearIo, completeHotAdd, deliverSci } from './mutators.ts';
import { dmaWindow, enabledOwner, isUp, selectorAllows, SERVICE_SLOT } from './queries.ts';
import * as R from './registers.ts';
import { accessCompleted, accessRefused, addAfterInsert, dmaBlocked, dmaLanded } from './step-flags.ts';

// The card, the gate keeper, the client and the system manager (model/handlers/device.ts,
// card.ts, client-write.ts). Each returns false, having written nothing, when the guard refuses.

/** The card performs its in-flight write (performDma). */
export function deviceDma(m: PackedMachine, s: number): boolean {
  return performDma(m, s);
}

/** FLT-14: DMA at an address in another LPAR's window; the gate keeper blocks it, if there is one. */
export function strayDma(m: PackedMachine, s: number, window: number): boolean {
  if (m.r[R.slotBase(s) + R.CARD] !== R.CARD_PRESENT || dmaWindow(m.r, s) === window) return false;
  if (m.d.gateKeeper) dmaBlocked(m);
  else dmaLanded(m, s, R.NONE, window);
  return true;
}

export function gkFlush(m: PackedMachine, s: number): boolean {
  const reg = R.slotBase(s) + R.GATE_KEEPER_STALE;
  if (m.r[reg] === R.NONE) return false;
  m.set(reg, R.NONE);
  return true;
}

/** Fig. 14 / 15: the card's ROM raises the SCI the control program asked for. */
export function romSci(m: PackedMachine, s: number): boolean {
  const base = R.slotBase(s);
  const target = m.r[base + R.ROM_TARGET]!;
  if (target === R.NONE || m.r[base + R.CARD] === R.CARD_ABSENT) return false;
  const event = m.r[base + R.ROM_EVENT]!;
  m.set(base + R.ROM_TARGET, R.NONE);
  m.set(base + R.ROM_EVENT, 0);
  deliverSci(m, target, s, event);
  return true;
}

/** A physical hot-plug event: an SCI to every partition the slot is connected to before the step (its enabled owner; all of them with a multi-port disk). */
function signalConnected(m: PackedMachine, s: number, event: number): void {
  for (let l = 0; l < m.config.lparCount; l += 1) if (selectorAllows(m.b, m.d.multiPort, l, s)) deliverSci(m, l, s, event);
}

/** Step 502 answered (a waiting add_pci goes on to 503), or a physical hot-add signalled to whoever is connected. */
export function cardInsert(m: PackedMachine, s: number): boolean {
  const base = R.slotBase(s);
  if (m.r[base + R.CARD] !== R.CARD_ABSENT) return false;
  const waiting = m.r[base + R.PENDING_ADD]!;
  m.set(base + R.CARD, R.CARD_PRESENT);
  if (waiting === R.NONE) {
    signalConnected(m, s, R.EVENT_INSERT);
    return true;
  }
  m.set(base + R.PENDING_ADD, R.NONE);
  addAfterInsert(m);
  completeHotAdd(m, s, waiting);
  return true;
}

/** FLT-06: the card is pulled; its I/O is lost and the owner hears of the removal. */
export function cardPull(m: PackedMachine, s: number): boolean {
  const base = R.slotBase(s);
  if (m.r[base + R.CARD] === R.CARD_ABSENT) return false;
  clearIo(m, s);
  m.set(base + R.CARD, R.CARD_ABSENT);
  m.set(base + R.ROM_TARGET, R.NONE);
  m.set(base + R.ROM_EVENT, 0);
  signalConnected(m, s, R.EVENT_EJECT);
  return true;
}

/** FLT-05: an unrecoverable device error; with Fig. 17 the card posts an eject to its owner. */
export function deviceError(m: PackedMachine, s: number): boolean {
  const base = R.slotBase(s);
  if (m.r[base + R.CARD] !== R.CARD_PRESENT) return false;
  const owner = enabledOwner(m.b, s);
  clearIo(m, s);
  m.set(base + R.CARD, R.CARD_FAILED);
  if (m.d.deviceErrorHotRemove && owner !== R.NONE) deliverSci(m, owner, s, R.EVENT_EJECT);
  return true;
}

/** A client write to the service in `l`: an MMIO to the card, which fetches the data later by DMA. */
export function clientWrite(m: PackedMachine, l: number): boolean {
  const r = m.r;
  const slot = R.slotBase(SERVICE_SLOT);
  if (r[R.WRITES_ISSUED]! >= m.config.writeBudget) return false;
  if (!isUp(r, l) || r[R.lparBase(l) + R.SERVICE] !== R.SVC_RUNNING) return false;
  const allowed = selectorAllows(r, m.d.multiPort, l, SERVICE_SLOT);
  const present = r[slot + R.CARD] === R.CARD_PRESENT;
  if (allowed && present && r[slot + R.IO_ISSUER] !== R.NONE) return false;
  const writeId = r[R.WRITES_ISSUED]! + 1;
  m.set(R.WRITES_ISSUED, writeId);
  if (!allowed) {
    accessRefused(m);
    return true;
  }
  if (!present) return true;
  accessCompleted(m, l, SERVICE_SLOT);
  m.set(slot + R.IO_ISSUER, l);
  m.set(slot + R.IO_WRITE, writeId);
  m.set(slot + R.IO_STALE, 0);
  if (m.d.ackBeforeDurable) m.set(R.ACKED_WRITE, Math.max(r[R.ACKED_WRITE]!, writeId));
  return true;
}
