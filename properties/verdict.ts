import type { Command, Design, ModelState, StepResult } from '../model/index.ts';

/** The result of checking one property at one point: it holds, or it is violated and why. */
export type Verdict = { readonly holds: true } | { readonly holds: false; readonly why: string };

export const HOLDS: Verdict = Object.freeze({ holds: true });

export function violated(why: string): Verdict {
  return { holds: false, why };
}

/** The first violation among several checks, or HOLDS. */
export function firstViolation(verdicts: Iterable<Verdict>): Verdict {
  for (const v of verdicts) if (!v.holds) return v;
  return HOLDS;
}

/** One step of a run: the state before, the command, what the reducer returned. */
export interface Transition {
  readonly before: ModelState;
  readonly command: Command;
  readonly result: StepResult;
  readonly design: Design;
}
