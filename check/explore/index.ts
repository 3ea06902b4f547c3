// The exhaustive explorer's public API (DESIGN.md §3, `slotcheck explore`).
export { engineFor, explore, exploreWith } from './explore.ts';
export { exploreMany } from './explore-many.ts';
export { referenceSystem, type ReferenceSystemOptions } from './reference-system.ts';
export { DEFAULT_BOUNDS, boundProblems, type ExploreBounds, type ExploreOptions, type ExploreRunOptions } from './options.ts';
export type * from './report.ts';
export type { StateKey, StepInfo, SymmetryReduction, TransitionSystem } from './system.ts';
export { commandLabel } from './command-ids.ts';
