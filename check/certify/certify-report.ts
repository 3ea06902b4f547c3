import type { CommandKind } from '../../model/index.ts';
import type { ConformanceGap } from '../conformance/conformance-report.ts';
import type { ExploreReport } from '../explore/report.ts';
import type { SuiteReport } from '../random/suite-report.ts';
import type { MutantStatus, MutationScore } from '../mutate/mutate-report.ts';
import type { ConformancePlanItem, ExplorePlanItem, MutatePlanItem, RandomPlanItem } from './plan.ts';

/** One method's verdict on one property. */
export type Evidence =
  | { readonly method: 'exhaustive'; readonly plan: number; readonly verdict: string; readonly probabilistic?: true }
  | { readonly method: 'random'; readonly plan: number; readonly verdict: string }
  | { readonly method: 'every-transition'; readonly plan: number; readonly verdict: string };

export interface CertifiedProperty {
  readonly id: string;
  readonly name: string;
  readonly expect: string;
  /** `holds` / `reached` / `not-applicable` when certified; otherwise what stopped it. */
  readonly verdict: 'holds' | 'reached' | 'not-applicable' | 'counterexample' | 'inconclusive' | 'unreached';
  readonly evidence: readonly Evidence[];
}

/** The catalogue's mutation score at one of the plan's mutate bounds, and how each mutant was judged. */
export interface CertifiedMutation {
  readonly plan: MutatePlanItem;
  readonly score: MutationScore;
  /** Why the base design's own check stopped short (then every judgement is relative to an incomplete base), or null. */
  readonly baseInconclusive: string | null;
  /** Entries of properties/equivalent-mutants.json that name no surviving mutant. */
  readonly stale: readonly string[];
  readonly mutants: readonly { readonly description: string; readonly status: MutantStatus; readonly killing: readonly string[] }[];
}

export type CertificationVerdict = 'certified' | 'counterexample' | 'inconclusive';

/** What certifying a design found: the data of a certificate, and the reports behind it. */
export interface Certification {
  readonly verdict: CertificationVerdict;
  readonly properties: readonly CertifiedProperty[];
  /** Per exploration its counts, and the command kinds no explored transition took: what it says nothing about. */
  readonly explored: readonly {
    readonly plan: ExplorePlanItem; readonly states: number; readonly transitions: number; readonly maxDepth: number;
    readonly unreduced: { states: number; transitions: number } | null; readonly boundHit: string | null; readonly neverTaken: readonly CommandKind[];
    /** Hash compaction (plan store "compact"): every verdict of the entry is probabilistic; a state was missed with at most this probability. */
    readonly probabilistic?: true; readonly fingerprintBits?: number; readonly omissionProbability?: number;
  }[];
  /** Per random suite its counts, and the command kinds no run had accepted. */
  readonly randomRuns: readonly { readonly plan: RandomPlanItem; readonly commandsExecuted: number; readonly acceptedCommands: number; readonly neverAccepted: readonly CommandKind[] }[];
  /** Per every-transition comparison of emulator and model: its counts, and where they parted (first per id). */
  readonly conformance: readonly { readonly plan: ConformancePlanItem; readonly states: number; readonly pairs: number; readonly otherEdges: number; readonly boundHit: boolean; readonly gaps: readonly ConformanceGap[] }[];
  /** Per mutate bound of the plan (measured only for a certified design; empty otherwise). */
  readonly mutation: readonly CertifiedMutation[];
  readonly exploreReports: readonly ExploreReport[];
  readonly suiteReports: readonly SuiteReport[];
}

const GOOD = new Set(['pass', 'reached', 'not-applicable']);

/** Combine several methods' verdicts on one property: any failure wins, then any doubt. */
export function combineVerdicts(expect: string, verdicts: readonly string[]): CertifiedProperty['verdict'] {
  if (verdicts.length === 0) return 'inconclusive'; // no method checked it (a plan of compact explorations alone, for liveness)
  if (verdicts.includes('counterexample')) return 'counterexample';
  if (verdicts.includes('inconclusive')) return 'inconclusive';
  if (verdicts.every((v) => v === 'not-applicable')) return 'not-applicable';
  if (expect === 'sometimes') return verdicts.includes('reached') ? 'reached' : 'unreached';
  return verdicts.every((v) => GOOD.has(v)) ? 'holds' : 'inconclusive';
}

/** The design's verdict from its properties' (a suite that errored is a counterexample too). */
export function certificationVerdict(properties: readonly CertifiedProperty[], suiteError: boolean): CertificationVerdict {
  if (suiteError || properties.some((p) => p.verdict === 'counterexample')) return 'counterexample';
  return properties.some((p) => p.verdict === 'inconclusive' || p.verdict === 'unreached') ? 'inconclusive' : 'certified';
}
