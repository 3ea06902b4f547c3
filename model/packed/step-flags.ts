import { AUTH_ANY, AUTH_TAKEOVER_FENCED } from './design-code.ts';
import type { PackedMachine } from './machine.ts';
import { enabledOwner, ownsEnabledSlot, selectorAllows } from './queries.ts';
import * as R from './registers.ts';

// What a step did, as far as the catalogue's step checks and witnesses care: one bit per
// witness reached and per invariant whose step part the step breaks. Each function below is
// called where the reference model emits the matching Effect, and judges it against the state
// before the step (`m.b`) exactly as properties/invariants/*.ts and properties/witnesses.ts do.

export const WITNESS_IDS = ['WIT-01', 'WIT-02', 'WIT-03', 'WIT-04', 'WIT-05', 'WIT-06', 'WIT-07', 'WIT-08', 'WIT-09'] as const;
/** Invariants with a step part, in catalogue order: the first set bit is the one reported. */
export const STEP_INVARIANT_IDS = ['INV-02', 'INV-03', 'INV-04', 'INV-05', 'INV-06', 'INV-07', 'INV-08', 'INV-10', 'INV-11', 'INV-13'] as const;

export const WIT_01 = 1 << 0;
export const WIT_02 = 1 << 1;
export const WIT_03 = 1 << 2;
export const WIT_04 = 1 << 3;
export const WIT_05 = 1 << 4;
export const WIT_06 = 1 << 5;
export const WIT_07 = 1 << 6;
export const WIT_08 = 1 << 7;
export const WIT_09 = 1 << 8;
export const WITNESS_BITS = (1 << WITNESS_IDS.length) - 1;
export const INVARIANT_SHIFT = WITNESS_IDS.length;
export const INV_02 = 1 << (INVARIANT_SHIFT + 0);
export const INV_03 = 1 << (INVARIANT_SHIFT + 1);
export const INV_04 = 1 << (INVARIANT_SHIFT + 2);
export const INV_05 = 1 << (INVARIANT_SHIFT + 3);
export const INV_06 = 1 << (INVARIANT_SHIFT + 4);
export const INV_07 = 1 << (INVARIANT_SHIFT + 5);
export const INV_08 = 1 << (INVARIANT_SHIFT + 6);
export const INV_10 = 1 << (INVARIANT_SHIFT + 7);
export const INV_11 = 1 << (INVARIANT_SHIFT + 8);
export const INV_13 = 1 << (INVARIANT_SHIFT + 9);

/** Effect `access … completed`: INV-02 (only the enabled owner) and INV-05 (never a standby). */
export function accessCompleted(m: PackedMachine, l: number, s: number): void {
  if (enabledOwner(m.b, s) !== l) m.flags |= INV_02;
  if (m.b[R.lparBase(l) + R.ROLE] === R.ROLE_STANDBY) m.flags |= INV_05;
}

/** Effect `access … gp-exception` (WIT-06). */
export function accessRefused(m: PackedMachine): void {
  m.flags |= WIT_06;
}

/** Effect `dma … landed`: INV-03 (owner's window, owner's I/O; with multi-port, the issuer's window) and INV-04 (never while disabled). */
export function dmaLanded(m: PackedMachine, s: number, issuer: number, window: number): void {
  if (m.d.multiPort) {
    if (issuer !== window) m.flags |= INV_03; // a port per partition: only "for I/O that partition issued"
  } else {
    const owner = enabledOwner(m.b, s);
    if (owner === R.NONE || window !== owner || issuer !== owner) m.flags |= INV_03;
  }
  if (m.b[R.slotBase(s) + R.ENABLED] === 0) m.flags |= INV_04;
}

/** Effect `dma … blocked` (WIT-07). */
export function dmaBlocked(m: PackedMachine): void {
  m.flags |= WIT_07;
}

/** Effect `disk-write`: INV-07, only the LPAR that last started the service writes the disk. */
export function diskWritten(m: PackedMachine, writer: number): void {
  if (writer !== m.b[R.SERVICE_OWNER]) m.flags |= INV_07;
}

/** Effect `sci … raised | latched`: INV-08, never to a powered-off LPAR. */
export function sciReached(m: PackedMachine, l: number): void {
  if (m.b[R.lparBase(l) + R.OS] === R.OS_OFF) m.flags |= INV_08;
}

