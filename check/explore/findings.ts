import type { Command } from '../../model/index.ts';
import type { Violation } from '../../properties/violations.ts';
import type { StepInfo, TransitionSystem } from './system.ts';

/** Where a finding is: a state (by index), or the ordinal-th successor transition of a state. */
export type Locator =
  | { readonly kind: 'state'; readonly index: number }
  | { readonly kind: 'step'; readonly from: number; readonly ordinal: number };

export interface FoundViolation {
  readonly why: string;
  readonly at: Locator;
}

export interface WitnessTally {
  /** The first transition found that reaches it: by BFS order, on a shortest path. */
  readonly at: Locator;
  transitions: number;
  states: number;
  unreducedStates: number;
}

const NONE: readonly Violation[] = [];

/**
 * Every invariant not in `skip` that the state or transition breaks, in catalogue order: a system
 * returns the first non-skipped violation per call, so ask again with it skipped until none is
 * left. A system that ignores `skip` returns a skipped id again, which ends the loop.
 */
export function violationsOf(ask: (skip: ReadonlySet<string>) => Violation | null, skip: ReadonlySet<string>): readonly Violation[] {
  let v = ask(skip);
  if (v === null || skip.has(v.id)) return NONE;
  const found: Violation[] = [];
  const asked = new Set(skip);
  for (; v !== null && !asked.has(v.id); v = ask(asked)) {
    found.push(v);
    asked.add(v.id);
  }
  return found;
}

/**
 * The invariant violations and witnesses found so far. BFS meets states and transitions in order
 * of path length, so the first violation recorded for a property is a shortest counterexample,
 * and the first transition recorded for a witness ends a shortest path to it. Once a property has
 * a counterexample it joins `skip` and is not checked again.
 */
export class Findings {
  readonly skip: Set<string>;
  readonly violations = new Map<string, FoundViolation>();
  readonly witnesses = new Map<string, WitnessTally>();
  /** Invariants still to check; when it reaches 0 the checks stop. */
  private open: number;

  constructor(invariantIds: readonly string[], wanted: (id: string) => boolean) {
    this.skip = new Set(invariantIds.filter((id) => !wanted(id)));
    this.open = invariantIds.length - this.skip.size;
  }

  get anyInvariantOpen(): boolean {
    return this.open > 0;
  }

  /** Record, in order, those of `found` not skipped yet (a list from `violationsOf`). */
  record(found: readonly Violation[], at: Locator): void {
    for (const v of found) {
      if (this.skip.has(v.id)) continue;
      this.violations.set(v.id, { why: v.why, at });
      this.skip.add(v.id);
      this.open -= 1;
    }
  }

  checkState<S>(system: TransitionSystem<S>, state: S, index: number): void {
    if (this.open > 0) this.record(violationsOf((skip) => system.checkState(state, skip), this.skip), { kind: 'state', index });
  }

  checkStep<S>(system: TransitionSystem<S>, before: S, command: Command, next: S, info: StepInfo, from: number, ordinal: number): void {
    if (this.open > 0) this.record(violationsOf((skip) => system.checkStep(before, command, next, info, skip), this.skip), { kind: 'step', from, ordinal });
  }

  /** Count a transition that reaches `id`; `firstFromThisState` counts the source state once. */
  witnessReached(id: string, from: number, ordinal: number, firstFromThisState: boolean, orbit: number): void {
    let tally = this.witnesses.get(id);
    if (tally === undefined) {
      tally = { at: { kind: 'step', from, ordinal }, transitions: 0, states: 0, unreducedStates: 0 };
      this.witnesses.set(id, tally);
    }
    tally.transitions += 1;
    if (firstFromThisState) {
      tally.states += 1;
      tally.unreducedStates += orbit;
    }
  }
}
