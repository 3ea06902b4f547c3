import { clusterStepBudget, concurrentTakeovers, failoverCase, failoverVictims, fenceRecheck, timeoutTicks, type ControlCommand, type LparId, type ScriptStep, type SlotId } from '../model/index.ts';
import { DRIVER_MOUNTED, NONE, OS_OFF, OS_RUNNING, OS_SHUTDOWN, ROLE_ACTIVE, ROLE_STANDBY, ROLE_TAKEOVER, SERVICE_RUNNING } from './codes.ts';
import { controlRefusal, executeControl } from './control-routine.ts';
import { SERVICE_SLOT } from './guest-driver.ts';
import { silenceTicks } from './heartbeat.ts';
import type { Machine } from './machine.ts';
import { notEnabled, refusal, type Refusal } from '../model/handler.ts';
import { restartedClean, scriptSlotMask, scriptSubjectMask, serviceSlotHolder, victimAtDetection } from './script-victims.ts';

// The clustering program's fail-over (Fig. 9a / 9b, Fig. 10 / 11): detection, then the design's
// script, one step per `cluster_step`. A step whose goal already holds is skipped, so a repeated
// or resumed script does no harm.

type Plan =
  | { readonly kind: 'detect' }
  | { readonly kind: 'abandon' }
  | { readonly kind: 'complete' | 'start' | 'request-shutdown'; readonly at: number }
  | { readonly kind: 'control'; readonly at: number; readonly step: ScriptStep; readonly commands: readonly ControlCommand[] };

function slotToRemove(m: Machine, self: number): number {
  const mask = scriptSlotMask(m, self);
  const subjects = scriptSubjectMask(m, self);
  for (let s = 0; s < m.slotCount; s += 1) {
    const owner = m.owner[s]!;
    if ((mask & (1 << s)) !== 0 && owner !== NONE && (subjects & (1 << owner)) !== 0 && m.enabled[s] === 1) return s;
  }
  return -1;
}

function slotToAdd(m: Machine, self: number): number {
  const mask = scriptSlotMask(m, self);
  for (let s = 0; s < m.slotCount; s += 1) {
    if ((mask & (1 << s)) === 0) continue;
    if (!(m.owner[s] === self && m.enabled[s] === 1) && m.pendingAdd[s] !== self) return s;
  }
  return -1;
}

type PerLparStep = 'deact' | 'await-fenced' | 'request-shutdown' | 'act';

/** Whether one LPAR the script commands already is where the step puts it. */
function lparDone(m: Machine, l: number, step: PerLparStep): boolean {
  const g = m.guests[l]!;
  // `fenceRecheck: every-step`: an LPAR restarted clean since it was declared failed is fenced.
  const clean = fenceRecheck(m.design) === 'every-step' && restartedClean(m, l);
  switch (step) {
    case 'deact': return g.os === OS_OFF || clean;
    case 'await-fenced': return g.os === OS_OFF || g.os === OS_SHUTDOWN || clean;
    case 'request-shutdown': return g.shutdownRequested || g.os === OS_OFF || g.os === OS_SHUTDOWN;
    case 'act': return g.os !== OS_OFF;
  }
}

/** The LPARs a per-LPAR step still has to act on, lowest id first. */
function lparsToDo(m: Machine, self: number, step: PerLparStep): number[] {
  const subjects = scriptSubjectMask(m, self);
  const out: number[] = [];
  for (let l = 0; l < m.lparCount; l += 1) if ((subjects & (1 << l)) !== 0 && !lparDone(m, l, step)) out.push(l);
  return out;
}

function goalHolds(m: Machine, self: number, step: ScriptStep): boolean {
  switch (step) {
    case 'deact':
    case 'await-fenced':
    case 'request-shutdown':
    case 'act': return lparsToDo(m, self, step).length === 0;
    case 'rem_pci': return slotToRemove(m, self) < 0;
    case 'add_pci': return slotToAdd(m, self) < 0;
    case 'start': return m.guests[self]!.service === SERVICE_RUNNING;
  }
}

function firstOpenStep(m: Machine, self: number, from: number): number {
  const script = m.design.failoverScript;
  let at = fenceRecheck(m.design) === 'every-step' ? 0 : from;
  while (at < script.length && goalHolds(m, self, script[at]!)) at += 1;
  return at;
}

