import type { PackedMachine } from './machine.ts';
import { boot, clearScript } from './mutators.ts';
import { isPoweredOn, isUp, selectorAllows, SERVICE_SLOT } from './queries.ts';
import * as R from './registers.ts';
import { accessCompleted, accessRefused, diskWritten, timerRanOut } from './step-flags.ts';

// Time, recoveries and the per-LPAR faults (model/handlers/tick.ts, recoveries.ts,
// lpar-faults.ts). Each returns false, having written nothing, when the guard refuses.

/** One tick (model/heartbeat.ts): each live standby hears the active's heartbeat when one is due, or counts a tick of silence. */
export function tick(m: PackedMachine): true {
  const r = m.r;
  const owner = r[R.SERVICE_OWNER]!;
  const ob = R.lparBase(owner);
  const sends = isUp(r, owner) && r[ob + R.ALIVE] === 1 && r[ob + R.HB_LINK_UP] === 1 && m.d.clusterBudget[r[ob + R.CPU]!]! >= 1;
  const peerFailed = r[ob + R.SERVICE] !== R.SVC_RUNNING ? 1 : 0;
  const timeout = m.d.timeoutTicks;
  const period = m.d.periodTicks;
  for (let l = 0; l < m.config.lparCount; l += 1) {
    const base = R.lparBase(l);
    if (m.d.countsClusterSteps && r[base + R.CLUSTER_STEPS] !== 0) m.set(base + R.CLUSTER_STEPS, 0); // a fresh budget
    if (l === owner || r[base + R.ROLE] !== R.ROLE_STANDBY || !isUp(r, l) || r[base + R.ALIVE] === 0) continue;
    const silence = r[base + R.SILENCE]!;
    const elapsed = silence + 1;
    const runsOut = silence < timeout && elapsed >= timeout;
    if (runsOut) timerRanOut(m, owner, elapsed);
    if (runsOut && elapsed <= period) {
      m.set(base + R.SILENCE, timeout); // the timer races the heartbeat due now, and wins
    } else if (sends && elapsed % period === 0) {
      m.set(base + R.SILENCE, 0);
      m.set(base + R.PEER_FAILED, peerFailed);
    } else {
      m.set(base + R.SILENCE, Math.min(timeout, elapsed));
    }
  }
  return true;
}

/** Set one LPAR register to `value` when `when` holds (the shape of most faults and recoveries). */
function setWhen(m: PackedMachine, when: boolean, register: number, value: number): boolean {
  if (!when) return false;
  m.set(register, value);
  return true;
}

/** Flip an LPAR's flag register from `from` to its other value, if it holds `from`. */
function flip(m: PackedMachine, l: number, field: number, from: number): boolean {
  const register = R.lparBase(l) + field;
  return setWhen(m, m.r[register] === from, register, 1 - from);
}

/** FLT-07 (from 1) and its recovery (from 0): a running guest disables or enables its GPE. */
function switchGpe(m: PackedMachine, l: number, from: number): boolean {
  return m.r[R.lparBase(l) + R.OS] === R.OS_RUNNING && flip(m, l, R.GPE_ENABLED, from);
}

export const resume = (m: PackedMachine, l: number): boolean => flip(m, l, R.PAUSED, 1);
export const hbRestore = (m: PackedMachine, l: number): boolean => flip(m, l, R.HB_LINK_UP, 0);
export const gpeEnable = (m: PackedMachine, l: number): boolean => switchGpe(m, l, 0);

/** A restarted clustering program resumes a journaled script, or forgets it (a taker-over falls back to standby). */
export function clusterRestart(m: PackedMachine, l: number): boolean {
  const r = m.r;
  const base = R.lparBase(l);
  if (r[base + R.OS] !== R.OS_RUNNING || r[base + R.ALIVE] === 1) return false;
  m.set(base + R.ALIVE, 1);
  m.set(base + R.SILENCE, 0);
  m.set(base + R.PEER_FAILED, 0);
  if (!m.d.scriptSurvivesRestart) clearScript(m, l);
  if (r[base + R.SCRIPT_VICTIM] === R.NONE && r[base + R.ROLE] === R.ROLE_TAKEOVER) m.set(base + R.ROLE, R.ROLE_STANDBY);
  return true;
}

