import { clusterStepBudget, lparIds, timeoutTicks, type LparState } from '../../model/index.ts';
import type { Invariant } from '../catalogue-types.ts';
import { HOLDS, violated } from '../verdict.ts';

/** The active as no fault left it: OS up and not paused, service, clustering program and heartbeat link all up. */
function healthy(l: LparState): boolean {
  return l.os === 'running' && !l.paused && l.service === 'running' && l.cluster.alive && l.heartbeatLinkUp;
}

export const INV_13: Invariant = {
  id: 'INV-13',
  expect: 'always',
  name: 'no takeover of a healthy active: a standby times the active out only after a fault silenced it',
  coverage: 'model',
  note:
    "Checked at every tick in which a standby's heartbeat timer runs out (its silence, in ticks, reaches heartbeatTimeoutTicks; from then on it may declare the active failed, Fig. 9 step 1100 / 1106). "
    + 'That is a false takeover when the active is healthy (OS running and not paused, service, clustering program and heartbeat link up) and either owed no heartbeat yet, '
    + 'the silence being at most one heartbeat period (a timeout ≤ the period), or was given by the design a CPU share that buys its clustering program no step per tick '
    + '(0%, or a budget floor(cpuPercent × clusterStepsPerTickAtFullCpu / 100) of 0), so that no fault (FLT-01…04) explains the silence. '
    + 'The emulator times heartbeats the same way, and conformance compares every standby\'s silence.',
  step({ before, command, result, design }) {
    if (command.kind !== 'tick') return HOLDS;
    const owner = before.serviceOwner;
    const active = before.lpars[owner]!;
    if (!healthy(active)) return HOLDS;
    const timeout = timeoutTicks(design);
    for (const l of lparIds(before.config.lparCount)) {
      if (l === owner) continue;
      const silenceBefore = before.lpars[l]!.cluster.silenceTicks;
      const ranOut = silenceBefore < timeout && result.state.lpars[l]!.cluster.silenceTicks >= timeout;
      if (!ranOut) continue;
      const elapsedTicks = silenceBefore + 1;
      if (elapsedTicks <= design.heartbeatPeriodTicks) {
        return violated(`LPAR${l}'s heartbeat timer (${timeout} ticks) ran out ${elapsedTicks} tick(s) after it last heard LPAR${owner}, which is healthy and sends one every ${design.heartbeatPeriodTicks} tick(s): a takeover without a fault`);
      }
      if (active.cpuPercent === 0) {
        return violated(`LPAR${l}'s heartbeat timer ran out while LPAR${owner}, healthy, sent no heartbeat because the design gives it 0% of the CPU: a takeover without a fault`);
      }
      if (clusterStepBudget(design, active.cpuPercent) === 0) {
        return violated(`LPAR${l}'s heartbeat timer ran out while LPAR${owner}, healthy, sent no heartbeat because its ${active.cpuPercent}% of the CPU buys its clustering program 0 steps per tick: a takeover without a fault`);
      }
    }
    return HOLDS;
  },
};
