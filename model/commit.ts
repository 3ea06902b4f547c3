import { produce, type Draft } from 'immer';
import { OK, rejected, type Effect, type Outcome, type RejectCode, type StepResult } from './outcome.ts';
import type { ModelState } from './state.ts';

export type Emit = (effect: Effect) => void;
export type Recipe = (draft: Draft<ModelState>, emit: Emit) => void;

/** Apply an accepted command: the recipe mutates an immer draft and emits what happened. */
export function commit(state: ModelState, recipe: Recipe, outcome: Outcome = OK): StepResult {
  const effects: Effect[] = [];
  const next = produce(state, (draft) => {
    recipe(draft, (e) => effects.push(e));
  });
  return { state: next, effects, outcome };
}

/** A refused command: the very same state object, no effects, a reason code. */
export function refuse(state: ModelState, code: RejectCode, message: string): StepResult {
  return { state, effects: [], outcome: rejected(code, message) };
}
