import { z } from 'zod';
import { configProblems, type Config } from '../../model/index.ts';

/** One exhaustive exploration a certificate rests on. */
export interface ExplorePlanItem {
  readonly config: Config;
  readonly symmetry: boolean;
  readonly statesMax: number;
  readonly depthMax: number;
  /**
   * `compact`: hash compaction (explore --store compact): the entry's verdicts are probabilistic,
   * and the certificate records it with the omission probability; liveness is then not checked.
   * Absent: every state kept (exact).
   */
  readonly store?: 'compact';
  /**
   * `full`: an entry too long for every CI run. `certify --check` takes its results from the
   * certificate and says so; `certify --check --full` (`npm run certify:full`) recomputes it too.
   * Absent: every check recomputes it.
   */
  readonly recheck?: 'full';
}

/** One random model-versus-emulator suite a certificate rests on. */
export interface RandomPlanItem {
  readonly config: Config;
  readonly seed: number;
  readonly runs: number;
  readonly maxCommands: number;
}

/** One space on whose every transition the emulator is compared with the model (conformance/exhaustive.ts). */
export interface ConformancePlanItem {
  readonly config: Config;
  readonly statesMax: number;
  /** Which emulators of a model state are compared from it (conformance/exhaustive.ts). */
  readonly along: 'shortest-path' | 'every-edge';
}

/**
 * The catalogue's strength at a bound (`slotcheck mutate`): every single-decision mutant of the
 * certified design, explored and run through the random suite, each judged killed, justified
 * (properties/equivalent-mutants.json) or surviving. It measures the catalogue, not the design.
 */
export interface MutatePlanItem {
  readonly config: Config;
  readonly statesMax: number;
  readonly depthMax: number;
  readonly runs: number;
  readonly seed: number;
  readonly maxCommands: number;
}

/** What `certify` runs: recorded in the certificate, so `certify --check` can run it again. */
export interface CertificationPlan {
  readonly explore: readonly ExplorePlanItem[];
  readonly random: readonly RandomPlanItem[];
  readonly conformance: readonly ConformancePlanItem[];
  /** Absent in certificates made before mutation scores were recorded. */
  readonly mutate?: readonly MutatePlanItem[];
}

/**
 * The default certification bound: every state of 2 LPARs × 1 slot with two faults and two client
 * writes, and of 3 LPARs × 1 slot with one fault (standbys merged by symmetry); then random runs
 * against the emulator with a fixed seed, up to four faults on 2 LPARs × 2 slots and one fault on
 * 3 LPARs × 2 slots; and the emulator against the model on every transition, refused commands
 * included, of 2 LPARs × 1 slot with one fault and two writes and of 2 LPARs × 2 slots with one
 * fault and one write; in the first also from the emulator of every other edge into each state,
 * not only the shortest path's. Three LPARs get one fault because no design here survives the new active
 * dying during its takeover (finding F-12): a certificate says what it covers.
 */
export const DEFAULT_PLAN: CertificationPlan = {
  explore: [
    { config: { lparCount: 2, slotCount: 1, faultBudget: 2, writeBudget: 2 }, symmetry: false, statesMax: 2_000_000, depthMax: 10_000 },
    { config: { lparCount: 3, slotCount: 1, faultBudget: 1, writeBudget: 1 }, symmetry: true, statesMax: 2_000_000, depthMax: 10_000 },
  ],
  random: [
    { config: { lparCount: 2, slotCount: 2, faultBudget: 4, writeBudget: 3 }, seed: 1, runs: 300, maxCommands: 60 },
    { config: { lparCount: 3, slotCount: 2, faultBudget: 1, writeBudget: 3 }, seed: 2, runs: 300, maxCommands: 60 },
  ],
  conformance: [
    { config: { lparCount: 2, slotCount: 1, faultBudget: 1, writeBudget: 2 }, statesMax: 100_000, along: 'every-edge' },
    // Along shortest paths only: from every edge this space takes 9 s for a patent design (539,125 pairs), against 1 s.
    { config: { lparCount: 2, slotCount: 2, faultBudget: 1, writeBudget: 1 }, statesMax: 100_000, along: 'shortest-path' },
  ],
  // The mutants at the first exploration's bound, with `slotcheck mutate`'s defaults (17 s for hardened's 42).
  mutate: [
    { config: { lparCount: 2, slotCount: 1, faultBudget: 2, writeBudget: 2 }, statesMax: 2_000_000, depthMax: 10_000, runs: 200, seed: 1, maxCommands: 60 },
  ],
};

/**
 * DSN-07 is certified where issue 19 asked: the default plan, and every state of 3 LPARs × 2 slots
 * with three faults and of 4 LPARs × 2 slots with two, both with two writes and standbys merged by
 * symmetry (14.4 M and 2.1 M orbits; minutes, not seconds, so CI takes them from the certificate).
 */
const HARDENED_FENCE_ALL_PLAN: CertificationPlan = {
  ...DEFAULT_PLAN,
  explore: [
    ...DEFAULT_PLAN.explore,
    { config: { lparCount: 3, slotCount: 2, faultBudget: 3, writeBudget: 2 }, symmetry: true, statesMax: 30_000_000, depthMax: 10_000, recheck: 'full' },
    { config: { lparCount: 4, slotCount: 2, faultBudget: 2, writeBudget: 2 }, symmetry: true, statesMax: 10_000_000, depthMax: 10_000, recheck: 'full' },
  ],
};

