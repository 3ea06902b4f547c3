import { INFLIGHT_EPOCH, INFLIGHT_QUIESCE, QUIESCE_DRAIN_AT_ADD, QUIESCE_RESET_AT_ADD, QUIESCE_RESET_AT_REM } from './design-code.ts';
import { clearIo, performDma } from './dma.ts';

export { clearIo };
import type { PackedMachine } from './machine.ts';
import { bit } from './queries.ts';
import * as R from './registers.ts';
import { accessCompleted, sciReached } from './step-flags.ts';

// model/mutators/*.ts on registers: the shared pieces of the handlers, named as there.

export function clearScript(m: PackedMachine, l: number): void {
  const base = R.lparBase(l);
  m.set(base + R.SCRIPT_VICTIM, R.NONE);
  m.set(base + R.SCRIPT_STEP, 0);
  m.set(base + R.SCRIPT_MASK, 0);
  m.set(base + R.SCRIPT_FALSE_POSITIVE, 0);
}

function setAllDevicesNone(m: PackedMachine, l: number): void {
  const base = R.lparBase(l);
  for (let s = 0; s < m.config.slotCount; s += 1) m.set(base + R.DEV + s, R.DEV_NONE);
}

function resetGuest(m: PackedMachine, l: number): void {
  const base = R.lparBase(l);
  m.set(base + R.PAUSED, 0);
  m.set(base + R.ROLE, R.ROLE_STANDBY);
  m.set(base + R.SERVICE, R.SVC_STOPPED);
  setAllDevicesNone(m, l);
  m.set(base + R.GPE_STATUS, 0);
  m.set(base + R.GPE_ENABLED, 1);
  m.set(base + R.GPE_INSERT, 0);
  m.set(base + R.GPE_EJECT, 0);
  m.set(base + R.ALIVE, 0);
  m.set(base + R.SILENCE, 0);
  m.set(base + R.PEER_FAILED, 0);
  clearScript(m, l);
  m.set(base + R.SHUTDOWN_REQUESTED, 0);
  m.set(base + R.DEACT_INEFFECTIVE, 0);
}

/** The guest shuts itself down (step 1108, guest side): it holds no device and runs nothing. */
export function shutDownGuest(m: PackedMachine, l: number): void {
  const base = R.lparBase(l);
  m.set(base + R.SERVICE, R.SVC_STOPPED);
  setAllDevicesNone(m, l);
  m.set(base + R.OS, R.OS_SHUTDOWN);
  m.set(base + R.ALIVE, 0);
  clearScript(m, l);
  m.set(base + R.SHUTDOWN_REQUESTED, 0);
  releaseEjectWaits(m, l);
}

/** Slots waiting for this LPAR's eject acknowledge stop waiting (it went off or rebooted). */
function releaseEjectWaits(m: PackedMachine, l: number): void {
  for (let s = 0; s < m.config.slotCount; s += 1) {
    const reg = R.slotBase(s) + R.EJECT_AWAITING_ACK;
    if (m.r[reg] === l) m.set(reg, R.NONE);
  }
}

/** `deact` that takes effect. */
export function powerOff(m: PackedMachine, l: number): void {
  const base = R.lparBase(l);
  resetGuest(m, l);
  m.set(base + R.OS, R.OS_OFF);
  m.set(base + R.CPU, R.CPU_OFF);
  releaseEjectWaits(m, l);
  for (let s = 0; s < m.config.slotCount; s += 1) {
    const reg = R.slotBase(s) + R.PENDING_ADD;
    if (m.r[reg] === l) m.set(reg, R.NONE);
  }
}

