// The package's public entry: what a user's design file imports (`import { defineDesign } from 'slotcheck'`).
export { defineDesign, DesignError, type DesignSpec } from './model/define-design.ts';
export { BUILT_IN_DESIGNS, builtInDesign, SCRIPT_STEPS } from './model/index.ts';
export type { Design, ScriptStep, Config } from './model/index.ts';
