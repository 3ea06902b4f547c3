import type { EnvironmentStep } from '../commands.ts';
import { commit } from '../commit.ts';
import { timeoutPeriods } from '../design.ts';
import type { Handler } from '../handler.ts';
import { isUp } from '../queries.ts';
import { OK } from '../outcome.ts';
import type { LparState } from '../state.ts';

type Tick = Extract<EnvironmentStep, { kind: 'tick' }>;

/**
 * One heartbeat period passes. Every standby whose clustering program runs either hears the
 * active (its OS and clustering program up, its link up) and learns whether its service is up,
 * or counts one more period of silence, up to the timeout. Time always may pass.
 */
export const tick: Handler<Tick> = {
  guard() {
    return null;
  },
  apply(state, _c, design) {
    const active = state.lpars[state.serviceOwner]!;
    const heard = isUp(active) && active.cluster.alive && active.heartbeatLinkUp;
    const peerServiceFailed = active.service !== 'running';
    const cap = timeoutPeriods(design);
    const listens = (l: LparState, i: number) => i !== state.serviceOwner && l.role === 'standby' && l.os === 'running' && !l.paused && l.cluster.alive;
    const silenceAfter = (l: LparState) => (heard ? 0 : Math.min(cap, l.cluster.silencePeriods + 1));
    const changes = state.lpars.some((l, i) => listens(l, i)
      && (silenceAfter(l) !== l.cluster.silencePeriods || (heard && l.cluster.peerServiceFailed !== peerServiceFailed)));
    if (!changes) return { state, effects: [], outcome: OK }; // time passes; nothing anyone watches changes
    return commit(state, (draft) => {
      draft.lpars.forEach((l, i) => {
        if (!listens(state.lpars[i]!, i)) return;
        l.cluster.silencePeriods = silenceAfter(state.lpars[i]!);
        if (heard) l.cluster.peerServiceFailed = peerServiceFailed;
      });
    });
  },
};