/** `act` (reset false) or FLT-16 reset (true): boot as in model/mutators/power.ts `bootMutably`. */
export function boot(m: PackedMachine, l: number, reset: boolean): void {
  const r = m.r;
  const base = R.lparBase(l);
  const role = r[base + R.ROLE]!;
  const victim = r[base + R.SCRIPT_VICTIM]!;
  const step = r[base + R.SCRIPT_STEP]!;
  const mask = r[base + R.SCRIPT_MASK]!;
  const falsePositive = r[base + R.SCRIPT_FALSE_POSITIVE]!;
  resetGuest(m, l);
  if (reset && role === R.ROLE_ACTIVE) m.set(base + R.ROLE, R.ROLE_ACTIVE);
  if (reset && role === R.ROLE_TAKEOVER && m.d.scriptSurvivesRestart && victim !== R.NONE) {
    m.set(base + R.ROLE, R.ROLE_TAKEOVER);
    m.set(base + R.SCRIPT_VICTIM, victim);
    m.set(base + R.SCRIPT_STEP, step);
    m.set(base + R.SCRIPT_MASK, mask);
    m.set(base + R.SCRIPT_FALSE_POSITIVE, falsePositive);
  }
  m.set(base + R.OS, R.OS_RUNNING);
  m.set(base + R.ALIVE, 1);
  m.set(base + R.CPU, m.d.cpuStandbyCode);
  releaseEjectWaits(m, l); // rebooted without it
  for (let s = 0; s < m.config.slotCount; s += 1) {
    const sb = R.slotBase(s);
    const attached = m.d.multiPort || (r[sb + R.OWNER] === l && r[sb + R.ENABLED] === 1);
    if (attached && r[sb + R.CARD] === R.CARD_PRESENT) {
      m.set(base + R.DEV + s, R.DEV_CONFIGURED);
      accessCompleted(m, l, s);
    }
  }
}

/** Set the event in the LPAR's emulated GPE block, unless it is off or its GPE drops it. */
export function deliverSci(m: PackedMachine, l: number, s: number, event: number): void {
  const base = R.lparBase(l);
  if (m.r[base + R.OS] === R.OS_OFF || (m.r[base + R.GPE_ENABLED] === 0 && !m.d.sciLatch)) return;
  m.set(base + R.GPE_STATUS, 1);
  const maskReg = base + (event === R.EVENT_INSERT ? R.GPE_INSERT : R.GPE_EJECT);
  m.set(maskReg, m.r[maskReg]! | bit(s));
  sciReached(m, l);
}

/** Steps 504 / 603: the control program raises the SCI, or asks the card's ROM to. */
export function raiseHotplugSci(m: PackedMachine, l: number, s: number, event: number): void {
  if (!m.d.sciFromRom) return deliverSci(m, l, s, event);
  const base = R.slotBase(s);
  m.set(base + R.ROM_TARGET, l);
  m.set(base + R.ROM_EVENT, event);
}

/** Fig. 8; `afterEnable`: step 503's rewrite, which lands late under `enable-then-rewrite`. */
function rewriteGateKeeper(m: PackedMachine, s: number, window: number, afterEnable = false): void {
  const base = R.slotBase(s);
  const current = m.r[base + R.GATE_KEEPER]!;
  if ((m.d.cacheUntilFlush || (afterEnable && m.d.lateGateKeeperRewrite)) && current !== R.NONE && current !== window && m.r[base + R.GATE_KEEPER_STALE] === R.NONE) {
    m.set(base + R.GATE_KEEPER_STALE, current);
  }
  m.set(base + R.GATE_KEEPER, window);
}

/** Step 503, with what happens to the card's in-flight I/O (open question 2). */
function reassignSlot(m: PackedMachine, s: number, l: number): void {
  const base = R.slotBase(s);
  if (m.r[base + R.IO_ISSUER] !== R.NONE) {
    if (m.d.inflight === INFLIGHT_QUIESCE && m.d.quiesceBy === QUIESCE_RESET_AT_ADD) clearIo(m, s);
    else if (m.d.inflight === INFLIGHT_QUIESCE && m.d.quiesceBy === QUIESCE_DRAIN_AT_ADD) performDma(m, s);
    else if (m.d.inflight === INFLIGHT_EPOCH) m.set(base + R.IO_STALE, 1);
  }
  m.set(base + R.OWNER, l);
  m.set(base + R.ENABLED, 1);
  rewriteGateKeeper(m, s, l, true);
}

/** Steps 503–504. */
export function completeHotAdd(m: PackedMachine, s: number, l: number): void {
  reassignSlot(m, s, l);
  raiseHotplugSci(m, l, s, R.EVENT_INSERT);
}

/** Step 601: enable flag 0; the gate keeper too, where the design says so. */
export function disableSlot(m: PackedMachine, s: number): void {
  m.set(R.slotBase(s) + R.ENABLED, 0);
  if (m.d.disableBlocksDma) rewriteGateKeeper(m, s, R.NONE);
  if (m.d.inflight === INFLIGHT_QUIESCE && m.d.quiesceBy === QUIESCE_RESET_AT_REM) clearIo(m, s);
}