function commandsFor(m: Machine, self: number, step: ScriptStep): ControlCommand[] {
  const issuer = self as LparId;
  switch (step) {
    case 'deact':
    case 'await-fenced': return lparsToDo(m, self, step).map((t) => ({ kind: 'deact', issuer, target: t as LparId }));
    case 'act': return lparsToDo(m, self, step).map((t) => ({ kind: 'act', issuer, target: t as LparId }));
    case 'rem_pci': {
      const s = slotToRemove(m, self);
      return [{ kind: 'rem_pci', issuer, target: m.owner[s]! as LparId, slot: s as SlotId }];
    }
    case 'add_pci': {
      const s = slotToAdd(m, self);
      const owner = m.owner[s]!;
      const from = failoverVictims(m.design) !== 'service-owner' && owner !== NONE ? owner : m.cluster[self]!.scriptVictim;
      return [{ kind: 'add_pci', issuer, from: from as LparId, slot: s as SlotId }];
    }
    case 'request-shutdown':
    case 'start': throw new Error(`script step ${step} sends no control command`);
  }
}

/** `ownerOfRecordDetects`: a clean standby, still the active of record, its service down, with a taker to fence. */
function detectsAsOwnerOfRecord(m: Machine, self: number): boolean {
  return m.design.ownerOfRecordDetects === true && self === m.activeLpar && m.guests[self]!.service !== SERVICE_RUNNING
    && restartedClean(m, self) && victimAtDetection(m, self) !== self;
}

/** `slot-holder-first`: the other running taker this one waits for, or -1. */
function rivalToWaitFor(m: Machine, self: number): number {
  let first = -1;
  let holderRival = false;
  const holder = serviceSlotHolder(m);
  for (let o = 0; o < m.lparCount; o += 1) {
    if (o === self || m.guests[o]!.os !== OS_RUNNING || m.cluster[o]!.role !== ROLE_TAKEOVER) continue;
    if (first < 0) first = o;
    if (o === holder) holderRival = true;
  }
  if (first < 0) return -1;
  if ((m.failedMask & (1 << self)) !== 0) return first;
  return holderRival && (m.failedMask & (1 << holder)) === 0 ? holder : -1;
}

function detectionRefusal(m: Machine, self: number): Refusal | null {
  const c = m.cluster[self]!;
  const ownerOfRecord = detectsAsOwnerOfRecord(m, self);
  if (c.role !== ROLE_STANDBY || (self === m.activeLpar && !ownerOfRecord)) return notEnabled(`LPAR${self} is not a standby and has no fail-over to run`);
  if (!ownerOfRecord && silenceTicks(m, self) < timeoutTicks(m.design) && !c.peerServiceFailed) {
    return notEnabled(`LPAR${self} heard LPAR${m.activeLpar} recently and its service is up`);
  }
  if (m.design.takeoverArbitration === 'exclusive') {
    for (let o = 0; o < m.lparCount; o += 1) {
      if (o !== self && m.guests[o]!.os === OS_RUNNING && m.cluster[o]!.role === ROLE_TAKEOVER) return notEnabled(`LPAR${o} announced it is taking over; LPAR${self} waits`);
    }
  }
  return null;
}

function plan(m: Machine, self: number): Plan | Refusal {
  const g = m.guests[self]!;
  const c = m.cluster[self]!;
  if (!g.up) return notEnabled(`LPAR${self} is ${g.paused ? 'paused' : 'not running'}`);
  if (!c.alive) return notEnabled(`LPAR${self}'s clustering program is not running`);
  if (m.cpuPercent[self] === 0) return notEnabled(`LPAR${self} has 0% of the CPU: its clustering program never runs`);
  const budget = clusterStepBudget(m.design, m.cpuPercent[self]!);
  if (c.stepsThisTick >= budget) return notEnabled(`LPAR${self}'s ${m.cpuPercent[self]}% of the CPU buys ${budget} clustering step(s) per tick, and it took them since the last tick`);
  if (!c.hasScript) return detectionRefusal(m, self) ?? { kind: 'detect' };
  // Exclusive arbitration: another LPAR already took over (it runs the service); give up.
  const other = m.activeLpar;
  if (m.design.takeoverArbitration === 'exclusive' && other !== c.scriptVictim && other !== self && m.guests[other]!.service === SERVICE_RUNNING) return { kind: 'abandon' };
  if (concurrentTakeovers(m.design) === 'slot-holder-first') {
    const rival = rivalToWaitFor(m, self);
    if (rival >= 0) return notEnabled(`LPAR${rival} is taking over too, and goes first; LPAR${self} waits`);
  }
  const at = firstOpenStep(m, self, c.scriptStep);
  if (at >= m.design.failoverScript.length) return { kind: 'complete', at };
  const step = m.design.failoverScript[at]!;
  if (step === 'start') {
    return g.drivers[SERVICE_SLOT] === DRIVER_MOUNTED ? { kind: 'start', at } : notEnabled(`LPAR${self} waits for the service's disk to be mounted (1104)`);
  }
  if (step === 'request-shutdown') return { kind: 'request-shutdown', at };
  return { kind: 'control', at, step, commands: commandsFor(m, self, step) };
}

