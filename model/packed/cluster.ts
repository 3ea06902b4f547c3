import * as C from './control.ts';
import {
  STEP_ACT, STEP_ADD_PCI, STEP_AWAIT_FENCED, STEP_DEACT, STEP_REM_PCI, STEP_REQUEST_SHUTDOWN, STEP_START,
} from './design-code.ts';
import type { PackedMachine } from './machine.ts';
import { clearScript } from './mutators.ts';
import { bit, isUp } from './queries.ts';
import * as R from './registers.ts';
import { restartedClean, serviceSlotHolder, slotMaskNow, subjectMask, victimAtDetection } from './script-subjects.ts';
import { failoverCompleted, serviceStarted } from './step-flags.ts';

// One step of a clustering program [103, 104] (model/handlers/cluster-plan.ts, cluster-step.ts):
// detect a failure (1100 / 1106), abandon a takeover someone else completed, or run the next open
// step of the design's fail-over script.

/** A slot of the script's that is still enabled for one of its subjects, for the next rem_pci. */
function slotToRemove(m: PackedMachine, victim: number, recorded: number, self: number): number {
  const mask = slotMaskNow(m, victim, self, recorded);
  const subjects = subjectMask(m, victim, self);
  for (let s = 0; s < m.config.slotCount; s += 1) {
    const base = R.slotBase(s);
    const owner = m.r[base + R.OWNER]!;
    if ((mask & bit(s)) !== 0 && owner !== R.NONE && (subjects & (1 << owner)) !== 0 && m.r[base + R.ENABLED] === 1) return s;
  }
  return R.NONE;
}

function slotToAdd(m: PackedMachine, victim: number, recorded: number, self: number): number {
  const mask = slotMaskNow(m, victim, self, recorded);
  for (let s = 0; s < m.config.slotCount; s += 1) {
    const base = R.slotBase(s);
    if ((mask & bit(s)) === 0) continue;
    const held = m.r[base + R.OWNER] === self && m.r[base + R.ENABLED] === 1;
    if (!held && m.r[base + R.PENDING_ADD] !== self) return s;
  }
  return R.NONE;
}

/** Whether one subject already is where a per-LPAR step (deact, await-fenced, request-shutdown, act) puts it. */
function lparDone(m: PackedMachine, step: number, l: number): boolean {
  const v = R.lparBase(l);
  const os = m.r[v + R.OS];
  const clean = m.d.fenceRecheckEveryStep && restartedClean(m, l);
  switch (step) {
    case STEP_DEACT: return os === R.OS_OFF || clean;
    case STEP_AWAIT_FENCED: return os === R.OS_OFF || os === R.OS_SHUTDOWN || clean;
    case STEP_REQUEST_SHUTDOWN: return m.r[v + R.SHUTDOWN_REQUESTED] === 1 || os === R.OS_OFF || os === R.OS_SHUTDOWN;
    case STEP_ACT: return os !== R.OS_OFF;
    default: throw new RangeError(`script step code ${step} is not per LPAR`);
  }
}

/** The subjects a per-LPAR step still has to act on, bit per LPAR. */
function lparsToDo(m: PackedMachine, step: number, victim: number, self: number): number {
  const subjects = subjectMask(m, victim, self);
  let todo = 0;
  for (let l = 0; l < m.config.lparCount; l += 1) if ((subjects & (1 << l)) !== 0 && !lparDone(m, step, l)) todo |= 1 << l;
  return todo;
}

/** Whether the script step's goal already holds, so that it is skipped. */
function satisfied(m: PackedMachine, step: number, victim: number, mask: number, self: number): boolean {
  switch (step) {
    case STEP_DEACT:
    case STEP_AWAIT_FENCED:
    case STEP_REQUEST_SHUTDOWN:
    case STEP_ACT: return lparsToDo(m, step, victim, self) === 0;
    case STEP_REM_PCI: return slotToRemove(m, victim, mask, self) === R.NONE;
    case STEP_ADD_PCI: return slotToAdd(m, victim, mask, self) === R.NONE;
    case STEP_START: return m.r[R.lparBase(self) + R.SERVICE] === R.SVC_RUNNING;
    default: throw new RangeError(`unknown script step code ${step}`);
  }
}

function nextOpenStep(m: PackedMachine, victim: number, mask: number, self: number, from: number): number {
  const script = m.d.script;
  let at = m.d.fenceRecheckEveryStep ? 0 : from;
  while (at < script.length && satisfied(m, script[at]!, victim, mask, self)) at += 1;
  return at;
}

