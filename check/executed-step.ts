import type { Command, ModelState, Outcome } from '../model/index.ts';

/** One executed step, as a counterexample and a trace record it. */
export interface ExecutedStep {
  readonly command: Command;
  readonly outcome: Outcome;
  /** The model state after the step. */
  readonly state: ModelState;
  /** `generated` by a random run, `drain` by the fair scheduler once faults stopped, `explored` by the explorer. */
  readonly phase: 'generated' | 'drain' | 'explored';
}
