import { candidates, initialState, refusalOf, stateKey, step, type Command, type Config, type Design, type ModelState, type StepResult } from '../model/index.ts';
import type { EmulatorOptions } from '../impl/index.ts';
import type { Liveness } from '../properties/catalogue-types.ts';
import { INVARIANTS, LIVENESS } from '../properties/catalogue.ts';
import { CONFORMANCE } from '../properties/conformance.ts';
import { initialViolations, stepViolations, type Violation } from '../properties/violations.ts';
import { isFairAction } from '../properties/fairness.ts';
import type { Transition } from '../properties/verdict.ts';
import { boundedStretchBreach } from './bounded-stretch.ts';
import { ConformanceChecker } from './conformance/checker.ts';
import { referenceModelStep } from './conformance/model-step.ts';

/** One re-executed step: what the model did, and what the emulator beside it said, if it ran. */
export interface ReplayedStep {
  readonly index: number;
  readonly command: Command;
  readonly before: ModelState;
  readonly result: StepResult;
  /** Every invariant this step breaks on the model, in catalogue order (not only the first). */
  readonly violations: readonly Violation[];
  /** CONFORMANCE when the emulator disagrees with the model, then each emulator-side violation the model's own check does not also find here. */
  readonly emulatorViolations: readonly Violation[];
}

export type ReplayVerdict =
  | { readonly kind: 'violated'; readonly at: number; readonly why: string }
  | { readonly kind: 'holds' };

export interface Replay {
  /** Every invariant the initial state breaks. */
  readonly initialViolations: readonly Violation[];
  readonly steps: readonly ReplayedStep[];
  /** Whether the trace's property is still violated, and where. */
  readonly verdict: ReplayVerdict;
}

/** Every problem the emulator shows on a step the model took: a disagreement, then its own invariant checks. */
function emulatorViolations(checker: ConformanceChecker, t: Transition): Violation[] {
  const modelStep = referenceModelStep(t);
  const found = checker.step(modelStep);
  const out: Violation[] = found.disagreement === null ? [] : [{ id: CONFORMANCE.id, why: found.disagreement }];
  // Where the model's check of the same id fails too, the model's violation already says it.
  for (const v of found.violations) if (!modelStep.violates(v.id)) out.push(v);
  return out;
}

/**
 * Re-execute commands from the initial state of `config` under `design`, checking every invariant
 * at every step (and, with `emulator`, the emulator beside the model), then decide the traced
 * property: an invariant (or CONFORMANCE) is violated at the first step that breaks it; a liveness
 * property is violated when the run ends in a fair lasso with its obligation open (`loop` null:
 * the run settled at its end, every fair step a self-loop).
 */
export function replayCommands(design: Design, config: Config, commands: readonly Command[], propertyId: string, emulator: EmulatorOptions | null, loop: number | null = null): Replay {
  let state = initialState(config, design);
  const initial = initialViolations(state, design, INVARIANTS);
  const checker = emulator === null ? null : new ConformanceChecker(config, design, emulator);
  const steps: ReplayedStep[] = [];
  const own = initial.find((v) => v.id === propertyId);
  let verdict: ReplayVerdict = own === undefined ? { kind: 'holds' } : { kind: 'violated', at: 0, why: own.why };
  commands.forEach((command, i) => {
    const result = step(state, command, design);
    const t = { before: state, command, result, design };
    const replayed = { index: i + 1, command, before: state, result, violations: stepViolations(t, INVARIANTS), emulatorViolations: checker === null ? [] : emulatorViolations(checker, t) };
    steps.push(replayed);
    const found = [...replayed.violations, ...replayed.emulatorViolations].find((v) => v.id === propertyId);
    if (verdict.kind === 'holds' && found !== undefined) verdict = { kind: 'violated', at: i + 1, why: found.why };
    state = result.state;
  });
  const live = LIVENESS.find((p) => p.id === propertyId);
  if (live !== undefined && verdict.kind === 'holds') {
    const states = [initialState(config, design), ...steps.map((s) => s.result.state)];
    const why = lassoViolation(design, states, commands, loop ?? commands.length, live);
    if (why !== null) verdict = { kind: 'violated', at: commands.length, why };
    const breach = why === null && live.withinSteps !== undefined
      ? boundedStretchBreach(design, states[0]!, steps.map((s) => ({ command: s.command, state: s.result.state })), live, live.withinSteps(design))
      : null;
    if (breach !== null) verdict = { kind: 'violated', at: breach.at, why: breach.why };
  }
  return { initialViolations: initial, steps, verdict };
}

/**
 * A liveness counterexample is a lasso: the run returns from its last state to state `loop`
 * (loop = the last index: the run settled, every fair step a self-loop). It stands when the loop
 * closes, one obligation stays open in every state of the cycle, and the cycle is fair: every
 * fair action enabled in all its states is taken on it (as a step of the cycle, or as a
 * self-loop somewhere on it).
 */
export function lassoViolation(design: Design, states: readonly ModelState[], commands: readonly Command[], loop: number, live: Liveness): string | null {
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

/** A fair step that would still change the state (the run has not settled there), or null when every fair step is a self-loop. */
export function fairMoveFrom(state: ModelState, design: Design): Command | null {
  for (const { command } of candidates(state.config)) {
    if (isFairAction(command, state) && refusalOf(state, command, design) === null && step(state, command, design).state !== state) return command;
  }
  return null;
}