/** After a step, move past every step whose goal now holds; finish the script if none is left. */
function advance(m: PackedMachine, self: number, victim: number, mask: number, falsePositive: boolean, from: number): void {
  const base = R.lparBase(self);
  const at = nextOpenStep(m, victim, mask, self, from);
  if (at < m.d.script.length) {
    if (m.r[base + R.SCRIPT_VICTIM] !== R.NONE) m.set(base + R.SCRIPT_STEP, at);
    return;
  }
  clearScript(m, self);
  if (m.r[base + R.ROLE] === R.ROLE_TAKEOVER) m.set(base + R.ROLE, m.r[base + R.SERVICE] === R.SVC_RUNNING ? R.ROLE_ACTIVE : R.ROLE_STANDBY);
  failoverCompleted(m, falsePositive);
}

/** Steps 1100 / 1106: declare the LPAR that last started the service failed. */
function detect(m: PackedMachine, self: number): void {
  const r = m.r;
  const victim = victimAtDetection(m, self);
  const v = R.lparBase(victim);
  const falsePositive = r[v + R.OS] === R.OS_RUNNING && r[v + R.SERVICE] === R.SVC_RUNNING;
  let mask = 0;
  for (let s = 0; s < m.config.slotCount; s += 1) if (r[R.slotBase(s) + R.OWNER] === victim) mask |= bit(s);
  const base = R.lparBase(self);
  m.set(base + R.ROLE, R.ROLE_TAKEOVER);
  m.set(base + R.SILENCE, 0);
  m.set(base + R.PEER_FAILED, 0);
  m.set(base + R.SCRIPT_VICTIM, victim);
  m.set(base + R.SCRIPT_STEP, 0);
  m.set(base + R.SCRIPT_MASK, mask);
  m.set(base + R.SCRIPT_FALSE_POSITIVE, falsePositive ? 1 : 0);
  m.set(v + R.DETECTED_FAILED, 1);
}

/** Step 1104: the disk is mounted here, so the service starts; CPU rates are reassigned. */
function startService(m: PackedMachine, self: number): void {
  const r = m.r;
  const failback = self === r[R.PREV_OWNER];
  m.set(R.PREV_OWNER, r[R.SERVICE_OWNER]!);
  m.set(R.SERVICE_OWNER, self);
  for (let l = 0; l < m.config.lparCount; l += 1) {
    const base = R.lparBase(l);
    m.set(base + R.CPU, l === self ? m.d.cpuActiveCode : r[base + R.OS] === R.OS_OFF ? R.CPU_OFF : m.d.cpuStandbyCode);
  }
  const base = R.lparBase(self);
  m.set(base + R.SERVICE, R.SVC_RUNNING);
  m.set(base + R.ROLE, R.ROLE_ACTIVE);
  serviceStarted(m, self, failback);
}

/** `ownerOfRecordDetects`: a clean standby, still owner of record, service down, with a taker to fence. */
function ownerOfRecordDetects(m: PackedMachine, self: number): boolean {
  return m.d.ownerOfRecordDetects && m.r[R.lparBase(self) + R.SERVICE] !== R.SVC_RUNNING && restartedClean(m, self) && victimAtDetection(m, self) !== self;
}

/** `slot-holder-first`: whether another running takeover goes first (see model/handlers/cluster-plan.ts). */
function waitsForRival(m: PackedMachine, self: number): boolean {
  const r = m.r;
  let rivals = 0;
  for (let o = 0; o < m.config.lparCount; o += 1) {
    const ob = R.lparBase(o);
    if (o !== self && r[ob + R.OS] === R.OS_RUNNING && r[ob + R.ROLE] === R.ROLE_TAKEOVER) rivals |= 1 << o;
  }
  if (rivals === 0) return false;
  if (r[R.lparBase(self) + R.DETECTED_FAILED] === 1) return true;
  const holder = serviceSlotHolder(m);
  return holder !== R.NONE && (rivals & (1 << holder)) !== 0 && r[R.lparBase(holder) + R.DETECTED_FAILED] === 0;
}

/** No fail-over running yet: may this standby declare the active failed now? */
function mayDetect(m: PackedMachine, self: number): boolean {
  const r = m.r;
  const base = R.lparBase(self);
  const ownerOfRecord = self === r[R.SERVICE_OWNER] && ownerOfRecordDetects(m, self);
  if (r[base + R.ROLE] !== R.ROLE_STANDBY || (self === r[R.SERVICE_OWNER] && !ownerOfRecord)) return false;
  if (!ownerOfRecord && r[base + R.SILENCE]! < m.d.timeoutTicks && r[base + R.PEER_FAILED] === 0) return false;
  if (!m.d.exclusiveTakeover) return true;
  for (let o = 0; o < m.config.lparCount; o += 1) {
    const ob = R.lparBase(o);
    if (o !== self && r[ob + R.OS] === R.OS_RUNNING && r[ob + R.ROLE] === R.ROLE_TAKEOVER) return false;
  }
  return true;
}