/**
 * hardened, the design every mutant is made from, is certified one fault further at 2 LPARs × 1
 * slot, and its mutants are measured there: at two faults two wrong variants pass every property
 * (`ejectAck: not-required`, and the card's ROM as SCI source, F-28), at three both are killed
 * (51 s for its 51 mutants, against 13 s at two; user designs keep the default plan's quicker bound).
 */
const THREE_FAULTS = { ...DEFAULT_PLAN.explore[0]!.config, faultBudget: 3 };
const HARDENED_PLAN: CertificationPlan = {
  ...DEFAULT_PLAN,
  explore: [...DEFAULT_PLAN.explore, { ...DEFAULT_PLAN.explore[0]!, config: THREE_FAULTS }],
  mutate: DEFAULT_PLAN.mutate!.map((m) => ({ ...m, config: THREE_FAULTS })),
};

/** The plan a built-in design is certified with when none is given. */
export function planFor(designName: string): CertificationPlan {
  if (designName === 'hardened') return HARDENED_PLAN;
  return designName === 'hardened-fence-all' ? HARDENED_FENCE_ALL_PLAN : DEFAULT_PLAN;
}

/** The plan without its `recheck: full` entries, and the indexes (in plan.explore) of those kept. */
export function ciPlan(plan: CertificationPlan): { plan: CertificationPlan; kept: readonly number[] } {
  const kept = plan.explore.flatMap((p, i) => (p.recheck === 'full' ? [] : [i]));
  return { plan: { ...plan, explore: kept.map((i) => plan.explore[i]!) }, kept };
}

/**
 * The bounds a check may be given, on the command line or in a certificate's plan (one definition
 * for both): a plan beyond them is refused, not run, since a certificate is data anyone can edit.
 */
export const CHECK_LIMITS = {
  /** Distinct states an exploration (or an every-transition space) stores at most: `explore --states-max`. */
  statesMax: 200_000_000,
  /** The longest path explored: `explore --depth`. */
  depthMax: 1_000_000,
  /** Faults, and client writes, on any path of an exhaustive space: `explore --faults`, `--writes`. */
  exhaustiveBudget: 20,
  /** Random runs per suite: `run --runs`. */
  runs: 1_000_000,
  /** Generated commands per run: `run --max-commands`. */
  maxCommands: 10_000,
  /** Faults, and client writes, per random run: `run --faults`, `--writes`. */
  randomBudget: 50,
  /** The largest seed: `run --seed`. */
  seed: 2 ** 31 - 1,
  /** Entries in each list of a plan (the default plan has two). */
  planEntries: 8,
} as const;

const whole = (min: number, max: number) => z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max} (the tool's limit)`);

/** A configuration the model can build (configProblems), with budgets within the method's limit. */
function configSchema(budgetMax: number) {
  return z.object({ lparCount: z.number(), slotCount: z.number(), faultBudget: z.number(), writeBudget: z.number() }).strict().superRefine((config, ctx) => {
    const problems = configProblems(config);
    for (const field of ['lparCount', 'slotCount', 'faultBudget', 'writeBudget'] as const) {
      const value = config[field];
      const budget = field === 'faultBudget' || field === 'writeBudget';
      const message = budget
        ? (Number.isInteger(value) && value >= 0 && value <= budgetMax ? undefined : `${field} must be an integer from 0 to ${budgetMax} here (the tool's limit), got ${value}`)
        : problems.find((p) => p.field === field)?.message;
      if (message !== undefined) ctx.addIssue({ code: 'custom', path: [field], message });
    }
  });
}

const entries = <T extends z.ZodType>(item: T) => z.array(item).max(CHECK_LIMITS.planEntries, `has more than ${CHECK_LIMITS.planEntries} entries (the tool's limit)`);

/** A plan as a certificate records it, checked before `certify --check` runs it again. */
export const certificationPlanSchema = z.object({
  explore: entries(z.object({
    config: configSchema(CHECK_LIMITS.exhaustiveBudget),
    symmetry: z.boolean(),
    statesMax: whole(1, CHECK_LIMITS.statesMax),
    depthMax: whole(0, CHECK_LIMITS.depthMax),
    store: z.literal('compact', { error: 'must be "compact" (hash compaction), or left out for an exact search' }).optional(),
    recheck: z.literal('full', { error: 'must be "full" (rechecked only by certify --check --full), or left out' }).optional(),
  }).strict()),
  random: entries(z.object({
    config: configSchema(CHECK_LIMITS.randomBudget),
    seed: whole(0, CHECK_LIMITS.seed),
    runs: whole(1, CHECK_LIMITS.runs),
    maxCommands: whole(1, CHECK_LIMITS.maxCommands),
  }).strict()),
  conformance: entries(z.object({
    config: configSchema(CHECK_LIMITS.exhaustiveBudget),
    statesMax: whole(1, CHECK_LIMITS.statesMax),
    along: z.enum(['shortest-path', 'every-edge']),
  }).strict()),
  mutate: entries(z.object({
    config: configSchema(CHECK_LIMITS.exhaustiveBudget),
    statesMax: whole(1, CHECK_LIMITS.statesMax),
    depthMax: whole(0, CHECK_LIMITS.depthMax),
    runs: whole(1, CHECK_LIMITS.runs),
    seed: whole(0, CHECK_LIMITS.seed),
    maxCommands: whole(1, CHECK_LIMITS.maxCommands),
  }).strict()).optional(),
}).strict() satisfies z.ZodType<CertificationPlan>;
