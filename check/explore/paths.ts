import type { Command, Outcome } from '../../model/index.ts';
import type { ExecutedStep } from '../executed-step.ts';
import type { Locator } from './findings.ts';
import type { VisitedStates } from './visited-states.ts';
import type { StepInfo, TransitionSystem } from './system.ts';

const OK: Outcome = { kind: 'ok' };

export interface Replayed<S> {
  readonly steps: ExecutedStep[];
  /** The state the last step leads to (`from` for no steps). */
  readonly last: S;
}

/** The successor of `state` with the given ordinal in its `successors` enumeration. */
export function successorAt<S>(system: TransitionSystem<S>, state: S, ordinal: number): { command: Command; next: S; info: StepInfo } {
  let found: { command: Command; next: S; info: StepInfo } | null = null;
  let k = 0;
  system.successors(state, (command, next, info) => {
    if (k === ordinal) found = { command, next: system.retain?.(next) ?? next, info };
    k += 1;
  });
  if (found === null) throw new RangeError(`the state has ${k} successor(s), none with ordinal ${ordinal}: the system's successors are not deterministic`);
  return found;
}

/**
 * Re-run a path given as successor ordinals: each step takes the successor the search took.
 * The search stores only (parent, ordinal) per state; replaying is how counterexamples get their
 * commands and states back, with the system's own outcome for each.
 */
export function replayOrdinals<S>(system: TransitionSystem<S>, from: S, ordinals: readonly number[]): Replayed<S> {
  const steps: ExecutedStep[] = [];
  let state = from;
  for (const ordinal of ordinals) {
    const { command, next, info } = successorAt(system, state, ordinal);
    const outcome = 'outcome' in info ? info.outcome : OK;
    steps.push({ command, outcome, state: system.toModel(next), phase: 'explored' });
    state = next;
  }
  return { steps, last: state };
}

/** The successor ordinals of a shortest path from the initial state to what the locator names. */
export function ordinalsToLocator(store: VisitedStates, at: Locator): number[] {
  return at.kind === 'state' ? store.ordinalsTo(at.index) : [...store.ordinalsTo(at.from), at.ordinal];
}
