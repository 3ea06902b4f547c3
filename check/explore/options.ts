import type { Config, Design } from '../../model/index.ts';

/** The limits of one exploration. Reaching any of them makes the result `inconclusive`, naming it. */
export interface ExploreBounds {
  /** Longest path explored, in steps: states at this depth are checked but not expanded. */
  readonly depthMax: number;
  /** Distinct states stored at most (after symmetry reduction, when it is on). */
  readonly statesMax: number;
  /** Wall-clock time for the search, in milliseconds. */
  readonly timeLimitMs: number;
}

/** How to explore a given transition system (`exploreWith`). */
export interface ExploreRunOptions extends ExploreBounds {
  /** Limit the check to these property ids (default: the whole catalogue). */
  readonly only?: readonly string[];
  /** The clock for `timeLimitMs`; injectable so that a test of the time bound is deterministic. */
  readonly now?: () => number;
  /** Told how far the search has got, about every `PROGRESS_INTERVAL_MS` (for a progress line; never part of a report). */
  readonly onProgress?: (progress: SearchProgress) => void;
}

export interface SearchProgress {
  readonly states: number;
  readonly transitions: number;
  readonly depth: number;
  readonly elapsedMs: number;
}

export const PROGRESS_INTERVAL_MS = 500;

/** `explore`: the reference model, by design and configuration. */
export interface ExploreOptions extends ExploreRunOptions {
  readonly design: Design;
  /** `faultBudget` is the `--faults K` bound; `writeBudget` the client writes. */
  readonly config: Config;
  /** Merge states that differ only by renaming standby LPARs (`symmetry.ts` says which and why). */
  readonly symmetry: boolean;
  /**
   * Which implementation of the model to walk: the immer reference (default), or the packed one
   * (model/packed/), proven equal to it transition by transition; both support symmetry reduction.
   */
  readonly engine?: 'reference' | 'packed';
  /**
   * How seen states are kept: `exact` (default) every state; `compact` a 64-bit fingerprint each
   * (hash compaction, as SPIN's -DHC; packed engine only), a fraction of the memory, every
   * verdict probabilistic and liveness not checked (compact/explore-compact.ts).
   */
  readonly store?: ExploreStore;
  /**
   * Threads for this one search (default 1): with more, the packed engine's exact search expands
   * each breadth-first level on this thread and `searchThreads - 1` workers
   * (packed/parallel-system.ts); the report is the same, timing aside.
   */
  readonly searchThreads?: number;
  /** Internal, for tests: fingerprints cut to this many bits (4–64; default 64), so that collisions happen. */
  readonly fingerprintBits?: number;
}

export type ExploreStore = 'exact' | 'compact';
export const EXPLORE_STORES: readonly ExploreStore[] = ['exact', 'compact'];

// 20 M states: DSN-07 at 3 × 2 f3 w2 --symmetry (14.4 M orbits, about 1.8 GB) completes within them.
export const DEFAULT_BOUNDS: ExploreBounds = { depthMax: 10_000, statesMax: 20_000_000, timeLimitMs: 10 * 60 * 1000 };

export type BoundProblem = { readonly field: keyof ExploreBounds; readonly message: string };

/** Bounds must be positive integers (depthMax may be 0: only the initial state). */
export function boundProblems(bounds: ExploreBounds): BoundProblem[] {
  const problems: BoundProblem[] = [];
  const check = (field: keyof ExploreBounds, min: number) => {
    const value = bounds[field];
    if (!Number.isInteger(value) || value < min) problems.push({ field, message: `${field} must be an integer ≥ ${min}, got ${String(value)}` });
  };
  check('depthMax', 0);
  check('statesMax', 1);
  check('timeLimitMs', 1);
  return problems;
}
