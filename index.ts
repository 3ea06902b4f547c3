// The package's public entry (`import … from 'slotcheck'`): designs, the catalogue and the checkers.
// A user's design file needs only `defineDesign`; `slotcheck/vitest` registers tests per property.
export { defineDesign, DesignError, type DesignSpec } from './model/define-design.ts';
export { BUILT_IN_DESIGNS, builtInDesign, SCRIPT_STEPS } from './model/index.ts';
export type { Design, ScriptStep, Config, Command, CommandKind } from './model/index.ts';
export { CATALOGUE, INVARIANTS, LIVENESS, WITNESSES, propertyById, type Property, type Invariant, type Liveness, type Witness } from './properties/catalogue.ts';
export { CONFORMANCE } from './properties/conformance.ts';
export { FINDINGS, type Finding } from './properties/findings.ts';
export * from './api/index.ts';
