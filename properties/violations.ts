import type { Design, ModelState } from '../model/index.ts';
import type { Invariant, Witness } from './catalogue-types.ts';
import type { Transition } from './verdict.ts';

export interface Violation {
  readonly id: string;
  readonly why: string;
}

/** The first invariant the initial state breaks, among `invariants`. */
export function initialViolation(state: ModelState, design: Design, invariants: readonly Invariant[]): Violation | null {
  for (const inv of invariants) {
    const v = inv.state?.(state, design);
    if (v !== undefined && !v.holds) return { id: inv.id, why: v.why };
  }
  return null;
}

/** The first invariant a step breaks: its step check, then its state check on the state reached. */
export function stepViolation(t: Transition, invariants: readonly Invariant[]): Violation | null {
  for (const inv of invariants) {
    const onStep = inv.step?.(t);
    if (onStep !== undefined && !onStep.holds) return { id: inv.id, why: onStep.why };
    if (t.result.state === t.before) continue; // same state object: its state checks already passed
    const onState = inv.state?.(t.result.state, t.design);
    if (onState !== undefined && !onState.holds) return { id: inv.id, why: onState.why };
  }
  return null;
}

/** The witnesses a step reaches. */
export function witnessesReached(t: Transition, witnesses: readonly Witness[]): string[] {
  return witnesses.filter((w) => w.reached(t)).map((w) => w.id);
}

/** Every invariant the initial state breaks, among `invariants`, in their order. */
export function initialViolations(state: ModelState, design: Design, invariants: readonly Invariant[]): Violation[] {
  return invariants.flatMap((inv) => {
    const v = initialViolation(state, design, [inv]);
    return v === null ? [] : [v];
  });
}

/** Every invariant a step breaks, in their order (not only the first): each one's step check, else its state check. */
export function stepViolations(t: Transition, invariants: readonly Invariant[]): Violation[] {
  return invariants.flatMap((inv) => {
    const v = stepViolation(t, [inv]);
    return v === null ? [] : [v];
  });
}
