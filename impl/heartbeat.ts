import { clusterStepBudget, timeoutTicks } from '../model/index.ts';
import { OS_RUNNING, ROLE_STANDBY, SERVICE_RUNNING } from './codes.ts';
import type { Machine } from './machine.ts';

/**
 * One tick passes (`tick`). The active's clustering program sends a heartbeat that says whether
 * its service is up once every period, if its OS runs, it is not paused, it has CPU (a share that
 * buys at least one clustering step per tick), the program is alive and its link is up (FLT-04).
 * Every LPAR's clustering program gets a fresh budget of steps. Each listening standby times the period
 * from the last heartbeat it heard: it hears the one due now, or counts the tick as silence, up to
 * the timeout. A timer that runs out no later than the first heartbeat due (timeout ≤ period) fires
 * before that heartbeat is read.
 */
export function heartbeatTick(m: Machine): void {
  const period = m.design.heartbeatPeriodTicks;
  m.nowTick += 1;
  for (const c of m.cluster) c.stepsThisTick = 0;
  const sender = m.activeLpar;
  const g = m.guests[sender]!;
  const c = m.cluster[sender]!;
  // PLANTED BUG (test-only): a two-bit period counter wrapping to 0 reads as a missed heartbeat.
  const wrapped = m.plantedBug === 'period-counter-wraps' && m.nowTick % (4 * period) === 0;
  const sent = g.up && c.alive && c.heartbeatLinkUp && clusterStepBudget(m.design, m.cpuPercent[sender]!) >= 1 && !wrapped;
  const serviceUp = g.service === SERVICE_RUNNING;
  const timeout = timeoutTicks(m.design);
  for (let l = 0; l < m.lparCount; l += 1) {
    if (l === sender) continue;
    const listener = m.cluster[l]!;
    const lg = m.guests[l]!;
    if (listener.role !== ROLE_STANDBY || lg.os !== OS_RUNNING || lg.paused || !listener.alive) continue;
    const silent = listener.silentTicks + 1;
    if (listener.silentTicks < timeout && silent >= timeout && !(sent && silent > period && silent % period === 0)) {
      m.observe({ kind: 'heartbeat-timeout', lpar: l, active: sender, elapsedTicks: silent });
    }
    const timerFirst = listener.silentTicks < timeout && silent >= timeout && silent <= period;
    if (timerFirst) {
      listener.silentTicks = timeout;
    } else if (sent && silent % period === 0) {
      listener.silentTicks = 0;
      listener.peerServiceFailed = !serviceUp;
    } else {
      listener.silentTicks = Math.min(timeout, silent);
    }
  }
}

/** Ticks of silence, as the clustering program compares them with the timeout. */
export function silenceTicks(m: Machine, lpar: number): number {
  return m.cluster[lpar]!.silentTicks;
}
