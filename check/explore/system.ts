import type { Command, Config, Design, ModelState, StepResult } from '../../model/index.ts';
import type { Liveness } from '../../properties/catalogue-types.ts';
import type { Violation } from '../../properties/violations.ts';

/** The key a system gives a state: a string for the reference model, a number or bigint when packed. */
export type StateKey = string | number | bigint;

/**
 * What the exhaustive explorer walks. The reference implementation wraps the immer model
 * (`step`, `enabledCommands`, `stateKey`, the catalogue); a faster one may pack states into
 * integers, as long as a property test shows it agrees with the reference step for step.
 *
 * S is the system's own state representation (a ModelState, or a packed number / typed array).
 *
 * The optional members were added for the explorer after the first version of this interface; a
 * system without them still works, with the consequences each one's comment names.
 */
export interface TransitionSystem<S> {
  readonly design: Design;
  readonly config: Config;
  initial(): S;
  /**
   * Every accepted command from `state`, in the stable order of `enabledCommands`, with the state
   * it leads to. `visit` returns nothing; the system must not retain `next` after the call if it
   * reuses buffers (say so in its docs, and give `retain`).
   */
  successors(state: S, visit: (command: Command, next: S, info: StepInfo) => void): void;
  /** A canonical key: equal exactly when the states are equal (after symmetry reduction if asked). */
  key(state: S): StateKey;
  /** Decode to the reference model's state, for reports and traces. */
  toModel(state: S): ModelState;
  /**
   * The first catalogue invariant (state part) the state breaks, or null. Invariants whose id is
   * in `skip` are passed over: the explorer already holds a (shorter) counterexample for them, or
   * was not asked about them. A system that ignores `skip` still gives correct counterexamples,
   * but a state that breaks two invariants then yields only the first, so the second one's
   * counterexample may come out longer than the shortest.
   */
  checkState(state: S, skip?: ReadonlySet<string>): Violation | null;
  /** The first catalogue invariant (step part) the transition breaks, or null; `skip` as in `checkState`. */
  checkStep(before: S, command: Command, next: S, info: StepInfo, skip?: ReadonlySet<string>): Violation | null;
  /** Witness ids (WIT-*) the transition reaches. */
  witnesses(before: S, command: Command, next: S, info: StepInfo): readonly string[];
  /**
   * True when the transition certainly breaks no step invariant and reaches no witness, so that
   * the explorer may skip `checkStep` and `witnesses` (most transitions, for a packed system
   * whose step flags are zero). Absent or false: both are asked.
   */
  quiet?(info: StepInfo): boolean;
  /**
   * What liveness needs of a state, without decoding it: the obligations a property leaves open
   * (Liveness.pending's names, in its order) and which commands are fair actions there
   * (random/drain.ts isFairAction). Valid until the next call, and the array `pending` returns
   * until the next `pending`. Absent: the explorer decodes the state with `toModel` and asks the
   * catalogue.
   */
  liveness?(state: S): LivenessView;
  /** A copy of `next` the explorer may keep after `visit` returns. Absent: states are immutable values. */
  retain?(state: S): S;
  /**
   * Present when `key` is reduced by symmetry: what was reduced, the key of the state itself
   * (needed to unfold a reduced cycle for liveness) and how many distinct states a reduced key
   * stands for (the size of the state's orbit, to report unreduced counts).
   */
  readonly symmetry?: SymmetryReduction<S>;
}

export interface LivenessView {
  pending(property: Liveness): readonly string[];
  /**
   * Optional, for speed: the obligations `pending` names, as bits of the view's own fixed
   * numbering, ascending in `pending`'s order; -1 for a property it does not number (ask
   * `pending`). `obligationName` names a bit.
   */
  pendingBits?(property: Liveness): number;
  obligationName?(property: Liveness, bit: number): string;
  isFair(command: Command): boolean;
}

export interface SymmetryReduction<S> {
  /** One line per permutation group applied, saying which ids it permutes and why that is sound. */
  readonly groups: readonly string[];
  /** Permutations tried per state (the group's order), for the report. */
  readonly order: number;
  exactKey(state: S): StateKey;
  /** Distinct states among the permutations of `state` (1 when the group fixes it). */
  orbitSize(state: S): number;
}

/** What a transition produced beyond the next state; the reference system passes the StepResult. */
export type StepInfo = StepResult | { readonly packed: number };
