import type { ControlCommand } from '../commands.ts';
import { concurrentTakeovers, failoverVictims, fenceRecheck, timeoutTicks, type Design, type ScriptStep } from '../design.ts';
import { cpuBudgetRefusal } from '../cluster-budget.ts';
import { notEnabled, type Refusal } from '../handler.ts';
import { slot as slotId, type LparId, type SlotId } from '../ids.ts';
import { hasBit, isUp, lparAt, SERVICE_SLOT } from '../queries.ts';
import type { LparState, ModelState, Script } from '../state.ts';
import { restartedClean, scriptSlotMask, scriptSubjects, serviceSlotHolder, victimAtDetection } from './script-subjects.ts';

/** What one step of a clustering program will do, decided before anything changes. */
export type ClusterPlan =
  | { readonly kind: 'detect' }
  | { readonly kind: 'abandon'; readonly script: Script }
  | { readonly kind: 'complete'; readonly script: Script; readonly at: number }
  | { readonly kind: 'start'; readonly script: Script; readonly at: number }
  | { readonly kind: 'request-shutdown'; readonly script: Script; readonly at: number }
  | { readonly kind: 'control'; readonly script: Script; readonly at: number; readonly step: ScriptStep; readonly commands: readonly ControlCommand[] };

function maskedSlots(state: ModelState, mask: number): SlotId[] {
  return state.slots.map((_, i) => slotId(i)).filter((s) => hasBit(mask, s));
}

/** A slot of the script's victims that is still enabled for its owner, for the next rem_pci. */
function slotToRemove(state: ModelState, design: Design, script: Script, self: LparId): SlotId | undefined {
  const subjects = scriptSubjects(state, design, script, self);
  return maskedSlots(state, scriptSlotMask(state, design, script, self)).find((s) => {
    const slot = state.slots[s]!;
    return slot.owner !== null && subjects.includes(slot.owner) && slot.enabled;
  });
}

/** A slot of the script's not yet enabled for (or awaiting a card for) this LPAR, for the next add_pci. */
function slotToAdd(state: ModelState, design: Design, script: Script, self: LparId): SlotId | undefined {
  return maskedSlots(state, scriptSlotMask(state, design, script, self)).find((s) => {
    const slot = state.slots[s]!;
    return !(slot.owner === self && slot.enabled) && slot.pendingAdd !== self;
  });
}

/** Whether one victim already is where the step puts it; under `fenceRecheck: every-step` a victim restarted clean is fenced. */
function victimDone(state: ModelState, design: Design, victim: LparId, step: 'deact' | 'await-fenced' | 'request-shutdown' | 'act'): boolean {
  const l = lparAt(state, victim);
  const clean = fenceRecheck(design) === 'every-step' && restartedClean(state, victim);
  switch (step) {
    case 'deact': return l.os === 'off' || clean;
    case 'await-fenced': return l.os === 'off' || l.os === 'shutdown' || clean;
    case 'request-shutdown': return l.shutdownRequested || l.os === 'off' || l.os === 'shutdown';
    case 'act': return l.os !== 'off';
  }
}

/** The script's victims a per-LPAR step still has to act on, lowest id first. */
export function victimsToDo(state: ModelState, design: Design, script: Script, self: LparId, step: 'deact' | 'await-fenced' | 'request-shutdown' | 'act'): LparId[] {
  return scriptSubjects(state, design, script, self).filter((l) => !victimDone(state, design, l, step));
}

/** Whether the step's goal already holds, so that a restarted or repeated script skips it. */
function satisfied(state: ModelState, design: Design, step: ScriptStep, script: Script, self: LparId): boolean {
  switch (step) {
    case 'deact':
    case 'await-fenced':
    case 'request-shutdown':
    case 'act': return victimsToDo(state, design, script, self, step).length === 0;
    case 'rem_pci': return slotToRemove(state, design, script, self) === undefined;
    case 'add_pci': return slotToAdd(state, design, script, self) === undefined;
    case 'start': return lparAt(state, self).service === 'running';
  }
}

/**
 * The first script position at or after `from` whose goal does not hold yet; under `fenceRecheck:
 * every-step`, from the first step whatever `from` says.
 */
export function nextOpenStep(state: ModelState, design: Design, script: Script, self: LparId, from: number): number {
  let at = fenceRecheck(design) === 'every-step' ? 0 : from;
  while (at < design.failoverScript.length && satisfied(state, design, design.failoverScript[at]!, script, self)) at += 1;
  return at;
}

