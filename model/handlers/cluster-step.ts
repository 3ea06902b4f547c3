import type { ProtocolStep } from '../commands.ts';
import { countClusterStep } from '../cluster-budget.ts';
import { commit } from '../commit.ts';
import { failoverCase, type Design, type ScriptStep } from '../design.ts';
import { refusal, type Handler } from '../handler.ts';
import type { LparId } from '../ids.ts';
import type { Effect, StepResult } from '../outcome.ts';
import { bit } from '../queries.ts';
import type { ModelState, Script } from '../state.ts';
import { isRefusal, nextOpenStep, planClusterStep, victimsToDo } from './cluster-plan.ts';
import { victimAtDetection } from './script-subjects.ts';
import { controlRefusal, executeControl } from './control.ts';

type ClusterStep = Extract<ProtocolStep, { kind: 'cluster_step' }>;

/** Patent step numbers of each script step, for case (a) and case (b); 0 where the patent has none. */
const PATENT_STEP: Record<ScriptStep, readonly [number, number]> = {
  deact: [1101, 1109], rem_pci: [1102, 1107], 'request-shutdown': [1108, 1108], 'await-fenced': [0, 0],
  add_pci: [1103, 1103], start: [1104, 1104], act: [1105, 1105],
};

function patentStep(design: Design, step: ScriptStep): number {
  return PATENT_STEP[step][failoverCase(design) === 'a' ? 0 : 1];
}

/** Steps 1100 / 1106: the standby declares the active failed and starts the script against it. */
function detect(state: ModelState, design: Design, self: LparId): StepResult {
  const victimId = victimAtDetection(state, design, self);
  const victim = state.lpars[victimId]!;
  const falsePositive = victim.os === 'running' && victim.service === 'running';
  const slotMask = state.slots.reduce((mask, s, i) => (s.owner === victimId ? mask | bit(i) : mask), 0);
  return commit(state, (draft, emit) => {
    const l = draft.lpars[self]!;
    l.role = 'takeover';
    l.cluster.silenceTicks = 0;
    l.cluster.peerServiceFailed = false;
    l.cluster.script = { victim: victimId, step: 0, slotMask, falsePositive };
    draft.lpars[victimId]!.detectedFailed = true;
    emit({ kind: 'patent-step', step: failoverCase(design) === 'a' ? 1100 : 1106 });
    emit({ kind: 'detect', lpar: self, victim: victimId, falsePositive });
  });
}

/** Step 1104: access to the disk is confirmed (it is mounted here), so the service starts. */
function startService(state: ModelState, design: Design, self: LparId): StepResult {
  return commit(state, (draft, emit) => {
    const failback = self === state.previousServiceOwner;
    draft.previousServiceOwner = state.serviceOwner;
    draft.serviceOwner = self;
    draft.lpars.forEach((l, i) => {
      l.cpuPercent = i === self ? design.cpuActivePercent : l.os === 'off' ? 0 : design.cpuStandbyPercent;
    });
    const l = draft.lpars[self]!;
    l.service = 'running';
    l.role = 'active';
    emit({ kind: 'patent-step', step: 1104 });
    emit({ kind: 'service-start', lpar: self, failback });
  });
}

/** After a step, move past every step whose goal now holds; finish the script if none is left. */
function advance(prior: StepResult, design: Design, self: LparId, script: Script, from: number): StepResult {
  const at = nextOpenStep(prior.state, design, script, self, from);
  const done = at >= design.failoverScript.length;
  const moved = commit(prior.state, (draft, emit) => {
    const l = draft.lpars[self]!;
    if (!done) {
      if (l.cluster.script !== null) l.cluster.script.step = at;
      return;
    }
    l.cluster.script = null;
    if (l.role === 'takeover') l.role = l.service === 'running' ? 'active' : 'standby';
    emit({ kind: 'failover-complete', lpar: self, victim: script.victim, failoverCase: failoverCase(design), falsePositive: script.falsePositive });
  });
  return { ...moved, effects: [...prior.effects, ...moved.effects] };
}

/** One step of an LPAR's clustering program [103, 104]: detect a failure, or the next script step. */
export const clusterStep: Handler<ClusterStep> = {
  guard(state, c, design) {
    const plan = planClusterStep(state, design, c.lpar);
    if (isRefusal(plan)) return plan;
    if (plan.kind !== 'control') return null;
    for (const command of plan.commands) {
      const problem = controlRefusal(state, command, design, true);
      if (problem !== null) return refusal('script-step-refused', `${plan.step} (${patentStep(design, plan.step)}): ${problem.message}`);
    }
    return null;
  },
  apply(state, c, design) {
    const done = applyPlan(state, c, design);
    const counted = countClusterStep(done.state, design, c.lpar);
    return counted === done.state ? done : { ...done, state: counted };
  },
};

/** The step the plan decides, before it is counted against the LPAR's CPU budget. */
function applyPlan(state: ModelState, c: ClusterStep, design: Design): StepResult {
  const plan = planClusterStep(state, design, c.lpar);
  if (isRefusal(plan)) throw new Error(`cluster_step applied without its guard: ${plan.message}`);
  switch (plan.kind) {
    case 'detect':
      return detect(state, design, c.lpar);
    case 'abandon':
      return commit(state, (draft, emit) => {
        const l = draft.lpars[c.lpar]!;
        l.cluster.script = null;
        if (l.role === 'takeover') l.role = 'standby';
        emit({ kind: 'takeover-abandoned', lpar: c.lpar, victim: plan.script.victim, by: state.serviceOwner });
      });
    case 'complete':
      return advance({ state, effects: [], outcome: { kind: 'ok' } }, design, c.lpar, plan.script, plan.at);
    case 'start':
      return advance(startService(state, design, c.lpar), design, c.lpar, plan.script, plan.at);
    case 'request-shutdown': {
      const asked = commit(state, (draft, emit) => {
        for (const l of victimsToDo(state, design, plan.script, c.lpar, 'request-shutdown')) draft.lpars[l]!.shutdownRequested = true;
        emit({ kind: 'patent-step', step: 1108 });
      });
      return advance(asked, design, c.lpar, plan.script, plan.at);
    }
    case 'control': {
      // deact and act go to every victim in one step (one victim unless `slot-holders`).
      let marked: StepResult = { state, effects: [{ kind: 'patent-step', step: patentStep(design, plan.step) }], outcome: { kind: 'ok' } };
      for (const command of plan.commands) {
        const issued = executeControl.apply(marked.state, command, design);
        const note: Effect = { kind: 'script-command', lpar: c.lpar, command, outcome: issued.outcome };
        marked = { ...issued, effects: [...marked.effects, note, ...issued.effects] };
      }
      // The patent issues deact (1101 / 1109) once and goes on, whether or not the LPAR went
      // off; only `await-fenced` waits for it. Per-slot steps stay until every slot is done.
      return advance(marked, design, c.lpar, plan.script, plan.step === 'deact' ? plan.at + 1 : plan.at);
    }
  }
}
