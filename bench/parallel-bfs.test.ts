// Why this test exists: the worker-thread search must find exactly what the single-threaded one
// finds (the benchmark's 1- and 2-worker numbers are only comparable if it does): the same
// states and transitions, the same first violation of each invariant with the same shortest
// trace, the same witnesses, whatever the number of workers and the order they answer in.
import { describe, expect, it } from 'vitest';
import { builtInDesign } from '../model/index.ts';
import { FastSystem } from '../properties/explore/fast/system.ts';
import { denseBfs, type DenseBfsResult } from './dense-bfs.ts';
import { parallelBfs } from './parallel-bfs.ts';

const CONFIG = { lparCount: 2, slotCount: 1, faultBudget: 1, writeBudget: 2 } as const;

function summary(r: DenseBfsResult) {
  return {
    states: r.states, transitions: r.transitions, maxDepth: r.maxDepth, witnesses: r.witnesses, everyViolated: r.everyViolated, outcome: r.outcome,
    violations: r.violations.map((v) => ({ id: v.id, depth: v.depth, trace: v.trace.map((c) => JSON.stringify(c)) })),
  };
}

describe('parallelBfs', () => {
  it('finds what denseBfs finds on DSN-01 (fault budget 1), with 1 and 2 workers and small chunks', async () => {
    const design = builtInDesign('patent-lpar-a')!;
    const expected = summary(denseBfs(new FastSystem(design, CONFIG), 1_000_000));
    expect(expected.violations.length).toBeGreaterThan(0);
    for (const workers of [1, 2]) {
      expect(summary(await parallelBfs(design, CONFIG, workers, 1_000_000, 64))).toEqual(expected);
    }
  }, 120_000);
});
