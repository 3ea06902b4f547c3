import { OS_RUNNING, SERVICE_RUNNING } from '../../impl/codes.ts';
import { clusterStepBudget } from '../../model/index.ts';
import type { EmulatorInvariant } from './emulator-invariant.ts';

// INV-13 on the emulator: from the heartbeat timeouts it observed at a tick, and the active's
// guest, clustering program, link and CPU share in its registers (a tick changes none of them).

export const EMU_INV_13: EmulatorInvariant = {
  id: 'INV-13',
  name: 'no takeover of a healthy active: a standby times the active out only after a fault silenced it',
  check(view) {
    const m = view.machine;
    for (const o of view.observations) {
      if (o.kind !== 'heartbeat-timeout') continue;
      const g = m.guests[o.active]!;
      const c = m.cluster[o.active]!;
      const healthy = g.os === OS_RUNNING && !g.paused && g.service === SERVICE_RUNNING && c.alive && c.heartbeatLinkUp;
      if (!healthy) continue;
      if (o.elapsedTicks <= m.design.heartbeatPeriodTicks) return `LPAR${o.lpar}'s heartbeat timer ran out ${o.elapsedTicks} tick(s) after it last heard LPAR${o.active}, which is healthy (emulator)`;
      if (m.cpuPercent[o.active] === 0) return `LPAR${o.lpar}'s heartbeat timer ran out while LPAR${o.active}, healthy, has 0% of the CPU (emulator)`;
      if (clusterStepBudget(m.design, m.cpuPercent[o.active]!) === 0) return `LPAR${o.lpar}'s heartbeat timer ran out while LPAR${o.active}, healthy, has ${m.cpuPercent[o.active]}% of the CPU, 0 clustering steps per tick (emulator)`;
    }
    return null;
  },
};
