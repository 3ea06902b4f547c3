import { timeoutPeriods } from '../model/index.ts';
import { OS_RUNNING, ROLE_STANDBY, SERVICE_RUNNING } from './codes.ts';
import type { Machine } from './machine.ts';

/**
 * One heartbeat period passes (`tick`). The active's clustering program sends a heartbeat that
 * says whether its service is up, if its OS runs, it is not paused, the program is alive and its
 * link is up (FLT-04). Each listening standby either hears it or counts the period as silence,
 * up to the timeout.
 */
export function heartbeatPeriod(m: Machine): void {
  const period = m.design.heartbeatPeriodTicks;
  m.nowTick += period;
  const sender = m.activeLpar;
  const g = m.guests[sender]!;
  const c = m.cluster[sender]!;
  // PLANTED BUG (test-only): a two-bit period counter wrapping to 0 reads as a missed heartbeat.
  const wrapped = m.plantedBug === 'period-counter-wraps' && (m.nowTick / period) % 4 === 0;
  const sent = g.up && c.alive && c.heartbeatLinkUp && !wrapped;
  const serviceUp = g.service === SERVICE_RUNNING;
  const capTicks = timeoutPeriods(m.design) * period;
  for (let l = 0; l < m.lparCount; l += 1) {
    if (l === sender) continue;
    const listener = m.cluster[l]!;
    const lg = m.guests[l]!;
    if (listener.role !== ROLE_STANDBY || lg.os !== OS_RUNNING || lg.paused || !listener.alive) continue;
    if (sent) {
      listener.silentTicks = 0;
      listener.peerServiceFailed = !serviceUp;
    } else {
      listener.silentTicks = Math.min(capTicks, listener.silentTicks + period);
    }
  }
}

/** Whole heartbeat periods of silence, as the clustering program compares them with the timeout. */
export function silencePeriods(m: Machine, lpar: number): number {
  return Math.floor(m.cluster[lpar]!.silentTicks / m.design.heartbeatPeriodTicks);
}
