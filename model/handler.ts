import type { Design } from './design.ts';
import type { RejectCode, StepResult } from './outcome.ts';
import type { ModelState } from './state.ts';

export interface Refusal {
  readonly code: RejectCode;
  readonly message: string;
}

/**
 * One command's semantics: `guard` says whether it may run now (null) or why not; `apply` runs
 * it and may assume the guard passed. `step` and `enabledCommands` share the guard, so what the
 * explorer walks is exactly what the reducer accepts.
 */
export interface Handler<C> {
  guard(state: ModelState, command: C, design: Design): Refusal | null;
  apply(state: ModelState, command: C, design: Design): StepResult;
}

export function refusal(code: RejectCode, message: string): Refusal {
  return { code, message };
}

export function notEnabled(message: string): Refusal {
  return { code: 'not-enabled', message };
}
