import { candidates, initialState, refusalOf, stateKey, step, type Command, type Config, type Design, type ModelState, type StepResult } from '../model/index.ts';
import type { Liveness } from '../properties/catalogue-types.ts';
import { INVARIANTS, LIVENESS } from '../properties/catalogue.ts';
import { initialViolation, stepViolation, type Violation } from '../properties/violations.ts';
import { isFairAction } from '../properties/fairness.ts';
import type { Subject } from './random/run-context.ts';
import { referenceModelStep } from './conformance/model-step.ts';

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
export function replayCommands(design: Design, config: Config, commands: readonly Command[], propertyId: string, subject: Subject | null, loop: number | null = null): Replay {
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
    const subjectViolation = subject?.apply(referenceModelStep(t)) ?? null;
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
    const states = [initialState(config, design), ...steps.map((s) => s.result.state)];
    const why = lassoViolation(design, states, commands, loop ?? commands.length, live);
    if (why !== null) verdict = { kind: 'violated', at: commands.length, why };
  }
  return { initialViolation: initial, steps, verdict };
}

/**
 * A liveness counterexample is a lasso: the run returns from its last state to state `loop`
 * (loop = the last index: the run settled, every fair step a self-loop). It stands when the loop
 * closes, one obligation stays open in every state of the cycle, and the cycle is fair: every
 * fair action enabled in all its states is taken on it (as a step of the cycle, or as a
 * self-loop somewhere on it).
 */
function lassoViolation(design: Design, states: readonly ModelState[], commands: readonly Command[], loop: number, live: Liveness): string | null {
  const last = states.length - 1;
  if (loop < 0 || loop > last || stateKey(states[loop]!) !== stateKey(states[last]!)) return null;
  const cycle = states.slice(loop, Math.max(loop + 1, last));
  const open = live.pending(cycle[0]!, design).filter((o) => cycle.every((s) => live.pending(s, design).includes(o)));
  if (open.length === 0) return null;
  const taken = new Set(commands.slice(loop).map((c) => JSON.stringify(c)));
  for (const { command } of candidates(states[loop]!.config)) {
    if (!cycle.every((s) => isFairAction(command, s) && refusalOf(s, command, design) === null)) continue;
    const selfLoopSomewhere = cycle.some((s) => step(s, command, design).state === s);
    if (!taken.has(JSON.stringify(command)) && !selfLoopSomewhere) return null; // unfair: it would leave the cycle
  }
  const shape = loop === last ? 'the run settles there (every fair step leaves the state as it is)' : `the cycle from step ${loop} returns to the same state, fairly`;
  return `${open[0]!}, and ${shape}`;
}
