import type { PackedMachine } from './machine.ts';
import { shutDownGuest } from './mutators.ts';
import { bit, isUp, selectorAllows, SERVICE_SLOT } from './queries.ts';
import * as R from './registers.ts';
import { accessCompleted, accessRefused, ejectDone } from './step-flags.ts';

// The guest OS side of hot-plug (model/handlers/guest-*.ts). Each returns false, having written
// nothing, when the reference guard refuses the step.

/** Insertions the OS cannot take in this read: the slot is being ejected, or is ejected by this very read. */
function deferredInserts(m: PackedMachine, l: number): number {
  const r = m.r;
  const base = R.lparBase(l);
  const inserts = r[base + R.GPE_INSERT]!;
  const ejects = r[base + R.GPE_EJECT]!;
  let mask = 0;
  for (let s = 0; s < m.config.slotCount; s += 1) {
    const device = r[base + R.DEV + s];
    const ejecting = device === R.DEV_EJECTING || (device !== R.DEV_NONE && (ejects & bit(s)) !== 0);
    if (ejecting && (inserts & bit(s)) !== 0) mask |= bit(s);
  }
  return mask;
}

/** Steps 505–506 / 604–605: take the SCI, read (and clear) the GPE register, apply the events. */
export function guestSci(m: PackedMachine, l: number): boolean {
  const r = m.r;
  const base = R.lparBase(l);
  if (!isUp(r, l) || r[base + R.GPE_STATUS] === 0 || r[base + R.GPE_ENABLED] === 0) return false;
  if (m.d.sciEdge && r[base + R.GPE_SCI_EDGE] === 0) return false; // the line is high, but no new edge
  const deferred = deferredInserts(m, l);
  const ejects = r[base + R.GPE_EJECT]!;
  const pending = r[base + R.GPE_INSERT]!;
  if (ejects === 0 && pending !== 0 && pending === deferred) return false;
  let inserts = pending & ~deferred;
  let handledEjects = ejects;
  if (m.d.sciOneEvent) {
    // one event per SCI: the lowest slot's eject, else its insertion
    handledEjects = ejects & -ejects;
    inserts = handledEjects !== 0 ? 0 : inserts & -inserts;
  }
  const leftInserts = pending & ~inserts;
  const leftEjects = ejects & ~handledEjects;
  m.set(base + R.GPE_INSERT, leftInserts);
  m.set(base + R.GPE_EJECT, leftEjects);
  m.set(base + R.GPE_STATUS, !m.d.gpeClearOnRead && (leftInserts | leftEjects) !== 0 ? 1 : 0);
  if (m.d.sciEdge) m.set(base + R.GPE_SCI_EDGE, 0); // taken; a status left at 1 makes no new edge
  for (let s = 0; s < m.config.slotCount; s += 1) {
    const device = r[base + R.DEV + s];
    if ((handledEjects & bit(s)) !== 0 && device !== R.DEV_NONE && device !== R.DEV_EJECTING) m.set(base + R.DEV + s, R.DEV_EJECTING);
    else if ((inserts & bit(s)) !== 0 && device === R.DEV_NONE) m.set(base + R.DEV + s, R.DEV_INSERTING);
  }
  return true;
}

/**
 * Step 507 (configure: config access, inserting → configured) or 508 (mount: MMIO, configured →
 * mounted), through the selector; a refused access raises a GP exception and the OS gives up.
 */
export function guestDeviceStep(m: PackedMachine, l: number, s: number, from: number, to: number): boolean {
  const r = m.r;
  const reg = R.lparBase(l) + R.DEV + s;
  if (!isUp(r, l) || r[reg] !== from) return false;
  if (!selectorAllows(r, m.d.multiPort, l, s)) {
    accessRefused(m);
    m.set(reg, R.DEV_NONE);
  } else if (r[R.slotBase(s) + R.CARD] !== R.CARD_PRESENT) {
    m.set(reg, R.DEV_NONE);
  } else {
    accessCompleted(m, l, s);
    m.set(reg, to);
  }
  return true;
}

/** Step 606: stop using the slot and unmount; losing the service's disk stops the service. */
export function guestUnmount(m: PackedMachine, l: number, s: number): boolean {
  const r = m.r;
  const base = R.lparBase(l);
  if (!isUp(r, l) || r[base + R.DEV + s] !== R.DEV_EJECTING) return false;
  m.set(base + R.DEV + s, R.DEV_NONE);
  if (s === SERVICE_SLOT && r[base + R.SERVICE] === R.SVC_RUNNING) m.set(base + R.SERVICE, R.SVC_STOPPED);
  const ackReg = R.slotBase(s) + R.EJECT_AWAITING_ACK;
  if (r[ackReg] === l) m.set(ackReg, R.NONE);
  ejectDone(m, l, s);
  return true;
}

/** Step 1108, on the failed LPAR's side: stop the service and shut the OS down. */
export function guestShutdown(m: PackedMachine, l: number): boolean {
  const r = m.r;
  const base = R.lparBase(l);
  if (!isUp(r, l) || r[base + R.SHUTDOWN_REQUESTED] === 0 || r[base + R.ALIVE] === 0) return false;
  shutDownGuest(m, l);
  return true;
}
