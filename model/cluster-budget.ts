import { produce } from 'immer';
import { clusterStepBudget, countsClusterSteps, type Design } from './design.ts';
import { notEnabled, type Refusal } from './handler.ts';
import type { LparId } from './ids.ts';
import type { ClusterState, LparState, ModelState } from './state.ts';

// Design `clusterStepsPerTickAtFullCpu` (model/design.ts): a CPU share buys a number of
// clustering-program steps per tick. Each LPAR counts its `cluster_step`s since the last tick in
// `cluster.stepsThisTick` (absent when 0); a step past the budget is refused, a tick resets every
// count. Only a tick resets it: a program restarted, or an LPAR rebooted, within the same tick
// has had its share of that tick already.

/** Clustering steps this LPAR took since the last tick. */
export function stepsThisTick(l: LparState): number {
  return l.cluster.stepsThisTick ?? 0;
}

/** Why LPAR `self`'s clustering program may take no step now for want of CPU, or null. */
export function cpuBudgetRefusal(l: LparState, design: Design, self: LparId): Refusal | null {
  if (l.cpuPercent === 0) return notEnabled(`LPAR${self} has 0% of the CPU: its clustering program never runs`);
  const budget = clusterStepBudget(design, l.cpuPercent);
  if (budget === 0) return notEnabled(`LPAR${self} has ${l.cpuPercent}% of the CPU, a budget of 0 clustering steps per tick: its clustering program never runs`);
  if (stepsThisTick(l) >= budget) return notEnabled(`LPAR${self} has ${l.cpuPercent}% of the CPU, a budget of ${budget} clustering step(s) per tick, and took them all since the last tick`);
  return null;
}

/** The state after a step of LPAR `self`'s clustering program, with that step counted (designs with a step budget only). */
export function countClusterStep(state: ModelState, design: Design, self: LparId): ModelState {
  if (!countsClusterSteps(design)) return state;
  return produce(state, (draft) => {
    draft.lpars[self]!.cluster.stepsThisTick = stepsThisTick(state.lpars[self]!) + 1;
  });
}

/** Whether a tick has counts to reset. */
export function anyStepsThisTick(state: ModelState): boolean {
  return state.lpars.some((l) => stepsThisTick(l) > 0);
}

/** The count a replaced cluster record keeps (a restart or reboot within the tick), as a spread. */
export function keptSteps(cluster: ClusterState): Pick<ClusterState, 'stepsThisTick'> {
  return cluster.stepsThisTick === undefined ? {} : { stepsThisTick: cluster.stepsThisTick };
}