/** Effect `eject-done`: WIT-05 only for the eject a failed card posted to its enabled owner (Fig. 17). */
export function ejectDone(m: PackedMachine, l: number, s: number): void {
  if (!m.d.deviceErrorHotRemove || m.b[R.slotBase(s) + R.CARD] !== R.CARD_FAILED) return;
  if (enabledOwner(m.b, s) === l) m.flags |= WIT_05;
}

export function addAfterInsert(m: PackedMachine): void {
  m.flags |= WIT_03;
}

export function removeInactive(m: PackedMachine): void {
  m.flags |= WIT_04;
}

/** Effect `service-start`: WIT-08 on fail-back; INV-06, the victim fenced and unable to reach the disk first. */
export function serviceStarted(m: PackedMachine, self: number, failback: boolean): void {
  if (failback) m.flags |= WIT_08;
  const b = m.b;
  const victim = b[R.lparBase(self) + R.SCRIPT_VICTIM]!;
  if (victim === R.NONE) return;
  const v = R.lparBase(victim);
  const restartedClean = b[v + R.DETECTED_FAILED] === 0 && b[v + R.ROLE] === R.ROLE_STANDBY && b[v + R.SERVICE] !== R.SVC_RUNNING;
  if (b[v + R.OS] !== R.OS_OFF && b[v + R.OS] !== R.OS_SHUTDOWN && !restartedClean) m.flags |= INV_06;
  if (selectorAllows(b, m.d.multiPort, victim, 0)) m.flags |= INV_06;
}

export function failoverCompleted(m: PackedMachine, falsePositive: boolean): void {
  m.flags |= m.d.caseA ? WIT_01 : WIT_02;
  if (falsePositive) m.flags |= WIT_09;
}

/** INV-11, after the step: an LPAR an accepted act brought back can reach no slot and is a plain standby. */
export function checkActed(m: PackedMachine): void {
  const r = m.r;
  for (let l = 0; m.acted >>> l !== 0; l += 1) {
    if ((m.acted & (1 << l)) === 0) continue;
    const base = R.lparBase(l);
    for (let s = 0; s < m.config.slotCount; s += 1) if (selectorAllows(r, m.d.multiPort, l, s)) m.flags |= INV_11;
    if (r[base + R.ROLE] !== R.ROLE_STANDBY || r[base + R.SERVICE] !== R.SVC_STOPPED) m.flags |= INV_11;
  }
}

/**
 * INV-10's independent oracle (properties/invariants/validity.ts `mustBeRefused`) for an accepted
 * control command issued directly: what must have been refused whatever else the state allows.
 */
export function checkControlOracle(m: PackedMachine, isAct: boolean, isAdd: boolean, isHotPlug: boolean, issuer: number, subject: number): void {
  const b = m.b;
  const base = R.lparBase(issuer);
  if (b[base + R.OS] !== R.OS_RUNNING || b[base + R.PAUSED] !== 0) m.flags |= INV_10;
  else if (isAdd && issuer === subject) m.flags |= INV_10;
  else if (m.d.multiPort && isHotPlug) m.flags |= INV_10;
  else if (m.d.authorization === AUTH_ANY) return;
  else if (b[base + R.SCRIPT_VICTIM] !== subject) m.flags |= INV_10;
  else if (m.d.authorization === AUTH_TAKEOVER_FENCED && isAct && ownsEnabledSlot(b, m.config.slotCount, subject)) m.flags |= INV_10;
}

/**
 * A standby's heartbeat timer runs out in a tick, `elapsedTicks` after it last heard the active:
 * INV-13 when the active is healthy and either owed no heartbeat yet (the timeout is at most one
 * period) or was given a CPU share that buys its clustering program no step (0%, or a budget of
 * 0 steps per tick), which no fault did.
 */
export function timerRanOut(m: PackedMachine, active: number, elapsedTicks: number): void {
  const b = m.b;
  const base = R.lparBase(active);
  const healthy = b[base + R.OS] === R.OS_RUNNING && b[base + R.PAUSED] === 0 && b[base + R.SERVICE] === R.SVC_RUNNING
    && b[base + R.ALIVE] === 1 && b[base + R.HB_LINK_UP] === 1;
  if (healthy && (elapsedTicks <= m.d.periodTicks || m.d.clusterBudget[b[base + R.CPU]!] === 0)) m.flags |= INV_13;
}
