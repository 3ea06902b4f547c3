import { initialState, type Command, type Config, type Design, type Outcome } from '../model/index.ts';
import { checkScenario } from '../check/scenario/scenario.ts';
import type { ExpectationResult } from '../check/scenario/expectations.ts';
import type { PropertyVerdict } from '../check/scenario/property-verdicts.ts';
import { parseStatePath, pathProblem, STATE_PATH_HELP } from '../check/scenario/state-path.ts';
import { stepLabel } from '../reports/chart-labels.ts';
import { diffStates } from '../reports/state-diff.ts';
import { scriptStepOf } from './chart.ts';
import { resolveDesignInputs, type DesignInput } from './designs.ts';
import { EXIT, SlotcheckError, type ExitCode } from './errors.ts';
import { readJsonFile } from './replay.ts';
import { parseScenario, SCENARIO_FORMAT, type ScenarioSpec } from './scenario-schema.ts';

export type { ScenarioSpec };
export type { ExpectationResult, PropertyVerdict };

/** A violation as a scenario reports it: on the model, or on the emulator beside it (CONFORMANCE included). */
export interface ScenarioViolation {
  readonly id: string;
  readonly why: string;
  readonly on: 'model' | 'emulator';
}

export interface ScenarioResultStep {
  readonly index: number;
  readonly command: Command;
  readonly outcome: Outcome;
  /** The step in words with the patent's step numbers, as the charts label it: `add_pci slot 0 from LPAR0 (by LPAR1) (500, 501, 503, 504)`. */
  readonly label: string;
  /** What the step changed, one `path: before → after` each. */
  readonly changes: readonly string[];
  /** Every property the step broke, not only the first. */
  readonly violations: readonly ScenarioViolation[];
  readonly witnesses: readonly string[];
}

/** What `slotcheck scenario FILE --json` prints. */
export interface ScenarioResult {
  /** The file, as given (null for a scenario passed as a value). */
  readonly file: string | null;
  readonly title: string;
  readonly design: { readonly id: string; readonly name: string };
  readonly config: Config;
  readonly initialViolations: readonly ScenarioViolation[];
  readonly steps: readonly ScenarioResultStep[];
  /** Every property the scenario decides, in catalogue order. */
  readonly properties: readonly PropertyVerdict[];
  readonly expectations: readonly ExpectationResult[];
  /** 0 every expectation holds · 1 one does not. */
  readonly exitCode: ExitCode;
}

export interface ScenarioApiOptions {
  /** Run the commands on this design instead of the one the file names. */
  readonly design?: DesignInput;
}

const nameOf = (input: string | unknown) => (typeof input === 'string' ? input : 'the scenario');
const refused = (name: string, field: string, message: string) => new SlotcheckError('SC010', `"${name}": field ${field}: ${message}`, `fix that field; ${SCENARIO_FORMAT}`);

/** A scenario from a file or a parsed JSON value, checked against the format (the design is not looked up yet). */
export function readScenario(input: string | unknown): ScenarioSpec {
  const json = typeof input === 'string' ? readJsonFile(input, { unreadable: 'give the path of a scenario file (JSON), such as examples/scenarios/fig10-failover-a.json', notJson: `fix the JSON syntax where the parser stopped; ${SCENARIO_FORMAT}` }) : input;
  const parsed = parseScenario(json);
  if (!parsed.ok) throw refused(nameOf(input), parsed.field, parsed.message);
  return parsed.scenario;
}

/** Run a checked scenario on `design` (the CLI loads a design file first; a library caller may pass any design). */
export function runScenario(spec: ScenarioSpec, design: Design, file: string | null = null): ScenarioResult {
  const start = initialState(spec.config, design);
  (spec.expect.state ?? []).forEach((e, i) => {
    const parsed = parseStatePath(e.path);
    const problem = parsed.ok ? pathProblem(start, parsed.path) : parsed.why;
    if (problem !== null) throw refused(file ?? 'the scenario', `expect.state.${i}.path`, `${problem}; ${STATE_PATH_HELP}`);
  });
  const report = checkScenario({ design, config: spec.config, commands: spec.commands, expect: spec.expect, emulator: {} });
  const on = (where: ScenarioViolation['on']) => (v: { id: string; why: string }): ScenarioViolation => ({ id: v.id, why: v.why, on: where });
  const steps = report.steps.map((s): ScenarioResultStep => ({
    index: s.index,
    command: s.command,
    outcome: s.result.outcome,
    label: stepLabel(s.command, s.result.effects, s.result.outcome, scriptStepOf(s.before, s.command, design)),
    changes: diffStates(s.before, s.result.state),
    violations: [...s.violations.map(on('model')), ...s.emulatorViolations.map(on('emulator'))],
    witnesses: s.witnesses,
  }));
  return {
    file,
    title: spec.title ?? `${design.name}: ${spec.commands.length} commands`,
    design: { id: design.id, name: design.name },
    config: spec.config,
    initialViolations: report.initialViolations.map(on('model')),
    steps,
    properties: report.properties,
    expectations: report.expectations,
    exitCode: report.verdict === 'met' ? EXIT.holds : EXIT.failed,
  };
}

/**
 * Run a scenario file (`slotcheck scenario FILE`): its commands on the design it names, every
 * invariant after every step, every property decided, each expectation judged. A design file the
 * scenario names is loaded by the CLI; from code, pass it as `design`.
 */
export async function scenario(input: string | unknown, options: ScenarioApiOptions = {}): Promise<ScenarioResult> {
  const spec = readScenario(input);
  const design = resolveDesignInputs([options.design ?? spec.design])[0]!.design;
  return runScenario(spec, design, typeof input === 'string' ? input : null);
}
