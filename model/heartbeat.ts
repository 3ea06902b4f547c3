import { clusterStepBudget, timeoutTicks, type Design } from './design.ts';
import { isUp } from './queries.ts';
import type { LparState } from './state.ts';

// Heartbeat timing in ticks (DESIGN.md §2 open question 9). A tick is one tick of simulated time.
// The active's clustering program sends a heartbeat every `heartbeatPeriodTicks`; a standby counts
// the ticks since it last heard one (`cluster.silenceTicks`, in ticks) and may declare the
// active failed once that reaches `heartbeatTimeoutTicks`. Each standby counts the period from the
// last heartbeat it heard, which is the phase that leaves the most silence before the next one.

/**
 * The active's clustering program sends heartbeats: it runs (OS up, not paused, a CPU share that
 * buys it at least one step per tick: above 0% when the design sets no step budget) and its link is up.
 */
export function sendsHeartbeats(active: LparState, design: Design): boolean {
  return isUp(active) && active.cluster.alive && active.heartbeatLinkUp && clusterStepBudget(design, active.cpuPercent) >= 1;
}

/**
 * Whether the timer of a standby silent for `silenceTicks` runs out at the next tick no later than
 * the first heartbeat due since the last one it heard: a timeout of at most one period races the
 * next heartbeat of a healthy active, and the model lets the timer win (nothing in such a design
 * makes the heartbeat win). Once a heartbeat was missed, a late one heard in the tick the timer
 * runs out still resets it, as it always did.
 */
export function timerRunsOutBeforeHeartbeat(silenceTicks: number, design: Design): boolean {
  const timeout = timeoutTicks(design);
  const elapsed = silenceTicks + 1;
  return silenceTicks < timeout && elapsed >= timeout && elapsed <= design.heartbeatPeriodTicks;
}

/** A listening standby's silence after one tick, in ticks, capped at the timeout. */
export function silenceAfterTick(silenceTicks: number, activeSends: boolean, design: Design): number {
  const timeout = timeoutTicks(design);
  const elapsed = silenceTicks + 1;
  if (timerRunsOutBeforeHeartbeat(silenceTicks, design)) return timeout;
  if (activeSends && elapsed % design.heartbeatPeriodTicks === 0) return 0;
  return Math.min(timeout, elapsed);
}
