import type { Config, Design } from '../../model/index.ts';
import { CATALOGUE } from '../../properties/catalogue.ts';
import { CONFORMANCE } from '../../properties/conformance.ts';
import { exploreMany, type ExploreReport } from '../explore/index.ts';
import type { SuiteReport } from '../random/suite-report.ts';
import { committedJustifications, type Justifications } from './equivalents.ts';
import { generateMutants, type Mutant, type MutantSet } from './mutants.ts';
import { mutationScore, type KilledBy, type KillingProperty, type MutantRow, type MutateBase, type MutateBound, type MutateOutcome } from './mutate-report.ts';
import { runSuitesMany } from './suite-many.ts';
import { shareOf, type Shard } from '../shard.ts';

// `mutate`: the catalogue's power to tell a wrong design from its base (issue 18). Every mutant of
// the base (mutants.ts) and the base itself are explored at the bound and run through the random
// suite at a fixed seed, side by side on `threads`; each mutant is then judged against the base
// by the rule in mutate-report.ts.
//
// The random suite drives the emulator beside the model (as `slotcheck run` does): it is the only
// check here that sees the properties the model holds by construction (INV-01's gate keeper and
// in-flight DMA paths) or cannot see at all (emulator-only), so a mutant whose harm shows only in
// registers can still be killed; and it costs about twice the model alone (hardened, 200 runs at
// 2 × 1: 0.35 s against 0.18 s). Both use the same configuration, so "at the same bound" holds.

export interface MutateOptions {
  readonly base: Design;
  readonly config: Config;
  readonly statesMax: number;
  readonly depthMax: number;
  readonly timeLimitMs: number;
  readonly runs: number;
  readonly seed: number;
  readonly maxCommands: number;
  /** Drive the emulator in the random suite (default true). */
  readonly emulator?: boolean;
  /** Threads, this one included (default 1). */
  readonly threads?: number;
  /** Check only these mutants (tests); default every mutant of the base. */
  readonly mutants?: readonly Mutant[];
  /** Check only this shard's share of them (mutant k goes to shard k mod count + 1); the base is checked in every shard, to judge them. */
  readonly shard?: Shard;
  /** Default: the base's entries in properties/equivalent-mutants.json. */
  readonly justifications?: Justifications;
  /** Told as each check ends (the order checks end in depends on threads; nothing else does). */
  readonly onProgress?: (done: number, total: number, phase: 'explore' | 'random') => void;
}

/** A mutant with the full reports of its checks (for traces). */
export interface MutantCheck {
  readonly mutant: Mutant;
  readonly explore: ExploreReport;
  readonly random: SuiteReport;
  readonly row: MutantRow;
  /** Wall time of its exploration and of its random suite: told on the console, never written to a file. */
  readonly elapsedMs: { readonly explore: number; readonly random: number };
}

export interface MutateResult {
  readonly outcome: MutateOutcome;
  readonly base: { readonly design: Design; readonly explore: ExploreReport; readonly random: SuiteReport };
  readonly checks: readonly MutantCheck[];
}

const ORDER = [CONFORMANCE.id, ...CATALOGUE.map((p) => p.id)];
const byCatalogue = (a: string, b: string) => ORDER.indexOf(a) - ORDER.indexOf(b);

interface Failures {
  readonly explorer: ReadonlyMap<string, { steps: number; why: string }>;
  readonly random: ReadonlyMap<string, { steps: number; why: string }>;
}

function failuresOf(explore: ExploreReport, random: SuiteReport): Failures {
  const explorer = new Map<string, { steps: number; why: string }>();
  for (const p of explore.properties) if (p.verdict === 'counterexample' && p.counterexample !== null) explorer.set(p.id, { steps: p.counterexample.steps.length, why: p.counterexample.why });
  const randomFound = new Map<string, { steps: number; why: string }>();
  for (const p of random.properties) if (p.verdict === 'counterexample' && p.counterexample !== null) randomFound.set(p.id, { steps: p.counterexample.steps.length, why: p.counterexample.why });
  return { explorer, random: randomFound };
}

const failingIds = (f: Failures) => new Set([...f.explorer.keys(), ...f.random.keys()]);

function reachedWitnesses(explore: ExploreReport, random: SuiteReport): Set<string> {
  return new Set([...explore.properties, ...random.properties].filter((p) => p.verdict === 'reached').map((p) => p.id));
}

function notApplicable(explore: ExploreReport): Set<string> {
  return new Set(explore.properties.filter((p) => p.verdict === 'not-applicable').map((p) => p.id));
}

/** Why a check stopped short of a verdict, or null. */
function stoppedShort(explore: ExploreReport, random: SuiteReport): string | null {
  const why: string[] = [];
  if (explore.boundHit !== null) why.push(`explorer: bound ${explore.boundHit.bound} = ${explore.boundHit.limit} hit (${explore.boundHit.detail})`);
  if (random.verdict === 'error') why.push(`random suite: error ${(random.error ?? '').split('\n')[0]}`);
  const drained = random.properties.filter((p) => p.verdict === 'inconclusive').map((p) => p.id);
  if (drained.length > 0) why.push(`random suite: the fair drain did not settle (${drained.join(', ')})`);
  return why.length === 0 ? null : why.join('; ');
}