/** The control commands a script step issues: one per victim for deact and act, one slot for rem_pci and add_pci. */
function controlsFor(state: ModelState, design: Design, step: ScriptStep, script: Script, self: LparId): ControlCommand[] {
  switch (step) {
    case 'deact':
    case 'await-fenced': return victimsToDo(state, design, script, self, step).map((target) => ({ kind: 'deact', issuer: self, target }));
    case 'act': return victimsToDo(state, design, script, self, step).map((target) => ({ kind: 'act', issuer: self, target }));
    case 'rem_pci': {
      const s = slotToRemove(state, design, script, self)!;
      return [{ kind: 'rem_pci', issuer: self, target: state.slots[s]!.owner!, slot: s }];
    }
    case 'add_pci': {
      const s = slotToAdd(state, design, script, self)!;
      const owner = state.slots[s]!.owner;
      const from = failoverVictims(design) !== 'service-owner' && owner !== null ? owner : script.victim;
      return [{ kind: 'add_pci', issuer: self, from, slot: s }];
    }
    case 'request-shutdown':
    case 'start': throw new Error(`script step ${step} issues no control command`);
  }
}

/** Decide the clustering program's next step, or why it has none (the guard of `cluster_step`). */
export function planClusterStep(state: ModelState, design: Design, self: LparId): ClusterPlan | Refusal {
  const l = lparAt(state, self);
  if (!isUp(l)) return notEnabled(`LPAR${self} is ${l.paused ? 'paused' : l.os}`);
  if (!l.cluster.alive) return notEnabled(`LPAR${self}'s clustering program is not running`);
  const starved = cpuBudgetRefusal(l, design, self);
  if (starved !== null) return starved;
  const script = l.cluster.script;
  if (script === null) {
    const ownerOfRecord = self === state.serviceOwner && ownerOfRecordDetects(state, design, self);
    if (l.role !== 'standby' || (self === state.serviceOwner && !ownerOfRecord)) return notEnabled(`LPAR${self} is ${l.role} and has no fail-over to run`);
    if (!ownerOfRecord && l.cluster.silenceTicks < timeoutTicks(design) && !l.cluster.peerServiceFailed) {
      return notEnabled(`LPAR${self} heard LPAR${state.serviceOwner} ${l.cluster.silenceTicks} tick(s) ago and its service is up`);
    }
    if (design.takeoverArbitration === 'exclusive') {
      const other = state.lpars.findIndex((o, i) => i !== self && o.os === 'running' && o.role === 'takeover');
      if (other >= 0) return notEnabled(`LPAR${other} announced it is taking over; LPAR${self} waits`);
    }
    return { kind: 'detect' };
  }
  // Under exclusive arbitration a takeover that another LPAR already completed (it started the
  // service, and runs it) is abandoned: e.g. a journaled script resumed after a reset, too late.
  const other = state.serviceOwner;
  if (design.takeoverArbitration === 'exclusive' && other !== script.victim && other !== self && state.lpars[other]!.service === 'running') return { kind: 'abandon', script };
  if (concurrentTakeovers(design) === 'slot-holder-first') {
    const wait = rivalToWaitFor(state, self);
    if (wait !== null) return notEnabled(`LPAR${wait} is taking over too, and goes first; LPAR${self} waits for it`);
  }
  const at = nextOpenStep(state, design, script, self, script.step);
  if (at >= design.failoverScript.length) return { kind: 'complete', script, at };
  const step = design.failoverScript[at]!;
  if (step === 'start') {
    if (l.devices[SERVICE_SLOT] !== 'mounted') return notEnabled(`LPAR${self} waits for the service's disk to be mounted before starting the service (1104)`);
    return { kind: 'start', script, at };
  }
  if (step === 'request-shutdown') return { kind: 'request-shutdown', script, at };
  return { kind: 'control', script, at, step, commands: controlsFor(state, design, step, script, self) };
}

/**
 * `slot-holder-first`: the running LPAR, taking over too, that this takeover waits for. A taker
 * declared failed since it started waits for any other (which fences it); else the one holding
 * the service slot goes first.
 */
function rivalToWaitFor(state: ModelState, self: LparId): LparId | null {
  const rivals = state.lpars.flatMap((o, i) => (i !== self && o.os === 'running' && o.role === 'takeover' ? [i as LparId] : []));
  if (rivals.length === 0) return null;
  if (lparAt(state, self).detectedFailed) return rivals[0]!;
  const holder = serviceSlotHolder(state);
  return holder !== null && rivals.includes(holder) && !lparAt(state, holder).detectedFailed ? holder : null;
}

/**
 * `ownerOfRecordDetects`: a standby restarted clean, still the service's owner of record, its own
 * service down, that would fence another LPAR holding the service slot (its dead taker).
 */
function ownerOfRecordDetects(state: ModelState, design: Design, self: LparId): boolean {
  const l = lparAt(state, self);
  return design.ownerOfRecordDetects === true && l.service !== 'running' && restartedClean(state, self) && victimAtDetection(state, design, self) !== self;
}

export function isRefusal(plan: ClusterPlan | Refusal): plan is Refusal {
  return 'code' in plan;
}
