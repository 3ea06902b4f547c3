import type { Command, Config, Design } from '../../../model/index.ts';
import { WITNESSES } from '../../../properties/catalogue.ts';
import { witnessesReached } from '../../../properties/violations.ts';
import type { ExecutedStep } from '../../executed-step.ts';
import { replayCommands, type Replay } from '../../replay.ts';

// Hash compaction keeps no states, only the command chain of each (state-paths.ts): a path is
// recomputed by running its commands on the reference model from the initial state, as
// `slotcheck replay` does (check/replay.ts), and what the search said happens there is checked
// again: an invariant first broken at the path's last step, a witness reached by it. By
// construction the chain is the path the state was generated along, so this can only fail
// through a bug (the packed and reference models disagreeing, or a corrupted chain); if it does,
// the path is not reported as evidence (explore-compact.ts marks it), never silently.

export type Recomputed =
  | { readonly reproduced: true; readonly steps: readonly ExecutedStep[]; readonly why: string }
  | { readonly reproduced: false; readonly steps: readonly ExecutedStep[]; readonly why: string };

function stepsOf(replay: Replay): ExecutedStep[] {
  return replay.steps.map((s) => ({ command: s.command, outcome: s.result.outcome, state: s.result.state, phase: 'explored' }));
}

/** A command of the path that the model refuses: no path the search took refuses one. */
function refused(replay: Replay): string | null {
  const step = replay.steps.find((s) => s.result.outcome.kind !== 'ok');
  return step === undefined ? null : `the model refuses step ${step.index} of the recorded path`;
}

/** Run `commands` on the model; reproduced when invariant `id` is first broken at the last step (the initial state, for none). */
export function recomputeViolation(design: Design, config: Config, commands: readonly Command[], id: string): Recomputed {
  const replay = replayCommands(design, config, commands, id, null);
  const steps = stepsOf(replay);
  const refusal = refused(replay);
  if (refusal !== null) return { reproduced: false, steps, why: refusal };
  const verdict = replay.verdict;
  if (verdict.kind === 'violated' && verdict.at === commands.length) return { reproduced: true, steps, why: verdict.why };
  const where = verdict.kind === 'violated' ? `first breaks it at step ${verdict.at}, not at its last (${commands.length})` : 'breaks it nowhere';
  return { reproduced: false, steps, why: `the recorded path of ${commands.length} step(s) ${where} on the model` };
}

/** Run `commands` on the model; reproduced when the last step reaches witness `id`. */
export function recomputeWitness(design: Design, config: Config, commands: readonly Command[], id: string): Recomputed {
  const replay = replayCommands(design, config, commands, id, null);
  const steps = stepsOf(replay);
  const refusal = refused(replay);
  if (refusal !== null) return { reproduced: false, steps, why: refusal };
  const last = replay.steps.at(-1);
  const wit = WITNESSES.filter((w) => w.id === id);
  const reached = last !== undefined && witnessesReached({ before: last.before, command: last.command, result: last.result, design }, wit).length > 0;
  return reached
    ? { reproduced: true, steps, why: `reached in ${steps.length} step(s)` }
    : { reproduced: false, steps, why: `the last step of the recorded path of ${commands.length} step(s) does not reach it on the model` };
}
