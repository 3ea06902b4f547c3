import { INVARIANTS, LIVENESS, WITNESSES } from '../../properties/catalogue.ts';
import { commandCoverage } from './coverage.ts';
import { FairLassoFinder } from './fair-cycles.ts';
import type { ExploreOptions, ExploreRunOptions } from './options.ts';
import { invariantReport, livenessReport, witnessReport, type VerdictContext } from './property-reports.ts';
import { PackedSystem } from './packed/system.ts';
import { ParallelPackedSystem } from './packed/parallel-system.ts';
import { referenceSystem } from './reference-system.ts';
import type { ExplorePropertyReport, ExploreReport } from './report.ts';
import { assertBounds, overallVerdict, planForDesign } from './search-plan.ts';
import { searchSequential, type SearchOutcome, type SearchPlan } from './search.ts';
import { exploreCompact } from './compact/explore-compact.ts';
import type { TransitionSystem } from './system.ts';

const WHAT_IS_PROVEN = [
  'Every state reachable from the initial state within the configuration\'s budgets (faults and direct control commands, client writes; heartbeat silence is capped) was stored and expanded, unless boundHit says otherwise.',
  'Invariants: state parts checked on every stored state, step parts on every transition; a counterexample is a shortest path (BFS) to the first violation of that property.',
  'Liveness: weak fairness of the fair actions (isFairAction), once faults stop (they cannot lie on a cycle); a counterexample is a lasso whose cycle keeps one obligation open in every state and takes every fair action enabled throughout it.',
  'Nothing is claimed for larger configurations, for strong fairness, or for the emulator (properties with coverage model-by-construction or emulator-only pass here trivially).',
].join(' ');

/** The reference system `explore` walks. */
export function referenceSystemFor(options: ExploreOptions) {
  return referenceSystem(options.design, options.config, { symmetry: options.symmetry, ...(options.only === undefined ? {} : { only: options.only }) });
}

/** The engine that will run: the packed one if asked for, else the reference. */
export function engineFor(options: ExploreOptions): 'reference' | 'packed' {
  return options.engine === 'packed' ? 'packed' : 'reference';
}

/** Explore the model in this thread, on the reference system or the packed one (`engine`). */
export function explore(options: ExploreOptions): ExploreReport {
  if (options.store === 'compact') return exploreCompact(options);
  if (engineFor(options) === 'packed' && (options.searchThreads ?? 1) > 1) return exploreParallel(options);
  if (engineFor(options) === 'packed') return exploreWith(new PackedSystem(options.design, options.config, { symmetry: options.symmetry }), options);
  return exploreWith(referenceSystemFor(options), options);
}

/**
 * The packed engine's search on `searchThreads` threads: the same report as `exploreWith` on a
 * PackedSystem. `system` (a benchmark's, to read its counters) is closed when the search ends.
 */
export function exploreParallel(options: ExploreOptions, given?: ParallelPackedSystem): ExploreReport {
  let search: SearchOutcome;
  let system = given;
  try {
    assertBounds(options);
    system ??= new ParallelPackedSystem(options.design, options.config, { symmetry: options.symmetry, threads: options.searchThreads ?? 1 });
    search = searchSequential(system, options, planFor(system, options), options.now ?? (() => performance.now()), options.onProgress);
  } finally {
    system?.close();
  }
  return reportOf(system, options, search);
}

export function planFor<S>(system: TransitionSystem<S>, options: ExploreRunOptions): SearchPlan {
  return planForDesign(system.design, options);
}

/** Explore any transition system (the reference one, or a packed one) in this thread. */
export function exploreWith<S>(system: TransitionSystem<S>, options: ExploreRunOptions): ExploreReport {
  assertBounds(options);
  const now = options.now ?? (() => performance.now()); // measurement and the time bound only
  return reportOf(system, options, searchSequential(system, options, planFor(system, options), now, options.onProgress));
}

/** Turn what a search found into the report: replay paths, look for fair lassos, give verdicts. */
export function reportOf<S>(system: TransitionSystem<S>, options: ExploreRunOptions, search: SearchOutcome): ExploreReport {
  const plan = planFor(system, options);
  const initial = system.initial();
  const bound = search.boundHit;
  const unexplored = bound === null ? null : `inconclusive: bound ${bound.bound} = ${bound.limit} was hit (${bound.detail})`;
  const ctx: VerdictContext<S> = { system, initial, search, unexplored };
  const finder = search.graph === null ? null : new FairLassoFinder(system, search);
  const properties: ExplorePropertyReport[] = [
    ...INVARIANTS.filter((p) => plan.wanted(p.id)).map((p) => invariantReport(ctx, p)),
    ...LIVENESS.filter((p) => plan.wanted(p.id)).map((p) => livenessReport(ctx, p, finder, search.obligations.find((t) => t.property.id === p.id))),
    ...WITNESSES.filter((p) => plan.wanted(p.id)).map((p) => witnessReport(ctx, p)),
  ];
  return {
    design: { name: system.design.name, id: system.design.id }, config: system.config,
    bounds: { depthMax: options.depthMax, statesMax: options.statesMax, timeLimitMs: options.timeLimitMs },
    only: options.only === undefined ? null : [...options.only], verdict: overallVerdict(properties), boundHit: bound,
    states: search.store.size, transitions: search.transitions, expandedStates: search.expanded, maxDepth: search.maxDepth,
    coverage: commandCoverage(system.config, search.commandIds, search.taken),
    symmetry: system.symmetry === undefined
      ? { applied: false, order: 1, groups: [] }
      : { applied: true, order: system.symmetry.order, groups: system.symmetry.groups },
    unreduced: search.unreduced, store: EXACT_STORE, initialState: system.toModel(initial), properties, note: WHAT_IS_PROVEN,
    timing: { elapsedMs: search.elapsedMs, transitionsPerSecond: search.elapsedMs > 0 ? Math.round((search.transitions / search.elapsedMs) * 1000) : 0 },
  };
}

const EXACT_STORE = { kind: 'exact', probabilistic: false } as const;
