import type { EmulatorOptions } from '../../impl/index.ts';
import type { CommandKind, Design } from '../../model/index.ts';
import { CATALOGUE } from '../../properties/catalogue.ts';
import { checkEveryTransition, type ExhaustiveConformance } from '../conformance/exhaustive.ts';
import { emulatorSubject } from '../conformance/subject.ts';
import { explore, type ExploreReport } from '../explore/index.ts';
import { runSuite } from '../random/suite.ts';
import { DEFAULT_SUITE } from '../random/suite-report.ts';
import { CONFORMANCE } from '../../properties/conformance.ts';
import type { SuiteReport } from '../random/suite-report.ts';
import { mutate } from '../mutate/mutate.ts';
import type { CertificationPlan, MutatePlanItem } from './plan.ts';
import { certificationVerdict, combineVerdicts, type Certification, type CertifiedMutation, type CertifiedProperty, type Evidence } from './certify-report.ts';

export type * from './certify-report.ts';

export interface CertifyOptions {
  readonly onProgress?: (what: string) => void;
  /** The emulator's options (a planted bug, in tests that show a certificate refused). */
  readonly emulator?: EmulatorOptions;
  /** Threads checking mutants side by side (default 1); the results do not depend on it. */
  readonly threads?: number;
}

/**
 * Certify a design: every exploration, random suite and every-transition comparison of the plan.
 * A property is certified when no method found it broken and none was stopped by a bound; a
 * witness when some method reached it. The design is certified when every property is; then, and
 * only then, the catalogue's mutation score at each of the plan's mutate bounds is measured, since
 * a certificate is written only for a certified design.
 */
export async function certify(design: Design, plan: CertificationPlan, options: CertifyOptions = {}): Promise<Certification> {
  const c = certifyProperties(design, plan, options);
  if (c.verdict !== 'certified' || plan.mutate === undefined) return c;
  const mutation: CertifiedMutation[] = [];
  for (const [i, p] of plan.mutate.entries()) {
    options.onProgress?.(`mutate ${i + 1}/${plan.mutate.length}`);
    mutation.push(await mutationAt(design, p, options.threads ?? 1));
  }
  return { ...c, mutation };
}

/** The mutation score at one bound, and each mutant's judgement (no timings: a certificate is reproducible). */
async function mutationAt(design: Design, p: MutatePlanItem, threads: number): Promise<CertifiedMutation> {
  const { outcome } = await mutate({ base: design, config: p.config, statesMax: p.statesMax, depthMax: p.depthMax, timeLimitMs: 3_600_000, runs: p.runs, seed: p.seed, maxCommands: p.maxCommands, threads });
  return {
    plan: p, score: outcome.score, baseInconclusive: outcome.base.inconclusive, stale: outcome.stale,
    mutants: outcome.mutants.map((m) => ({ description: m.description, status: m.status, killing: m.killing.map((k) => k.id) })),
  };
}

function certifyProperties(design: Design, plan: CertificationPlan, options: CertifyOptions): Certification {
  const { onProgress, emulator } = options;
  const exploreReports = plan.explore.map((p, i) => {
    onProgress?.(`explore ${i + 1}/${plan.explore.length}`);
    return explore({ design, config: p.config, symmetry: p.symmetry, engine: 'packed', statesMax: p.statesMax, depthMax: p.depthMax, timeLimitMs: 3_600_000, ...(p.store === undefined ? {} : { store: p.store }) });
  });
  const suiteReports = plan.random.map((p, i) => {
    onProgress?.(`random ${i + 1}/${plan.random.length}`);
    return runSuite({ ...DEFAULT_SUITE, design, config: p.config, seed: p.seed, runs: p.runs, maxCommands: p.maxCommands, subject: () => emulatorSubject(p.config, design, emulator) });
  });
  const conformanceChecks = plan.conformance.map((p, i) => {
    onProgress?.(`every transition ${i + 1}/${plan.conformance.length}`);
    return checkEveryTransition(design, p.config, { statesMax: p.statesMax, along: p.along, ...(emulator === undefined ? {} : { emulator }) });
  });
  const ids = [CONFORMANCE.id, ...CATALOGUE.map((p) => p.id)];
  const properties: CertifiedProperty[] = ids.map((id) => {
    const evidence: Evidence[] = [
      // A compact entry checks no liveness (LIV-* inconclusive, "not checked"): it is no evidence either way.
      ...exploreReports.flatMap((r, i) => r.properties.filter((p) => p.id === id && !(r.store.kind === 'compact' && p.expect === 'eventually' && p.verdict === 'inconclusive')).map((p) => ({ method: 'exhaustive' as const, plan: i, verdict: p.verdict, ...(r.store.probabilistic ? { probabilistic: true as const } : {}) }))),
      ...suiteReports.flatMap((r, i) => r.properties.filter((p) => p.id === id).map((p) => ({ method: 'random' as const, plan: i, verdict: p.verdict }))),
      // Conformance itself on every transition; an invariant only where the emulator found it broken and the model did not.
      ...conformanceChecks.flatMap((r, i) => {
        const broken = r.gaps.some((g) => g.id === id);
        if (id !== CONFORMANCE.id && !broken) return [];
        return [{ method: 'every-transition' as const, plan: i, verdict: broken ? 'counterexample' : r.boundHit ? 'inconclusive' : 'pass' }];
      }),
    ];
    const entry = id === CONFORMANCE.id ? CONFORMANCE : CATALOGUE.find((p) => p.id === id)!;
    return { id, name: entry.name, expect: entry.expect, verdict: combineVerdicts(entry.expect, evidence.map((e) => e.verdict)), evidence };
  });
  return {
    verdict: certificationVerdict(properties, suiteReports.some((r) => r.verdict === 'error')),
    properties,
    explored: exploreReports.map((r, i) => ({
      plan: plan.explore[i]!, states: r.states, transitions: r.transitions, maxDepth: r.maxDepth, unreduced: r.unreduced,
      boundHit: r.boundHit === null ? null : `${r.boundHit.bound} = ${r.boundHit.limit}`, neverTaken: r.coverage.neverTaken,
      // Only a compact entry carries these, so that the exact entries' bytes are as before.
      ...(r.store.kind === 'compact' ? { probabilistic: true as const, fingerprintBits: r.store.fingerprintBits, omissionProbability: r.store.omissionProbability } : {}),
    })),
    randomRuns: suiteReports.map((r, i) => ({
      plan: plan.random[i]!, commandsExecuted: r.commandsExecuted, acceptedCommands: r.acceptedCommands, neverAccepted: r.commandCoverage.neverAccepted,
    })),
    conformance: conformanceChecks.map((r, i) => ({ plan: plan.conformance[i]!, states: r.states, pairs: r.pairs, otherEdges: r.otherEdges, boundHit: r.boundHit, gaps: r.gaps })),
    mutation: [],
    exploreReports,
    suiteReports,
  };
}
