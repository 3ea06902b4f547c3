import type { Draft } from 'immer';
import { keptSteps } from '../cluster-budget.ts';
import { commit } from '../commit.ts';
import type { LparId } from '../ids.ts';
import { notEnabled, type Handler } from '../handler.ts';
import { lparAt } from '../queries.ts';
import type { LparState } from '../state.ts';


/** The way back from a transient fault, taken by the environment (and by fairness once faults stop). */
function recovery(when: (l: LparState) => boolean, why: string, set: (l: Draft<LparState>) => void): Handler<{ readonly lpar: LparId }> {
  return {
    guard: (state, c) => (when(lparAt(state, c.lpar)) ? null : notEnabled(`LPAR${c.lpar} ${why}`)),
    apply: (state, c) => commit(state, (draft) => set(draft.lpars[c.lpar]!)),
  };
}

export const resume = recovery((l) => l.paused, 'is not paused', (l) => {
  l.paused = false;
});
export const hbRestore = recovery((l) => !l.heartbeatLinkUp, 'has its heartbeat link up', (l) => {
  l.heartbeatLinkUp = true;
});
export const gpeEnable = recovery((l) => l.os === 'running' && !l.gpe.enabled, 'has no disabled GPE to enable', (l) => {
  l.gpe.enabled = true;
});
/**
 * A restarted clustering program resumes a journaled script; otherwise it starts from scratch: a
 * half-run script is forgotten, and an LPAR caught mid-takeover goes back to standby.
 */
export const clusterRestart: Handler<{ readonly lpar: LparId }> = {
  guard: (state, c) => {
    const l = lparAt(state, c.lpar);
    return l.os === 'running' && !l.cluster.alive ? null : notEnabled(`LPAR${c.lpar} has no dead clustering program to restart`);
  },
  apply: (state, c, design) => commit(state, (draft) => {
    const l = draft.lpars[c.lpar]!;
    const script = design.scriptSurvivesRestart ? l.cluster.script : null;
    l.cluster = { alive: true, silenceTicks: 0, peerServiceFailed: false, script, ...keptSteps(l.cluster) };
    if (script === null && l.role === 'takeover') l.role = 'standby';
  }),
};
