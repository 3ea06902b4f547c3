import type { EnvironmentStep } from '../commands.ts';
import { commit } from '../commit.ts';
import { timeoutPeriods } from '../design.ts';
import type { Handler } from '../handler.ts';
import { isUp } from '../queries.ts';

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
    const cap = timeoutPeriods(design);
    return commit(state, (draft) => {
      draft.lpars.forEach((l, i) => {
        if (i === state.serviceOwner || l.role !== 'standby' || l.os !== 'running' || l.paused || !l.cluster.alive) return;
        if (heard) {
          l.cluster.silencePeriods = 0;
          l.cluster.peerServiceFailed = active.service !== 'running';
        } else {
          l.cluster.silencePeriods = Math.min(cap, l.cluster.silencePeriods + 1);
        }
      });
    });
  },
};
