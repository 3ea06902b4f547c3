import { initialState, step, type Command, type Config, type Design, type ModelState, type StepResult } from '../model/index.ts';
import { INVARIANTS, LIVENESS } from './catalogue.ts';
import { initialViolation, stepViolation, type Violation } from './check.ts';
import { drainFairly } from './random/drain.ts';
import type { Subject } from './random/run-context.ts';

/** One re-executed step: what the model did, and what the subject (emulator) said, if any. */
export interface ReplayedStep {
  readonly index: number;
  readonly command: Command;
  readonly before: ModelState;
  readonly result: StepResult;
  /** The first invariant this step breaks on the model, if any. */
  readonly violation: Violation | null;
  /** A disagreement or emulator-side violation reported by the subject. */
  readonly subjectViolation: Violation | null;
}

export type ReplayVerdict =
  | { readonly kind: 'violated'; readonly at: number; readonly why: string }
  | { readonly kind: 'holds' };

export interface Replay {
  readonly initialViolation: Violation | null;
  readonly steps: readonly ReplayedStep[];
  /** Whether the trace's property is still violated, and where. */
  readonly verdict: ReplayVerdict;
}

/**
 * Re-execute commands from the initial state of `config` under `design`, checking every invariant
 * at every step (and the subject's, when given), then decide the traced property: an invariant is
 * violated at the first step that breaks it; a liveness property is violated when the run ends
 * settled (every fair step a self-loop) with its obligation still open.
 */
export function replayCommands(design: Design, config: Config, commands: readonly Command[], propertyId: string, subject: Subject | null): Replay {
  let state = initialState(config, design);
  const initial = initialViolation(state, design, INVARIANTS);
  const steps: ReplayedStep[] = [];
  let verdict: ReplayVerdict = { kind: 'holds' };
  const target = INVARIANTS.filter((p) => p.id === propertyId);
  const own = target.length > 0 ? initialViolation(state, design, target) : null;
  if (own !== null) verdict = { kind: 'violated', at: 0, why: own.why };
  commands.forEach((command, i) => {
    const result = step(state, command, design);
    const t = { before: state, command, result, design };
    const violation = stepViolation(t, INVARIANTS);
    const subjectViolation = subject?.apply(t) ?? null;
    steps.push({ index: i + 1, command, before: state, result, violation, subjectViolation });
    if (verdict.kind === 'holds') {
      const mine = target.length > 0 ? stepViolation(t, target) : null;
      const fromSubject = subjectViolation !== null && subjectViolation.id === propertyId ? subjectViolation : null;
      const found = mine ?? fromSubject;
      if (found !== null) verdict = { kind: 'violated', at: i + 1, why: found.why };
    }
    state = result.state;
  });
  const live = LIVENESS.find((p) => p.id === propertyId);
  if (live !== undefined && verdict.kind === 'holds') {
    const settled = drainFairly(state, design, 1, () => {}).outcome.kind === 'quiescent';
    const open = live.pending(state, design);
    if (settled && open.length > 0) verdict = { kind: 'violated', at: commands.length, why: `${open[0]!}, and every fair step leaves the state as it is` };
  }
  return { initialViolation: initial, steps, verdict };
}
