import { allCommands, enabledCommands, initialState, stateKey, step, type Command, type ModelState } from '../index.ts';
import { INVARIANTS, LIVENESS, WITNESSES } from '../../properties/catalogue.ts';
import { isFairAction } from '../../properties/fairness.ts';
import { initialViolation, witnessesReached } from '../../properties/violations.ts';
import type { Transition } from '../../properties/verdict.ts';
import type { PackedSystem } from '../../check/explore/packed/system.ts';

// The agreement between the packed system and the reference model, one state at a time: what
// the property tests and the exhaustive test assert. Used only by tests and the benchmark's
// self-check, never on the explorer's hot path.

export interface ReferenceStep {
  readonly command: Command;
  readonly next: ModelState;
  readonly stepViolation: string | null;
  readonly stateViolation: string | null;
  /** Every invariant whose step part the transition breaks, and whose state part the next state breaks. */
  readonly stepViolations: readonly string[];
  readonly stateViolations: readonly string[];
  readonly witnesses: readonly string[];
}

/** What the reference model does from `state`: every enabled command, in order, and its verdicts. */
export function referenceSteps(state: ModelState, fast: PackedSystem): ReferenceStep[] {
  const design = fast.design;
  return enabledCommands(state, design).map((command) => {
    const result = step(state, command, design);
    const t: Transition = { before: state, command, result, design };
    const stepViolations = INVARIANTS.filter((inv) => inv.step?.(t).holds === false).map((inv) => inv.id);
    return {
      command,
      next: result.state,
      stepViolation: stepViolations[0] ?? null,
      stateViolation: initialViolation(result.state, design, INVARIANTS)?.id ?? null,
      stepViolations,
      stateViolations: INVARIANTS.filter((inv) => inv.state?.(result.state, design).holds === false).map((inv) => inv.id),
      witnesses: witnessesReached(t, WITNESSES),
    };
  });
}

const show = (c: Command) => JSON.stringify(c);

/**
 * The first way the packed system's successors of `state` differ from the reference's, or null.
 * Also returns the packed ids of the successors, for a caller that walks on.
 */
export function disagreement(state: ModelState, fast: PackedSystem): { problem: string | null; next: number[] } {
  const id = fast.fromModel(state);
  if (stateKey(fast.toModel(id)) !== stateKey(state)) return { problem: `decode(encode(s)) differs from s = ${stateKey(state)}`, next: [] };
  const expected = referenceSteps(state, fast);
  const got: { command: Command; next: number; stepViolation: string | null; secondStepViolation: string | null; stepViolations: readonly string[]; witnesses: readonly string[] }[] = [];
  fast.successors(id, (command, next, info) => {
    const first = fast.checkStep(id, command, next, info)?.id ?? null;
    got.push({
      command, next, stepViolation: first,
      // With the first one skipped (the explorer's `skip`), the next one is reported.
      secondStepViolation: first === null ? null : fast.checkStep(id, command, next, info, new Set([first]))?.id ?? null,
      stepViolations: fast.stepViolations(info), witnesses: fast.witnesses(id, command, next, info),
    });
  });
  const next = got.map((g) => g.next);
  const at = `from ${stateKey(state)}`;
  if (got.length !== expected.length) {
    return { problem: `${got.length} enabled commands [${got.map((g) => show(g.command)).join(' ')}], reference ${expected.length} [${expected.map((e) => show(e.command)).join(' ')}] ${at}`, next };
  }
  for (let i = 0; i < got.length; i += 1) {
    const g = got[i]!;
    const e = expected[i]!;
    if (g.command !== e.command) return { problem: `command ${i} is ${show(g.command)}, reference ${show(e.command)} ${at}`, next };
    const decoded = stateKey(fast.toModel(g.next));
    if (decoded !== stateKey(e.next)) return { problem: `${show(e.command)} leads to ${decoded}, reference ${stateKey(e.next)} ${at}`, next };
    if (g.stepViolation !== e.stepViolation) return { problem: `${show(e.command)} breaks ${g.stepViolation}, reference ${e.stepViolation} ${at}`, next };
    const stateViolation = fast.checkState(g.next)?.id ?? null;
    if (stateViolation !== e.stateViolation) return { problem: `${show(e.command)} reaches a state breaking ${stateViolation}, reference ${e.stateViolation} ${at}`, next };
    if (g.secondStepViolation !== (e.stepViolations[1] ?? null)) return { problem: `${show(e.command)} breaks ${g.secondStepViolation} once ${g.stepViolation} is skipped, reference ${e.stepViolations[1] ?? null} ${at}`, next };
    if (g.stepViolations.join() !== e.stepViolations.join()) return { problem: `${show(e.command)} breaks step parts [${g.stepViolations.join()}], reference [${e.stepViolations.join()}] ${at}`, next };
    const secondState = stateViolation === null ? null : fast.checkState(g.next, new Set([stateViolation]))?.id ?? null;
    if (secondState !== (e.stateViolations[1] ?? null)) return { problem: `${show(e.command)} reaches a state breaking ${secondState} once ${stateViolation} is skipped, reference ${e.stateViolations[1] ?? null} ${at}`, next };
    const stateViolations = fast.stateViolations(g.next).join();
    if (stateViolations !== e.stateViolations.join()) return { problem: `${show(e.command)} reaches a state breaking [${stateViolations}], reference [${e.stateViolations.join()}] ${at}`, next };
    if (g.witnesses.join() !== e.witnesses.join()) return { problem: `${show(e.command)} reaches [${g.witnesses.join()}], reference [${e.witnesses.join()}] ${at}`, next };
  }
  return { problem: livenessDisagreement(state, id, fast, got.map((g) => g.command)), next };
}

/** The first way the packed liveness view of a state differs from the catalogue's `pending` and `isFairAction`, or null. */
function livenessDisagreement(state: ModelState, id: number, fast: PackedSystem, commands: readonly Command[]): string | null {
  const view = fast.liveness(id);
  const at = `in ${stateKey(state)}`;
  for (const property of LIVENESS) {
    const got = view.pending(property).join(' | ');
    const expected = property.pending(state, fast.design).join(' | ');
    if (got !== expected) return `${property.id} pending [${got}], reference [${expected}] ${at}`;
  }
  for (const command of [...commands, ...allCommands(state.config).filter((c) => c.kind === 'card_insert')]) {
    if (view.isFair(command) !== isFairAction(command, state)) return `${show(command)} fair ${view.isFair(command)}, reference ${!view.isFair(command)} ${at}`;
  }
  return null;
}

/** Walk from the initial state, picking enabled commands by the given choices; the first disagreement, or null. */
export function walkDisagreement(fast: PackedSystem, choices: readonly number[]): string | null {
  let state = initialState(fast.config, fast.design);
  for (const choice of choices) {
    const { problem } = disagreement(state, fast);
    if (problem !== null) return problem;
    const enabled = enabledCommands(state, fast.design);
    if (enabled.length === 0) return null;
    state = step(state, enabled[choice % enabled.length]!, fast.design).state;
  }
  return disagreement(state, fast).problem;
}