/** The script step issues its control commands (to every subject for deact and act): guards, then flows; false if refused. */
function runControl(m: PackedMachine, step: number, self: number, victim: number, mask: number): boolean {
  switch (step) {
    case STEP_DEACT:
    case STEP_AWAIT_FENCED:
    case STEP_ACT: {
      const todo = lparsToDo(m, step, victim, self);
      const control = step === STEP_ACT ? C.CONTROL_ACT : C.CONTROL_DEACT;
      for (let l = 0; l < m.config.lparCount; l += 1) {
        if ((todo & (1 << l)) === 0) continue;
        if (!C.controlAllowed(m, control, self, l, true) || !(step === STEP_ACT ? C.actAllowed(m, l) : C.deactAllowed(m, l))) return false;
      }
      for (let l = 0; l < m.config.lparCount; l += 1) {
        if ((todo & (1 << l)) === 0) continue;
        if (step === STEP_ACT) C.actApply(m, l);
        else C.deactApply(m, l);
      }
      return true;
    }
    case STEP_REM_PCI: {
      const s = slotToRemove(m, victim, mask, self);
      const target = m.r[R.slotBase(s) + R.OWNER]!;
      if (!C.controlAllowed(m, C.CONTROL_REM_PCI, self, target, true) || !C.remAllowed(m, target, s)) return false;
      C.remApply(m, target, s);
      return true;
    }
    case STEP_ADD_PCI: {
      const s = slotToAdd(m, victim, mask, self);
      const owner = m.r[R.slotBase(s) + R.OWNER]!;
      const from = m.d.slotHolderVictims && owner !== R.NONE ? owner : victim;
      if (!C.controlAllowed(m, C.CONTROL_ADD_PCI, self, from, true) || !C.addAllowed(m, self, from, s, true)) return false;
      C.addApply(m, self, s);
      return true;
    }
    default: throw new RangeError(`script step code ${step} issues no control command`);
  }
}

/**
 * `cluster_step`: false when the reference guard refuses it (nothing is written then). The CPU
 * share's budget of steps per tick (model/cluster-budget.ts; 0 at 0%) must have one left, and a
 * step taken is counted when the design bounds them.
 */
export function clusterStep(m: PackedMachine, self: number): boolean {
  const r = m.r;
  const base = R.lparBase(self);
  if (!isUp(r, self) || r[base + R.ALIVE] === 0 || r[base + R.CLUSTER_STEPS]! >= m.d.clusterBudget[r[base + R.CPU]!]!) return false;
  const steps = r[base + R.CLUSTER_STEPS]!;
  if (!runClusterStep(m, self)) return false;
  if (m.d.countsClusterSteps) m.set(base + R.CLUSTER_STEPS, steps + 1);
  return true;
}

/** The step itself, its guard's budget check done. */
function runClusterStep(m: PackedMachine, self: number): boolean {
  const r = m.r;
  const base = R.lparBase(self);
  const victim = r[base + R.SCRIPT_VICTIM]!;
  if (victim === R.NONE) {
    if (!mayDetect(m, self)) return false;
    detect(m, self);
    return true;
  }
  // Under exclusive arbitration a takeover that another LPAR already completed (it started the
  // service and runs it) is abandoned: e.g. a journaled script resumed after a reset, too late.
  const other = r[R.SERVICE_OWNER]!;
  if (m.d.exclusiveTakeover && other !== victim && other !== self && r[R.lparBase(other) + R.SERVICE] === R.SVC_RUNNING) {
    clearScript(m, self);
    if (r[base + R.ROLE] === R.ROLE_TAKEOVER) m.set(base + R.ROLE, R.ROLE_STANDBY);
    return true;
  }
  if (m.d.slotHolderFirst && waitsForRival(m, self)) return false;
  const mask = r[base + R.SCRIPT_MASK]!;
  const falsePositive = r[base + R.SCRIPT_FALSE_POSITIVE] === 1;
  const at = nextOpenStep(m, victim, mask, self, r[base + R.SCRIPT_STEP]!);
  if (at >= m.d.script.length) {
    advance(m, self, victim, mask, falsePositive, at);
    return true;
  }
  const step = m.d.script[at]!;
  if (step === STEP_START) {
    if (r[base + R.DEV + 0] !== R.DEV_MOUNTED) return false;
    startService(m, self);
  } else if (step === STEP_REQUEST_SHUTDOWN) {
    const todo = lparsToDo(m, step, victim, self);
    for (let l = 0; l < m.config.lparCount; l += 1) if ((todo & (1 << l)) !== 0) m.set(R.lparBase(l) + R.SHUTDOWN_REQUESTED, 1);
  } else if (!runControl(m, step, self, victim, mask)) {
    return false;
  }
  // deact (1101 / 1109) is issued once and the script goes on; await-fenced waits for the fence.
  advance(m, self, victim, mask, falsePositive, step === STEP_DEACT ? at + 1 : at);
  return true;
}
