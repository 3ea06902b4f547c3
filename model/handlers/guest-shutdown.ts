import type { ProtocolStep } from '../commands.ts';
import { commit } from '../commit.ts';
import { notEnabled, type Handler } from '../handler.ts';
import { isUp, lparAt } from '../queries.ts';

type GuestShutdown = Extract<ProtocolStep, { kind: 'guest_shutdown' }>;

/** Step 1108, on the failed LPAR's side: its clustering program stops the service and shuts the OS down. */
export const guestShutdown: Handler<GuestShutdown> = {
  guard(state, c) {
    const l = lparAt(state, c.lpar);
    if (!isUp(l)) return notEnabled(`LPAR${c.lpar} is ${l.paused ? 'paused' : l.os}`);
    if (!l.shutdownRequested) return notEnabled(`nobody asked LPAR${c.lpar} to shut down`);
    if (!l.cluster.alive) return notEnabled(`LPAR${c.lpar}'s clustering program is not running to act on the request`);
    return null;
  },
  apply(state, c) {
    return commit(state, (draft) => {
      const g = draft.lpars[c.lpar]!;
      g.service = 'stopped';
      g.devices = g.devices.map(() => 'none');
      g.os = 'shutdown';
      g.cluster.alive = false;
      g.cluster.script = null;
      g.shutdownRequested = false;
      for (const slot of draft.slots) if (slot.ejectAwaitingAck === c.lpar) slot.ejectAwaitingAck = null;
    });
  },
};
