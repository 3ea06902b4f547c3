// The library API: what the CLI does, from code. Each checker returns what its command prints
// with --json, typed; bad input throws a SlotcheckError with the CLI's code (SC001…SC011).
export { explore, EXPLORE_DEFAULTS, type ExploreApiOptions, type ExploreResult } from './explore.ts';
export { run, RUN_DEFAULTS, type RunApiOptions, type RunResult } from './run.ts';
export { replay, readTrace, type ReplayApiOptions, type ReplayResult } from './replay.ts';
export { scenario, readScenario, runScenario, type ScenarioApiOptions, type ScenarioResult, type ScenarioResultStep, type ScenarioSpec } from './scenario.ts';
export { certify, designSource, type CertifyApiOptions, type CertifyResult, type DesignCertification } from './certify.ts';
export { configWith, resolveDesignInputs, type DesignInput, type GivenDesign } from './designs.ts';
export { ERROR_CODES, EXIT, SlotcheckError, type ErrorCode, type ExitCode } from './errors.ts';
export type { ExploreSummary } from '../reports/explore-summary.ts';
export type { DesignRunSummary, PropertySummary } from '../reports/run-summary.ts';
export { addJunit, addReports, writeReports, junitXml, reportFromDirectory, fig10Chart, type ReportSources } from './reports.ts';
export { chartFromTrace, chartFromCommands, FIG10_SCENARIO } from './chart.ts';
export type { ChartTrace } from '../reports/chart-trace.ts';
export { mutate, mutateDirectory, MUTATE_DEFAULTS, type MutateApiOptions, type MutateApiResult } from './mutate.ts';
export { emitTest, emitTestFile, type EmitPin, type EmitTestOptions, type EmittedTest } from './emit-test.ts';
export { merge, type MergeApiOptions, type MergeResult } from './merge.ts';
