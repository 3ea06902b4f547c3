import type { ControlCommand } from '../commands.ts';
import { timeoutPeriods, type Design, type ScriptStep } from '../design.ts';
import { notEnabled, type Refusal } from '../handler.ts';
import { slot as slotId, type LparId, type SlotId } from '../ids.ts';
import { hasBit, isUp, lparAt, SERVICE_SLOT } from '../queries.ts';
import type { ModelState, Script } from '../state.ts';

/** What one step of a clustering program will do, decided before anything changes. */
export type ClusterPlan =
  | { readonly kind: 'detect' }
  | { readonly kind: 'abandon'; readonly script: Script }
  | { readonly kind: 'complete'; readonly script: Script; readonly at: number }
  | { readonly kind: 'start'; readonly script: Script; readonly at: number }
  | { readonly kind: 'request-shutdown'; readonly script: Script; readonly at: number }
  | { readonly kind: 'control'; readonly script: Script; readonly at: number; readonly step: ScriptStep; readonly command: ControlCommand };

function maskedSlots(state: ModelState, mask: number): SlotId[] {
  return state.slots.map((_, i) => slotId(i)).filter((s) => hasBit(mask, s));
}

/** A slot of the victim's that is still enabled for it, for the next rem_pci. */
function slotToRemove(state: ModelState, script: Script): SlotId | undefined {
  return maskedSlots(state, script.slotMask).find((s) => state.slots[s]!.owner === script.victim && state.slots[s]!.enabled);
}

/** A slot of the victim's not yet enabled for (or awaiting a card for) this LPAR, for the next add_pci. */
function slotToAdd(state: ModelState, script: Script, self: LparId): SlotId | undefined {
  return maskedSlots(state, script.slotMask).find((s) => {
    const slot = state.slots[s]!;
    return !(slot.owner === self && slot.enabled) && slot.pendingAdd !== self;
  });
}

/** Whether the step's goal already holds, so that a restarted or repeated script skips it. */
function satisfied(state: ModelState, step: ScriptStep, script: Script, self: LparId): boolean {
  const victim = lparAt(state, script.victim);
  switch (step) {
    case 'deact': return victim.os === 'off';
    case 'await-fenced': return victim.os === 'off' || victim.os === 'shutdown';
    case 'rem_pci': return slotToRemove(state, script) === undefined;
    case 'add_pci': return slotToAdd(state, script, self) === undefined;
    case 'request-shutdown': return victim.shutdownRequested || victim.os === 'off' || victim.os === 'shutdown';
    case 'start': return lparAt(state, self).service === 'running';
    case 'act': return victim.os !== 'off';
  }
}

/** The first script position at or after `from` whose goal does not hold yet. */
export function nextOpenStep(state: ModelState, design: Design, script: Script, self: LparId, from: number): number {
  let at = from;
  while (at < design.failoverScript.length && satisfied(state, design.failoverScript[at]!, script, self)) at += 1;
  return at;
}

function controlFor(state: ModelState, step: ScriptStep, script: Script, self: LparId): ControlCommand {
  switch (step) {
    case 'deact':
    case 'await-fenced': return { kind: 'deact', issuer: self, target: script.victim };
    case 'act': return { kind: 'act', issuer: self, target: script.victim };
    case 'rem_pci': return { kind: 'rem_pci', issuer: self, target: script.victim, slot: slotToRemove(state, script)! };
    case 'add_pci': return { kind: 'add_pci', issuer: self, from: script.victim, slot: slotToAdd(state, script, self)! };
    case 'request-shutdown':
    case 'start': throw new Error(`script step ${step} issues no control command`);
  }
}

/** Decide the clustering program's next step, or why it has none (the guard of `cluster_step`). */
export function planClusterStep(state: ModelState, design: Design, self: LparId): ClusterPlan | Refusal {
  const l = lparAt(state, self);
  if (!isUp(l)) return notEnabled(`LPAR${self} is ${l.paused ? 'paused' : l.os}`);
  if (!l.cluster.alive) return notEnabled(`LPAR${self}'s clustering program is not running`);
  const script = l.cluster.script;
  if (script === null) {
    if (l.role !== 'standby' || self === state.serviceOwner) return notEnabled(`LPAR${self} is ${l.role} and has no fail-over to run`);
    if (l.cluster.silencePeriods < timeoutPeriods(design) && !l.cluster.peerServiceFailed) {
      return notEnabled(`LPAR${self} heard LPAR${state.serviceOwner} ${l.cluster.silencePeriods} period(s) ago and its service is up`);
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
  const at = nextOpenStep(state, design, script, self, script.step);
  if (at >= design.failoverScript.length) return { kind: 'complete', script, at };
  const step = design.failoverScript[at]!;
  if (step === 'start') {
    if (l.devices[SERVICE_SLOT] !== 'mounted') return notEnabled(`LPAR${self} waits for the service's disk to be mounted before starting the service (1104)`);
    return { kind: 'start', script, at };
  }
  if (step === 'request-shutdown') return { kind: 'request-shutdown', script, at };
  return { kind: 'control', script, at, step, command: controlFor(state, step, script, self) };
}

export function isRefusal(plan: ClusterPlan | Refusal): plan is Refusal {
  return 'code' in plan;
}
