import type { CommandKind, Config, ModelState } from '../../model/index.ts';
import type { ExecutedStep } from '../executed-step.ts';
import type { ExploreBounds } from './options.ts';

// What `explore` returns: plain data. The lead's renderers and trace writer turn it into text and
// files; nothing here prints, writes or reads the clock except `timing`, which is measurement and
// must stay out of anything hashed or compared.

export type ExploreBound = keyof ExploreBounds;

export interface BoundHit {
  readonly bound: ExploreBound;
  readonly limit: number;
  /** In words: what was left unexplored. */
  readonly detail: string;
}

export type ExplorePropertyVerdict =
  | 'pass' //            held in every explored state and transition, and nothing was left unexplored
  | 'counterexample' //  broken; see the counterexample (the shortest, for invariants)
  | 'inconclusive' //    a bound was hit first (named in the note and in `boundHit`)
  | 'reached' //         a witness was reached
  | 'unreached' //       a witness no explored transition reaches, and nothing was left unexplored
  | 'not-applicable'; // the design cannot exhibit it (the note says why)

export interface ExploredCounterexample {
  readonly propertyId: string;
  readonly why: string;
  /** From the initial state (`ExploreReport.initialState`), phase `explored`. Empty: the initial state breaks it. */
  readonly steps: readonly ExecutedStep[];
  /**
   * Liveness: index in `steps` of the first step of the cycle; the state after the last step is
   * the state before `steps[loopStart]` (for loopStart 0: the initial state). Null for invariants.
   */
  readonly loopStart: number | null;
  /** Liveness: the fair actions enabled in every state of the cycle, each taken on it. */
  readonly fairActions: readonly string[] | null;
}

export interface WitnessEvidence {
  /** The shortest path whose last step reaches the witness. */
  readonly steps: readonly ExecutedStep[];
  /** Explored transitions that reach it. */
  readonly transitions: number;
  /** Distinct explored states with a transition that reaches it (reduced, when symmetry is on). */
  readonly states: number;
  /** The same, counting each state of an orbit (null without symmetry reduction: equal to `states`). */
  readonly unreducedStates: number | null;
}

export interface ExplorePropertyReport {
  readonly id: string;
  readonly name: string;
  readonly expect: 'always' | 'eventually' | 'sometimes';
  readonly verdict: ExplorePropertyVerdict;
  readonly note: string;
  readonly counterexample: ExploredCounterexample | null;
  readonly witness: WitnessEvidence | null;
}

export interface SymmetryReport {
  readonly applied: boolean;
  /** Permutations tried per state. */
  readonly order: number;
  readonly groups: readonly string[];
}

export interface ExploreCounts {
  readonly states: number;
  readonly transitions: number;
}

/** One command kind's share of the explored transitions. */
export interface KindCoverage {
  readonly kind: CommandKind;
  /** Concrete commands of the kind in this configuration (`allCommands`: every argument combination). */
  readonly commands: number;
  /** Of them, those some explored transition takes (with symmetry reduction: up to renaming the standbys). */
  readonly taken: number;
  /** Explored transitions that take a command of the kind. */
  readonly transitions: number;
}

/**
 * Which commands the explored transitions take, as SPIN lists unreached code and TLC reports
 * action coverage: a kind no transition takes is a part of the protocol this exploration never
 * exercised (the design refuses it, or no explored state enables it), and nothing it proves
 * says anything about that kind's handler.
 */
export interface CommandCoverage {
  /** Every kind with a command in the configuration, in `COMMAND_KINDS` order. */
  readonly kinds: readonly KindCoverage[];
  /** The kinds no explored transition takes. */
  readonly neverTaken: readonly CommandKind[];
}

export type ExploreVerdict = 'pass' | 'counterexample' | 'inconclusive';

/**
 * How the search kept the states it had seen. `exact`: every state itself, so a pass is a proof
 * for the configuration. `compact` (`--store compact`, hash compaction as SPIN's -DHC): a
 * fingerprint per state, so two states may be taken for one and the second missed; every verdict
 * is then probabilistic (a pass holds with probability at least 1 - omissionProbability) and
 * must be shown so. Counterexamples are exact either way: recomputed on the model and replayed.
 */
export type StoreReport =
  | { readonly kind: 'exact'; readonly probabilistic: false }
  | {
    readonly kind: 'compact';
    readonly probabilistic: true;
    readonly fingerprintBits: number;
    /** At most this probability that some reachable state was missed: n(n-1)/2^(b+1) (compact/omission.ts). */
    readonly omissionProbability: number;
    /** Counterexamples and witness paths recomputed on the reference model from their commands, and of them those that did not reproduce. */
    readonly pathsRecomputed: number;
    readonly notReproduced: readonly string[];
    /** The above in words, without a colon (renderers put it in a heading). */
    readonly note: string;
  };

export interface ExploreReport {
  readonly design: { readonly name: string; readonly id: string };
  readonly config: Config;
  readonly bounds: ExploreBounds;
  readonly only: readonly string[] | null;
  readonly verdict: ExploreVerdict;
  /** The first bound the search hit, or null when it explored everything reachable. */
  readonly boundHit: BoundHit | null;
  /** Distinct states stored and transitions (accepted commands, self-loops included) explored. */
  readonly states: number;
  readonly transitions: number;
  /** States whose successors were all explored (all of them, unless a bound was hit). */
  readonly expandedStates: number;
  readonly maxDepth: number;
  readonly coverage: CommandCoverage;
  readonly symmetry: SymmetryReport;
  /** With symmetry reduction: the counts of the full space, from orbit sizes (exact; see symmetry.ts). */
  readonly unreduced: ExploreCounts | null;
  readonly store: StoreReport;
  readonly initialState: ModelState;
  readonly properties: readonly ExplorePropertyReport[];
  /** What a pass here proves and what it does not. */
  readonly note: string;
  /** Measurement only: not deterministic. */
  readonly timing: { readonly elapsedMs: number; readonly transitionsPerSecond: number };
}

/** Every property asked about is one the design cannot exhibit (or none was asked): nothing was checked, which is no pass. */
export function nothingChecked(properties: readonly ExplorePropertyReport[]): boolean {
  return properties.every((p) => p.verdict === 'not-applicable');
}
