import type { Command } from '../model/index.ts';
import type { Violation } from '../properties/violations.ts';
import type { TransitionSystem } from '../check/explore/system.ts';

/**
 * A minimal breadth-first explorer for the benchmarks, generic over any TransitionSystem. It
 * stands in for the explorer's `exploreWith(system, options)` until that is merged; the result
 * carries what the benchmark prints (counts, depth, first violation of each invariant, witnesses)
 * and hitting `maxStates` is reported, never silent.
 */
export interface BfsViolation extends Violation {
  /** Steps from the initial state: BFS finds each invariant's shortest counterexample first. */
  readonly depth: number;
  readonly trace: readonly Command[];
}

export interface BfsResult {
  readonly states: number;
  readonly transitions: number;
  readonly maxDepth: number;
  readonly violations: readonly BfsViolation[];
  readonly witnesses: readonly string[];
  readonly outcome: { readonly kind: 'complete' } | { readonly kind: 'inconclusive'; readonly bound: string };
  /**
   * The search's own structures (visited set, parents, the states themselves), kept so that
   * memory can be measured; the benchmark sets it to null once measured, to free them.
   */
  held: unknown;
}

export function bfs<S>(system: TransitionSystem<S>, maxStates: number): BfsResult {
  const index = new Map<string | number | bigint, number>();
  const states: S[] = [];
  const parent: number[] = [];
  const via: (Command | null)[] = [];
  const depth: number[] = [];
  const firstViolation = new Map<string, BfsViolation>();
  const witnesses = new Set<string>();
  let transitions = 0;
  let boundHit = false;

  const traceTo = (at: number, last: Command | null): Command[] => {
    const out: Command[] = last === null ? [] : [last];
    for (let i = at; parent[i]! >= 0; i = parent[i]!) out.push(via[i]!);
    return out.reverse();
  };
  const note = (v: Violation | null, at: number, last: Command | null) => {
    if (v === null || firstViolation.has(v.id)) return;
    const trace = traceTo(at, last);
    firstViolation.set(v.id, { id: v.id, why: v.why, depth: trace.length, trace });
  };

  const start = system.initial();
  index.set(system.key(start), 0);
  states.push(start);
  parent.push(-1);
  via.push(null);
  depth.push(0);
  note(system.checkState(start), 0, null);

  for (let head = 0; head < states.length; head += 1) {
    const before = states[head]!;
    const d = depth[head]!;
    system.successors(before, (command, next, info) => {
      transitions += 1;
      note(system.checkStep(before, command, next, info), head, command);
      for (const w of system.witnesses(before, command, next, info)) witnesses.add(w);
      const k = system.key(next);
      if (index.has(k)) return;
      if (states.length >= maxStates) {
        boundHit = true;
        return;
      }
      index.set(k, states.length);
      states.push(next);
      parent.push(head);
      via.push(command);
      depth.push(d + 1);
      note(system.checkState(next), states.length - 1, null);
    });
  }
  return {
    states: states.length,
    transitions,
    maxDepth: depth[depth.length - 1] ?? 0,
    violations: [...firstViolation.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    witnesses: [...witnesses].sort(),
    outcome: boundHit ? { kind: 'inconclusive', bound: `maxStates ${maxStates}` } : { kind: 'complete' },
    held: { system, index, states, parent, via, depth },
  };
}
