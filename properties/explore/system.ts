import type { Command, Config, Design, ModelState, StepResult } from '../../model/index.ts';
import type { Violation } from '../check.ts';

/**
 * What the exhaustive explorer walks. The reference implementation wraps the immer model
 * (`step`, `enabledCommands`, `stateKey`, the catalogue); a faster one may pack states into
 * integers, as long as a property test shows it agrees with the reference step for step.
 *
 * S is the system's own state representation (a ModelState, or a packed number / typed array).
 */
export interface TransitionSystem<S> {
  readonly design: Design;
  readonly config: Config;
  initial(): S;
  /**
   * Every accepted command from `state`, in the stable order of `enabledCommands`, with the state
   * it leads to. `visit` returns nothing; the system must not retain `next` after the call if it
   * reuses buffers (say so in its docs).
   */
  successors(state: S, visit: (command: Command, next: S, info: StepInfo) => void): void;
  /** A canonical key: equal exactly when the states are equal (after symmetry reduction if asked). */
  key(state: S): string | number | bigint;
  /** Decode to the reference model's state, for reports and traces. */
  toModel(state: S): ModelState;
  /** The first catalogue invariant (state part) the state breaks, or null. */
  checkState(state: S): Violation | null;
  /** The first catalogue invariant (step part) the transition breaks, or null. */
  checkStep(before: S, command: Command, next: S, info: StepInfo): Violation | null;
  /** Witness ids (WIT-*) the transition reaches. */
  witnesses(before: S, command: Command, next: S, info: StepInfo): readonly string[];
}

/** What a transition produced beyond the next state; the reference system passes the StepResult. */
export type StepInfo = StepResult | { readonly packed: number };
