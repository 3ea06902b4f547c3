// Why (a mutation study of the checkers, 2026-11-26): no built-in design has `inflightDmaOnReassign: 'epoch'`, so the
// packed INV-07 check was never compared with the reference on a state holding STALE in-flight I/O
// (dropped under epochs). Dropping `liveIoIssuer(...) !== R.NONE` from `ackedIsDurable`
// (state-checks.ts) made a stale I/O carrying the acknowledged write count as "still on its way"
// and survived the suite. This walks every transition of a small space of a design that combines
// epochs (open question 2) with acknowledging writes before they are durable (open question 7).
import { describe, expect, it } from 'vitest';
import { builtInDesign, type Config, type Design } from '../index.ts';
import { disagreement } from './agreement.testing.ts';
import { PackedSystem } from '../../check/explore/packed/system.ts';

function firstDisagreements(d: Design, config: Config): { states: number; problems: string[] } {
  const fast = new PackedSystem(d, config);
  const queue = [fast.initial()];
  const queued = new Set(queue);
  const problems: string[] = [];
  for (let head = 0; head < queue.length; head += 1) {
    const { problem, next } = disagreement(fast.toModel(queue[head]!), fast);
    if (problem !== null && problems.length < 3) problems.push(problem);
    for (const n of next) {
      if (queued.has(n)) continue;
      queued.add(n);
      queue.push(n);
    }
  }
  return { states: queue.length, problems };
}

describe('the packed system agrees with the reference under ownership epochs and early client acks', () => {
  it.each(['patent-lpar-a', 'hardened'])('%s with inflightDmaOnReassign epoch and clientAck before-durable, 2 LPARs × 1 slot, faults 1, writes 1', (name) => {
    const d: Design = { ...builtInDesign(name)!, inflightDmaOnReassign: 'epoch', clientAck: 'before-durable' };
    const { states, problems } = firstDisagreements(d, { lparCount: 2, slotCount: 1, faultBudget: 1, writeBudget: 1 });
    expect(problems).toEqual([]);
    expect(states).toBeGreaterThan(300);
  }, 60_000);
});
