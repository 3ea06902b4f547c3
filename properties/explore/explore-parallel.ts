import { assertBounds, planFor, referenceSystemFor, reportOf } from './explore.ts';
import type { ExploreOptions, ExploreRunOptions } from './options.ts';
import type { SystemFactory } from './parallel-protocol.ts';
import { searchInParallel } from './parallel-search.ts';
import type { ReferenceSystemSpec } from './reference-system.ts';
import type { ExploreReport } from './report.ts';
import type { TransitionSystem } from './system.ts';
import { exploreWith } from './explore.ts';

/**
 * `explore` with the frontier expanded by worker threads (`options.workers`, default 2). The
 * report is the same as the sequential one, timing aside (parallel-search.ts says why).
 */
export function exploreInParallel(options: ExploreOptions): Promise<ExploreReport> {
  const spec: ReferenceSystemSpec = { design: options.design, config: options.config, symmetry: options.symmetry, ...(options.only === undefined ? {} : { only: options.only }) };
  const factory: SystemFactory = { module: new URL('./reference-system.ts', import.meta.url).href, exportName: 'referenceSystemFromSpec', spec };
  return exploreWithWorkers(referenceSystemFor(options), factory, options);
}

/**
 * Any transition system, expanded by workers that each build it with `factory` (the hook for a
 * packed system: a module exporting `(spec) => TransitionSystem`). `system` is this thread's own
 * copy, used for the initial state and to replay counterexamples.
 */
export async function exploreWithWorkers<S>(system: TransitionSystem<S>, factory: SystemFactory, options: ExploreRunOptions): Promise<ExploreReport> {
  assertBounds(options);
  const workers = options.workers ?? 2;
  if (workers <= 1) return exploreWith(system, options);
  const now = options.now ?? (() => performance.now()); // measurement and the time bound only
  return reportOf(system, options, await searchInParallel(system, factory, options, planFor(system, options), workers, now));
}
