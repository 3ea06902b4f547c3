import { initialState, type Command, type Config, type Design, type ModelState } from '../../model/index.ts';
import type { EmulatorOptions } from '../../impl/index.ts';
import { WITNESSES } from '../../properties/catalogue.ts';
import { witnessesReached, type Violation } from '../../properties/violations.ts';
import { replayCommands, type ReplayedStep } from '../replay.ts';
import { judgeExpectations, type ExpectationResult, type ScenarioExpectations } from './expectations.ts';
import { propertyVerdicts, type PropertyVerdict } from './property-verdicts.ts';

/** A scenario as data: a design, a configuration, commands, and what the run must show. */
export interface Scenario {
  readonly design: Design;
  readonly config: Config;
  readonly commands: readonly Command[];
  readonly expect: ScenarioExpectations;
  /** Drive the emulator beside the model (its disagreements are CONFORMANCE); null: the model alone. */
  readonly emulator: EmulatorOptions | null;
}

/** A step as a scenario replays it, with the witnesses it reached. */
export interface ScenarioStep extends ReplayedStep {
  readonly witnesses: readonly string[];
}

export interface ScenarioReport {
  readonly initialViolations: readonly Violation[];
  readonly steps: readonly ScenarioStep[];
  /** The initial state, then the state after each step. */
  readonly states: readonly ModelState[];
  /** Every property the scenario decides, in catalogue order. */
  readonly properties: readonly PropertyVerdict[];
  readonly expectations: readonly ExpectationResult[];
  /** `met` when every expectation is (a scenario that expects nothing is met). */
  readonly verdict: 'met' | 'unmet';
}

/**
 * Run a scenario: every command on the model (and the emulator), every invariant checked after
 * every step, every property decided, then each expectation judged. Pure: the same scenario gives
 * the same report.
 */
export function checkScenario(s: Scenario): ScenarioReport {
  const replay = replayCommands(s.design, s.config, s.commands, '', s.emulator);
  const steps = replay.steps.map((r): ScenarioStep => ({ ...r, witnesses: witnessesReached({ before: r.before, command: r.command, result: r.result, design: s.design }, WITNESSES) }));
  const states = [initialState(s.config, s.design), ...steps.map((r) => r.result.state)];
  const properties = propertyVerdicts(s.design, replay, states, s.commands, s.emulator !== null);
  const expectations = judgeExpectations(s.expect, { states, properties, witnesses: steps.map((r) => r.witnesses) });
  return { initialViolations: replay.initialViolations, steps, states, properties, expectations, verdict: expectations.every((e) => e.met) ? 'met' : 'unmet' };
}
