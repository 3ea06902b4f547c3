import type { Command, Outcome } from '../../model/index.ts';
import type { Machine } from '../../impl/machine.ts';
import type { Transition } from '../../properties/verdict.ts';
import { modelViolates } from './model-verdict.ts';
import { stateDifferences } from './state-diff.ts';

/**
 * The step the model just took, as the emulator's conformance check sees it: what to compare
 * against and the model's own verdicts, whichever engine computed them (the reference model
 * here, the packed engine in check/random/packed-run-context.ts).
 */
export interface ModelStep {
  readonly command: Command;
  readonly outcome: Outcome;
  /** Where the machine's abstracted state differs from the model's state after the step; empty when they agree. */
  differences(machine: Machine): readonly string[];
  /** Whether the model's own check of invariant `id` fails on this step: its step part, or its state part on the state reached. */
  violates(id: string): boolean;
}

/** A reference model transition as a ModelStep. */
export function referenceModelStep(t: Transition): ModelStep {
  return {
    command: t.command,
    outcome: t.result.outcome,
    differences: (machine) => stateDifferences(machine, t.result.state),
    violates: (id) => modelViolates(id, t),
  };
}
