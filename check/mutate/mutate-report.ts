import type { Config } from '../../model/index.ts';

// What `mutate` returns, as plain data, and its score. Deterministic: no time, nothing that
// depends on threads. The renderers (reports/render/mutate-table.ts) and the api read these.
//
// When a mutant is killed. A property kills a mutant when it fails on the mutant (a counterexample
// from the explorer at the bound, or from the random suite at its seed) and fails on the base
// design under neither method at the same bound: a property that already fails on the base cannot
// tell the mutant from it. Witnesses (WIT-*) never kill: a witness says a check reached a case,
// and its absence says the check proved less about the mutant, not that the mutant is wrong (a
// design that refuses a stray command is safer and loses WIT-06). A witness the base reaches and
// the mutant does not is listed (`lostWitnesses`), as is a property the base checks and the mutant
// makes not-applicable (`notApplicable`): both help judge a survivor.
//
// Status. `killed`: some property kills it (a counterexample is concrete, so a kill stands even if
// a bound was hit elsewhere in its check). Otherwise `inconclusive` when its check was stopped by a
// bound (the explorer's states/depth/time, the random suite's fair drain) or failed with an error;
// otherwise `equivalent` when properties/equivalent-mutants.json gives a reason for it (by its
// description), and `survived` when nothing explains it.

export type MutantStatus = 'killed' | 'survived' | 'equivalent' | 'inconclusive';

export type KilledBy = 'explorer' | 'random' | 'both';

/** One property that kills a mutant. */
export interface KillingProperty {
  readonly id: string;
  /** Steps of the explorer's counterexample (the shortest, for an invariant), or null if the explorer did not find it. */
  readonly explorerSteps: number | null;
  /** Steps of the random suite's shrunk counterexample, or null if the random runs did not find it. */
  readonly randomSteps: number | null;
  /** Why it broke, from the explorer's counterexample if it has one, else the random suite's. */
  readonly why: string;
  /** Trace files written for it (null when nothing was written). */
  readonly traces: { readonly explorer: string | null; readonly random: string | null };
}

export interface MutantRow {
  readonly id: string;
  readonly description: string;
  readonly alsoAs: readonly string[];
  readonly field: string;
  /** The mutant's design name (`hardened--m007`): the directory of its traces. */
  readonly design: { readonly name: string };
  readonly status: MutantStatus;
  readonly killedBy: KilledBy | null;
  /** In catalogue order (CONFORMANCE first). */
  readonly killing: readonly KillingProperty[];
  /** The shortest explorer counterexample among the killing properties, in steps; null if the explorer killed nothing. */
  readonly shortest: number | null;
  /** Properties that fail on the mutant and on the base too (they cannot kill). */
  readonly failingOnBase: readonly string[];
  /** Witnesses the base reaches (explorer or random) and the mutant reaches under neither. */
  readonly lostWitnesses: readonly string[];
  /** Properties the base checks and the mutant declares not applicable. */
  readonly notApplicable: readonly string[];
  /** Why the check stopped short (a bound or an error), or null. */
  readonly inconclusive: string | null;
  /** From properties/equivalent-mutants.json, for a survivor (or a stale entry on a killed mutant: see `stale`). */
  readonly equivalentReason: string | null;
  /** Explorer: distinct states. */
  readonly states: number;
}

export interface MutationScore {
  readonly total: number;
  readonly killed: number;
  /** Survivors nothing explains. */
  readonly survived: number;
  /** Survivors properties/equivalent-mutants.json justifies. */
  readonly equivalent: number;
  readonly inconclusive: number;
  /** killed / (total − equivalent), rounded to 4 decimals; 1 when every mutant is equivalent (or there is none). */
  readonly score: number;
  /** Killed mutants by the method(s) that kill them. */
  readonly killedBy: { readonly explorer: number; readonly random: number; readonly both: number };
}

export interface MutateBound {
  readonly config: Config;
  readonly explore: { readonly statesMax: number; readonly depthMax: number; readonly timeLimitMs: number };
  readonly random: { readonly runs: number; readonly seed: number; readonly maxCommands: number; readonly emulator: boolean };
}

/** What was checked on the base design, against which the mutants are judged. */
export interface MutateBase {
  readonly name: string;
  readonly id: string;
  /** Properties failing on the base (explorer or random): they cannot kill. */
  readonly failing: readonly string[];
  readonly reachedWitnesses: readonly string[];
  /** Why the base's check stopped short, or null: then every judgement is relative to an incomplete base, and the exit code is 3. */
  readonly inconclusive: string | null;
}

/** The check's answer, before any file is written. */
export interface MutateOutcome {
  readonly base: MutateBase;
  readonly bound: MutateBound;
  readonly mutants: readonly MutantRow[];
  /** Candidates the schema refuses, with its reason. */
  readonly invalid: readonly { readonly description: string; readonly field: string; readonly message: string }[];
  /** Candidates identical to the base. */
  readonly sameAsBase: readonly string[];
  /** Entries of properties/equivalent-mutants.json for this design that name no surviving mutant (no such mutant, or it is killed). */
  readonly stale: readonly string[];
  readonly score: MutationScore;
}

/** The mutation score of some rows. */
export function mutationScore(rows: readonly Pick<MutantRow, 'status' | 'killedBy'>[]): MutationScore {
  const count = (status: MutantStatus) => rows.filter((r) => r.status === status).length;
  const killed = count('killed');
  const equivalent = count('equivalent');
  const by = (k: KilledBy) => rows.filter((r) => r.status === 'killed' && r.killedBy === k).length;
  const judged = rows.length - equivalent;
  return {
    total: rows.length, killed, survived: count('survived'), equivalent, inconclusive: count('inconclusive'),
    score: judged === 0 ? 1 : Math.round((killed / judged) * 10_000) / 10_000,
    killedBy: { explorer: by('explorer'), random: by('random'), both: by('both') },
  };
}

/** 1 when a mutant survives unexplained; else 3 when a mutant's or the base's check was stopped short; else 0. */
export function mutateExitCode(score: MutationScore, baseInconclusive: boolean): 0 | 1 | 3 {
  if (score.survived > 0) return 1;
  if (score.inconclusive > 0 || baseInconclusive) return 3;
  return 0;
}
