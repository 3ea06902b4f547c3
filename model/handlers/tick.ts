import type { EnvironmentStep } from '../commands.ts';
import { anyStepsThisTick } from '../cluster-budget.ts';
import { commit } from '../commit.ts';
import type { Handler } from '../handler.ts';
import { sendsHeartbeats, silenceAfterTick } from '../heartbeat.ts';
import { OK } from '../outcome.ts';
import type { LparState } from '../state.ts';

type Tick = Extract<EnvironmentStep, { kind: 'tick' }>;

/**
 * One tick passes. Every standby whose clustering program runs either hears the active's
 * heartbeat, due once per period (model/heartbeat.ts), and learns whether its service is up, or
 * counts one more tick of silence, up to the timeout. Every LPAR's clustering-step count starts
 * again from 0 (model/cluster-budget.ts). Time always may pass.
 */
export const tick: Handler<Tick> = {
  guard() {
    return null;
  },
  apply(state, _c, design) {
    const active = state.lpars[state.serviceOwner]!;
    const sends = sendsHeartbeats(active, design);
    const peerServiceFailed = active.service !== 'running';
    const listens = (l: LparState, i: number) => i !== state.serviceOwner && l.role === 'standby' && l.os === 'running' && !l.paused && l.cluster.alive;
    const silenceAfter = (l: LparState) => silenceAfterTick(l.cluster.silenceTicks, sends, design);
    const heard = (l: LparState) => silenceAfter(l) === 0;
    const changes = state.lpars.some((l, i) => listens(l, i)
      && (silenceAfter(l) !== l.cluster.silenceTicks || (heard(l) && l.cluster.peerServiceFailed !== peerServiceFailed)));
    // A step budget (clusterStepsPerTickAtFullCpu) starts afresh: a count above 0 is a change too.
    if (!changes && !anyStepsThisTick(state)) return { state, effects: [], outcome: OK }; // time passes; nothing anyone watches changes
    return commit(state, (draft) => {
      draft.lpars.forEach((l, i) => {
        const before = state.lpars[i]!;
        if (l.cluster.stepsThisTick !== undefined) delete l.cluster.stepsThisTick;
        if (!listens(before, i)) return;
        l.cluster.silenceTicks = silenceAfter(before);
        if (heard(before)) l.cluster.peerServiceFailed = peerServiceFailed;
      });
    });
  },
};
