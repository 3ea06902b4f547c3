import type { Design, ModelState } from '../model/index.ts';
import type { Transition, Verdict } from './verdict.ts';

/** Where a property is checked, and so what a pass on the model means. */
export type Coverage =
  | 'model' //               checked on the model's states and steps
  | 'model-by-construction' // the model cannot break it; the emulator is where it is checked
  | 'emulator-only'; //      only the emulator has the detail it speaks about

/** An `always` property (INV-*): checked on every state, every step, or both. */
export interface Invariant {
  readonly id: string;
  readonly expect: 'always';
  readonly name: string;
  readonly coverage: Coverage;
  /** What the model checks and what it leaves to the emulator. */
  readonly note: string;
  readonly state?: (state: ModelState, design: Design) => Verdict;
  readonly step?: (t: Transition) => Verdict;
}

/** A `sometimes` property (WIT-*): some step of some run must reach it, or the run proved little. */
export interface Witness {
  readonly id: string;
  readonly expect: 'sometimes';
  readonly name: string;
  /** Why it cannot be reached under this design, or null if it must be reached. */
  readonly notApplicable: (design: Design) => string | null;
  readonly reached: (t: Transition) => boolean;
}

/**
 * An `eventually` property (LIV-*) in response form: every state where `pending` holds is
 * followed, under fairness and once faults stop, by one where `done` holds. `excused` names
 * the permanent faults after which it cannot be expected (a failed card, nobody left to act).
 */
export interface Liveness {
  readonly id: string;
  readonly expect: 'eventually';
  readonly name: string;
  /** The obligations open in a state, each named (e.g. "LPAR1 owns slot 0 but has not mounted it"). */
  readonly pending: (state: ModelState, design: Design) => readonly string[];
  readonly notApplicable: (design: Design) => string | null;
  /**
   * A bounded response: the most fair steps an obligation may stay open after the last fault or
   * unfair step (the explorer also fails a fair cycle, of any fairness, that keeps it open).
   */
  readonly withinSteps?: (design: Design) => number;
  /** The permanent faults (or fairness assumptions) under which an open obligation is excused, where there are any. */
  readonly note?: string;
}

export type Property = Invariant | Witness | Liveness;
