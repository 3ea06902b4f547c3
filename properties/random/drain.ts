import { candidates, categoryOf, step, type Command, type Design, type ModelState, type StepResult } from '../../model/index.ts';
import { guardOfCandidate } from '../../model/step.ts';

/**
 * The actions weak fairness applies to in a state: every protocol step, and every environment
 * step except a client write (clients may stop writing) and a card insertion nobody asked for
 * (the system manager inserts a card when step 502 asks). Faults and directly issued control
 * commands are not fair: "once faults stop" means they are not taken any more.
 */
export function isFairAction(command: Command, state: ModelState): boolean {
  const category = categoryOf(command.kind);
  if (category === 'protocol') return true;
  if (category !== 'environment' || command.kind === 'client_write') return false;
  return command.kind !== 'card_insert' || state.slots[command.slot]?.pendingAdd != null;
}

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
