import { allCommands, initialState, stateKey, step, type Command, type Config, type Design, type ModelState } from '../../model/index.ts';
import type { EmulatorOptions } from '../../impl/index.ts';
import { ConformanceChecker } from './checker.ts';
import { referenceModelStep } from './model-step.ts';

// Conformance on every transition of a small space, not only on the random runs' samples: from
// every state the model reaches within the budgets, every command of the configuration (accepted
// or refused) is applied to the model and to an emulator brought to that state by replaying the
// model's shortest path to it. The emulator has no copy operation, so each (state, command) pair
// gets a fresh emulator; the replay itself is not compared again (each of its steps is a pair of a
// shallower state, compared there), only the last step is. One emulator per model state: where
// several emulator states abstract to the same model state, only the first path's is checked.

export interface ConformanceGap {
  /** The commands from the initial state to the state the command was applied in. */
  readonly path: readonly Command[];
  readonly command: Command;
  /** CONFORMANCE (outcome, reason code or abstracted state differ), or an invariant the emulator finds broken and the model does not. */
  readonly id: string;
  readonly why: string;
  /** The first problem of its step, the one `emulatorSubject` reports: what a replay of the path finds. */
  readonly firstOfStep: boolean;
}

export interface ExhaustiveConformance {
  /** Model states reached (all of them, unless `boundHit`). */
  readonly states: number;
  /** (state, command) pairs compared, and how many of them the model accepted. */
  readonly pairs: number;
  readonly accepted: number;
  /** The first gap per id, in BFS order (so each on a shortest path). */
  readonly gaps: readonly ConformanceGap[];
  /** statesMax was reached: the states beyond it were not compared. */
  readonly boundHit: boolean;
}

interface Reached {
  readonly state: ModelState;
  readonly parent: number;
  readonly command: Command | null;
}

function pathTo(reached: readonly Reached[], index: number): Command[] {
  const path: Command[] = [];
  for (let at = index; reached[at]!.command !== null; at = reached[at]!.parent) path.push(reached[at]!.command!);
  return path.reverse();
}

export function checkEveryTransition(design: Design, config: Config, options: { readonly statesMax: number; readonly emulator?: EmulatorOptions }): ExhaustiveConformance {
  const commands = allCommands(config);
  const reached: Reached[] = [{ state: initialState(config, design), parent: -1, command: null }];
  const seen = new Set([stateKey(reached[0]!.state)]);
  const gaps = new Map<string, ConformanceGap>();
  let pairs = 0;
  let accepted = 0;
  let boundHit = false;
  for (let index = 0; index < reached.length; index += 1) {
    const before = reached[index]!.state;
    const path = pathTo(reached, index);
    for (const command of commands) {
      const checker = new ConformanceChecker(config, design, options.emulator);
      for (const earlier of path) checker.emulator.apply(earlier);
      const result = step(before, command, design);
      const t = referenceModelStep({ before, command, result, design });
      const found = checker.step(t);
      pairs += 1;
      const parted = [
        ...(found.disagreement === null ? [] : [{ id: 'CONFORMANCE', why: found.disagreement }]),
        ...found.violations.filter((v) => !t.violates(v.id)),
      ];
      parted.forEach((gap, k) => { if (!gaps.has(gap.id)) gaps.set(gap.id, { path, command, id: gap.id, why: gap.why, firstOfStep: k === 0 }); });
      if (result.outcome.kind !== 'ok') continue;
      accepted += 1;
      const key = stateKey(result.state);
      if (seen.has(key)) continue;
      if (reached.length >= options.statesMax) {
        boundHit = true;
        continue;
      }
      seen.add(key);
      reached.push({ state: result.state, parent: index, command });
    }
  }
  return { states: reached.length, pairs, accepted, gaps: [...gaps.values()], boundHit };
}
