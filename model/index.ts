// The reference model's public API (DESIGN.md §3).
export type { Command, CommandKind, ControlCommand, FaultCommand, ProtocolStep, EnvironmentStep, CommandCategory } from './commands.ts';
export { COMMAND_KINDS, COMMAND_FIELDS, FAULT_IDS, categoryOf, isPerturbation } from './commands.ts';
export type { Config } from './config.ts';
export { DEFAULT_CONFIG, configProblems } from './config.ts';
export type { Design, ScriptStep } from './design.ts';
export { SCRIPT_STEPS, addPciToOwner, clusterStepBudget, concurrentTakeovers, countsClusterSteps, failoverCase, failoverVictims, fenceRecheck, gateKeeperOrder, gpeStatusClear, hasGateKeeper, hotRemoveSci, lateGateKeeperRewrite, quiesceBy, recoveryBoundSteps, RECOVERY_BOUND_STEPS_DEFAULT, sciHandler, sciTrigger, scriptSlots, timeoutTicks } from './design.ts';
export { BUILT_IN_DESIGNS, builtInDesign } from './designs/index.ts';
export type { LparId, SlotId } from './ids.ts';
export { lpar, slot, lparIds, slotIds } from './ids.ts';
export type { Effect, Outcome, RejectCode, StepResult } from './outcome.ts';
export type * from './state.ts';
export { initialState } from './initial-state.ts';
export { step, refusalOf } from './step.ts';
export { allCommands, candidates, enabledAmong, enabledCommands, type Candidate } from './enabled-commands.ts';
export { stateKey } from './key.ts';