/** FLT-01 / FLT-18: the OS crashes; service and clustering program die with it. */
export function osCrash(m: PackedMachine, l: number): boolean {
  const base = R.lparBase(l);
  if (m.r[base + R.OS] !== R.OS_RUNNING) return false;
  m.set(base + R.OS, R.OS_CRASHED);
  m.set(base + R.PAUSED, 0);
  m.set(base + R.SERVICE, R.SVC_STOPPED);
  m.set(base + R.ALIVE, 0);
  return true;
}

/** FLT-02: only the service fails. */
export function serviceFail(m: PackedMachine, l: number): boolean {
  const base = R.lparBase(l);
  return setWhen(m, m.r[base + R.OS] === R.OS_RUNNING && m.r[base + R.SERVICE] === R.SVC_RUNNING, base + R.SERVICE, R.SVC_FAILED);
}

/** FLT-03: slow or paused. */
export function pause(m: PackedMachine, l: number): boolean {
  return setWhen(m, isUp(m.r, l), R.lparBase(l) + R.PAUSED, 1);
}

/** FLT-04: outgoing heartbeats lost. */
export const hbLoss = (m: PackedMachine, l: number): boolean => flip(m, l, R.HB_LINK_UP, 1);

/** FLT-07: the guest disables its GPE. */
export const gpeDisable = (m: PackedMachine, l: number): boolean => switchGpe(m, l, 1);

/** FLT-08: an SCI with nothing pending. */
export function spuriousSci(m: PackedMachine, l: number): boolean {
  return setWhen(m, isPoweredOn(m.r, l), R.lparBase(l) + R.GPE_STATUS, 1);
}

/** FLT-09: the clustering program dies, possibly mid-script. */
export function clusterDie(m: PackedMachine, l: number): boolean {
  const base = R.lparBase(l);
  return setWhen(m, m.r[base + R.OS] === R.OS_RUNNING && m.r[base + R.ALIVE] === 1, base + R.ALIVE, 0);
}

/** FLT-15: the next deact of this LPAR reports success but leaves it running. */
export function deactIneffective(m: PackedMachine, l: number): boolean {
  const reg = R.lparBase(l) + R.DEACT_INEFFECTIVE;
  return setWhen(m, isPoweredOn(m.r, l) && m.r[reg] === 0, reg, 1);
}

/** FLT-16: reset with hot-plug events pending, and boot again. */
export function osReboot(m: PackedMachine, l: number): boolean {
  if (!isPoweredOn(m.r, l)) return false;
  boot(m, l, true);
  return true;
}

/** FLT-13: a non-owner touches the device's registers; with a multi-port device it reaches the disk. */
export function strayMmio(m: PackedMachine, l: number, s: number): boolean {
  const r = m.r;
  const base = R.slotBase(s);
  if (!isUp(r, l) || (r[base + R.ENABLED] === 1 && r[base + R.OWNER] === l)) return false;
  if (!selectorAllows(r, m.d.multiPort, l, s)) {
    accessRefused(m);
    return true;
  }
  if (r[base + R.CARD] !== R.CARD_PRESENT) return true;
  accessCompleted(m, l, s);
  if (s === SERVICE_SLOT) {
    m.set(R.DISK_INTACT, 0);
    diskWritten(m, l);
  }
  return true;
}

/** FLT-12: an eject acknowledge the slot is not waiting for; it changes nothing. */
export function staleEjectAck(m: PackedMachine, l: number, s: number): boolean {
  return m.d.ejectAckRequired && isUp(m.r, l) && m.r[R.slotBase(s) + R.EJECT_AWAITING_ACK] !== l;
}
