import type { Command } from './commands.ts';
import type { Config } from './config.ts';
import type { Design } from './design.ts';
import { initialState } from './initial-state.ts';
import type { StepResult } from './outcome.ts';
import type { ModelState } from './state.ts';
import { step } from './step.ts';
import { enabledCommands } from './enabled-commands.ts';

/** A roomy configuration for scenario tests: budgets that never get in the way. */
export function scenarioConfig(lparCount = 2, slotCount = 1): Config {
  return { lparCount, slotCount, faultBudget: 50, writeBudget: 10 };
}

export interface Played {
  readonly states: readonly ModelState[];
  readonly results: readonly StepResult[];
  readonly final: ModelState;
}

/** Run commands from a state; every result is kept, so tests can look at any step. */
export function play(design: Design, commands: readonly Command[], from: ModelState | Config = scenarioConfig()): Played {
  let state = 'lpars' in from ? from : initialState(from, design);
  const states = [state];
  const results: StepResult[] = [];
  for (const command of commands) {
    const result = step(state, command, design);
    results.push(result);
    state = result.state;
    states.push(state);
  }
  return { states, results, final: state };
}

/** The patent step numbers a result went through, in order. */
export function patentSteps(result: StepResult): number[] {
  return result.effects.flatMap((e) => (e.kind === 'patent-step' ? [e.step] : []));
}

/** Fig. 4 notation for slot 0: 400 (→ LPAR0, enabled), 401 (→ LPAR0, disabled), 402 (→ LPAR1, enabled). */
export function tableState(state: ModelState): string {
  const s = state.slots[0]!;
  return `${s.owner === null ? '-' : `LPAR${s.owner}`}:${s.enabled ? 1 : 0}`;
}

/** Walk from the initial state, taking enabledCommands[pick % n] at each step: a reachable state. */
export function walk(design: Design, config: Config, picks: readonly number[]): ModelState {
  let state = initialState(config, design);
  for (const pick of picks) {
    const enabled = enabledCommands(state, design);
    if (enabled.length === 0) break;
    state = step(state, enabled[pick % enabled.length]!, design).state;
  }
  return state;
}
