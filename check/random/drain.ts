import { candidates, step, type Command, type Design, type ModelState, type StepResult } from '../../model/index.ts';
import { isFairAction } from '../../properties/fairness.ts';
import { guardOfCandidate } from '../../model/step.ts';

export type DrainOutcome =
  | { readonly kind: 'quiescent'; readonly rounds: number }
  | { readonly kind: 'bound-hit'; readonly rounds: number };

/**
 * Once faults stop, run every enabled fair action in round-robin order until a whole round
 * changes nothing: a state where every enabled fair action is a self-loop, so that any obligation still
 * open there is open forever on a fair path. `onStep` sees every step taken.
 */
export function drainFairly(
  start: ModelState, design: Design, maxRounds: number, onStep: (before: ModelState, command: Command, result: StepResult) => void,
): { state: ModelState; outcome: DrainOutcome } {
  const steps = candidates(start.config).filter((c) => !c.perturbation);
  let state = start;
  for (let round = 1; round <= maxRounds; round += 1) {
    let changed = false;
    for (const { command } of steps) {
      if (!isFairAction(command, state) || guardOfCandidate(state, command, false, design) !== null) continue;
      const result = step(state, command, design);
      if (result.state === state) continue;
      onStep(state, command, result);
      state = result.state;
      changed = true;
    }
    if (!changed) return { state, outcome: { kind: 'quiescent', rounds: round } };
  }
  return { state, outcome: { kind: 'bound-hit', rounds: maxRounds } };
}