/** Judge one mutant against the base (the rule is in mutate-report.ts). */
export function judgeMutant(
  mutant: Mutant, explore: ExploreReport, random: SuiteReport,
  base: { readonly failing: ReadonlySet<string>; readonly reached: ReadonlySet<string>; readonly notApplicable: ReadonlySet<string> },
  justifications: Justifications,
): MutantRow {
  const f = failuresOf(explore, random);
  const failing = [...failingIds(f)].sort(byCatalogue);
  const killing: KillingProperty[] = failing.filter((id) => !base.failing.has(id)).map((id) => {
    const e = f.explorer.get(id);
    const r = f.random.get(id);
    return { id, explorerSteps: e?.steps ?? null, randomSteps: r?.steps ?? null, why: (e ?? r)!.why, traces: { explorer: null, random: null } };
  });
  const byExplorer = killing.some((k) => k.explorerSteps !== null);
  const byRandom = killing.some((k) => k.randomSteps !== null);
  const killedBy: KilledBy | null = byExplorer && byRandom ? 'both' : byExplorer ? 'explorer' : byRandom ? 'random' : null;
  const inconclusive = stoppedShort(explore, random);
  const reason = [mutant.description, ...mutant.alsoAs].map((d) => justifications.get(d)).find((r) => r !== undefined) ?? null;
  const status = killing.length > 0 ? 'killed' : inconclusive !== null ? 'inconclusive' : reason !== null ? 'equivalent' : 'survived';
  const reached = reachedWitnesses(explore, random);
  const na = notApplicable(explore);
  const explorerSteps = killing.flatMap((k) => (k.explorerSteps === null ? [] : [k.explorerSteps]));
  return {
    id: mutant.id, description: mutant.description, alsoAs: mutant.alsoAs, field: mutant.field, design: { name: mutant.design.name },
    status, killedBy, killing, shortest: explorerSteps.length === 0 ? null : Math.min(...explorerSteps),
    failingOnBase: failing.filter((id) => base.failing.has(id)),
    lostWitnesses: [...base.reached].filter((id) => !reached.has(id)).sort(byCatalogue),
    notApplicable: [...na].filter((id) => !base.notApplicable.has(id)).sort(byCatalogue),
    inconclusive, equivalentReason: reason, states: explore.states,
  };
}

/** Justifications that name no surviving mutant: no mutant has that description, or the mutant it names is killed. */
export function staleJustifications(rows: readonly MutantRow[], justifications: Justifications): string[] {
  const survivors = new Set(rows.filter((r) => r.status === 'equivalent' || r.status === 'survived').flatMap((r) => [r.description, ...r.alsoAs]));
  return [...justifications.keys()].filter((d) => !survivors.has(d)).sort();
}

/** Check every mutant of the base (or the given ones) and judge each. */
export async function mutate(options: MutateOptions): Promise<MutateResult> {
  const set: MutantSet = generateMutants(options.base);
  const mutants = shareOf(options.mutants ?? set.mutants, options.shard).map(({ job }) => job);
  const designs = [options.base, ...mutants.map((m) => m.design)];
  const threads = options.threads ?? 1;
  const { config } = options;
  const total = designs.length;

  let explored = 0;
  const exploreJobs = designs.map((design) => ({
    design, config, symmetry: false, engine: 'packed' as const, statesMax: options.statesMax, depthMax: options.depthMax, timeLimitMs: options.timeLimitMs,
  }));
  const explorations = exploreMany(exploreJobs, threads).map((p) => p.then((r) => { explored += 1; options.onProgress?.(explored, total, 'explore'); return r; }));
  const exploreReports = await Promise.all(explorations);

  const emulator = options.emulator ?? true;
  let ran = 0;
  const suiteJobs = designs.map((design) => ({ design, config, seed: options.seed, runs: options.runs, maxCommands: options.maxCommands, emulator }));
  const randomMs = new Array<number>(designs.length).fill(0);
  const suiteReports = await Promise.all(runSuitesMany(suiteJobs, threads, (index, elapsedMs) => { randomMs[index] = elapsedMs; ran += 1; options.onProgress?.(ran, total, 'random'); }));

  const baseExplore = exploreReports[0]!;
  const baseRandom = suiteReports[0]!;
  const baseFailing = failingIds(failuresOf(baseExplore, baseRandom));
  const baseReached = reachedWitnesses(baseExplore, baseRandom);
  const baseNa = notApplicable(baseExplore);
  const justifications = options.justifications ?? committedJustifications(options.base.name, config);
  const checks = mutants.map((mutant, i): MutantCheck => {
    const explore = exploreReports[i + 1]!;
    const random = suiteReports[i + 1]!;
    const row = judgeMutant(mutant, explore, random, { failing: baseFailing, reached: baseReached, notApplicable: baseNa }, justifications);
    return { mutant, explore, random, row, elapsedMs: { explore: explore.timing.elapsedMs, random: randomMs[i + 1]! } };
  });
  const rows = checks.map((c) => c.row);
  const base: MutateBase = {
    name: options.base.name, id: options.base.id,
    failing: [...baseFailing].sort(byCatalogue), reachedWitnesses: [...baseReached].sort(byCatalogue), inconclusive: stoppedShort(baseExplore, baseRandom),
  };
  const bound: MutateBound = {
    config,
    explore: { statesMax: options.statesMax, depthMax: options.depthMax, timeLimitMs: options.timeLimitMs },
    random: { runs: options.runs, seed: options.seed, maxCommands: options.maxCommands, emulator },
  };
  const outcome: MutateOutcome = {
    base, bound, mutants: rows, invalid: set.invalid, sameAsBase: set.sameAsBase,
    // Over every mutant only: a shard's rows cannot tell a stale entry (merge computes it over all of them).
    stale: options.mutants === undefined && options.shard === undefined ? staleJustifications(rows, justifications) : [], score: mutationScore(rows),
  };
  return { outcome, base: { design: options.base, explore: baseExplore, random: baseRandom }, checks };
}
