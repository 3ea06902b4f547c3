import type { Invariant } from '../../properties/catalogue-types.ts';
import { INVARIANTS } from '../../properties/catalogue.ts';
import type { Transition } from '../../properties/verdict.ts';

const BY_ID = new Map<string, Invariant>(INVARIANTS.map((inv) => [inv.id, inv]));

/**
 * Whether the model's own catalogue check of `id` fails on the transition: its step part, and its
 * state part on the state reached (always evaluated, also when the state object did not change,
 * because the emulator's state checks look at every state).
 */
export function modelViolates(id: string, t: Transition): boolean {
  const inv = BY_ID.get(id);
  if (inv === undefined) return false;
  const onStep = inv.step?.(t);
  if (onStep !== undefined && !onStep.holds) return true;
  const onState = inv.state?.(t.result.state, t.design);
  return onState !== undefined && !onState.holds;
}