/** Patent step numbers of the script steps in case (a) and case (b); 0 where the patent has none. */
const PATENT_STEP: Record<ScriptStep, readonly [number, number]> = {
  deact: [1101, 1109], rem_pci: [1102, 1107], 'request-shutdown': [1108, 1108], 'await-fenced': [0, 0],
  add_pci: [1103, 1103], start: [1104, 1104], act: [1105, 1105],
};

function isRefusal(p: Plan | Refusal): p is Refusal {
  return 'code' in p;
}

export function clusterStepRefusal(m: Machine, self: number): Refusal | null {
  const p = plan(m, self);
  if (isRefusal(p)) return p;
  if (p.kind !== 'control') return null;
  for (const command of p.commands) {
    const problem = controlRefusal(m, command, true);
    if (problem !== null) return refusal('script-step-refused', `${p.step}: ${problem.message}`);
  }
  return null;
}

/** Steps 1100 / 1106: declare the active failed and start the script against it. */
function detect(m: Machine, self: number): void {
  const victim = victimAtDetection(m, self);
  const v = m.guests[victim]!;
  const c = m.cluster[self]!;
  let mask = 0;
  for (let s = 0; s < m.slotCount; s += 1) if (m.owner[s] === victim) mask |= 1 << s;
  c.role = ROLE_TAKEOVER;
  c.silentTicks = 0;
  c.peerServiceFailed = false;
  c.scriptVictim = victim;
  c.scriptStep = 0;
  c.scriptSlotMask = mask;
  c.scriptFalsePositive = v.os === OS_RUNNING && v.service === SERVICE_RUNNING;
  m.failedMask |= 1 << victim;
  m.observe({ kind: 'patent-step', step: failoverCase(m.design) === 'a' ? 1100 : 1106 });
}

/** Step 1104: the disk is mounted here, so the service starts and the CPU shares follow it. */
function startService(m: Machine, self: number): void {
  m.previousActive = m.activeLpar;
  m.activeLpar = self;
  for (let l = 0; l < m.lparCount; l += 1) {
    m.cpuPercent[l] = l === self ? m.design.cpuActivePercent : m.guests[l]!.os === OS_OFF ? 0 : m.design.cpuStandbyPercent;
  }
  m.guests[self]!.service = SERVICE_RUNNING;
  m.cluster[self]!.role = ROLE_ACTIVE;
  m.observe({ kind: 'patent-step', step: 1104 });
  m.observe({ kind: 'service-start', lpar: self });
}

/** Move past every step whose goal now holds; finish the script when none is left. */
function advance(m: Machine, self: number, from: number): void {
  const c = m.cluster[self]!;
  const at = firstOpenStep(m, self, from);
  if (at < m.design.failoverScript.length) {
    c.scriptStep = at;
    return;
  }
  c.dropScript();
  if (c.role === ROLE_TAKEOVER) c.role = m.guests[self]!.service === SERVICE_RUNNING ? ROLE_ACTIVE : ROLE_STANDBY;
}

/** One step of the clustering program in `self` (its refusal was checked). */
export function runClusterStep(m: Machine, self: number): void {
  const p = plan(m, self);
  if (isRefusal(p)) throw new Error(`cluster_step run without its check: ${p.message}`);
  if (m.design.clusterStepsPerTickAtFullCpu !== undefined) m.cluster[self]!.stepsThisTick += 1;
  switch (p.kind) {
    case 'detect':
      return detect(m, self);
    case 'abandon': {
      const c = m.cluster[self]!;
      c.dropScript();
      if (c.role === ROLE_TAKEOVER) c.role = ROLE_STANDBY;
      return;
    }
    case 'complete':
      return advance(m, self, p.at);
    case 'start':
      startService(m, self);
      return advance(m, self, p.at);
    case 'request-shutdown':
      for (const l of lparsToDo(m, self, 'request-shutdown')) m.guests[l]!.shutdownRequested = true;
      m.observe({ kind: 'patent-step', step: 1108 });
      return advance(m, self, p.at);
    case 'control': {
      const patentStep = PATENT_STEP[p.step][failoverCase(m.design) === 'a' ? 0 : 1];
      if (patentStep !== 0) m.observe({ kind: 'patent-step', step: patentStep });
      // deact and act go to every LPAR the script commands (one unless `slot-holders`).
      for (const command of p.commands) {
        executeControl(m, command);
        m.observe({ kind: 'script-command', lpar: self, command, outcome: { kind: 'ok' } });
      }
      // deact (1101 / 1109) is sent once and the script goes on; only await-fenced waits for it.
      return advance(m, self, p.step === 'deact' ? p.at + 1 : p.at);
    }
  }
}
