import { allCommands, initialState, stateKey, step, type Command, type Config, type Design, type ModelState, type StepResult } from '../../model/index.ts';
import type { EmulatorOptions } from '../../impl/index.ts';
import { ConformanceChecker } from './checker.ts';
import { referenceModelStep } from './model-step.ts';
import type { ExecutedStep } from '../executed-step.ts';
import type { ConformanceGap, ExhaustiveConformance, ReplayedGap } from './conformance-report.ts';

export type { ConformanceGap, ExhaustiveConformance, ReplayedGap };

// Conformance on every transition of a small space, not only on the random runs' samples: from
// every state the model reaches within the budgets, every command of the configuration (accepted
// or refused) is applied to the model and to an emulator brought to that state by replaying the
// model's shortest path to it. The emulator has no copy operation, so each (state, command) pair
// gets a fresh emulator; the replay itself is not compared again (each of its steps is a pair of a
// shallower state, compared there), only the last step is. With `along: 'shortest-path'` there is
// one emulator per model state: where several emulator states abstract to the same model state,
// only the shortest path's is checked. `along: 'every-edge'` checks more of them: after the pass
// over shortest paths, for every other accepted transition s → t of the model's graph (a self-loop,
// or an edge into a state reached first another way), every command is applied again from t, to
// an emulator that came to t by the shortest path to s and that edge. Emulator state the
// abstraction leaves out (its clock, queued events, memory) then differs between the two
// emulators of t; paths of two or more non-shortest edges are still not checked.

interface Reached {
  readonly state: ModelState;
  readonly parent: number;
  readonly command: Command | null;
}

/** An accepted transition not on the tree of shortest paths: from state `from` by `command` to `to`. */
interface Edge {
  readonly from: number;
  readonly command: Command;
  readonly to: number;
}

export interface EveryTransitionOptions {
  readonly statesMax: number;
  readonly emulator?: EmulatorOptions;
  /** Which emulators of each model state are compared: the shortest path's (default), or also every other edge's. */
  readonly along?: 'shortest-path' | 'every-edge';
}

function pathTo(reached: readonly Reached[], index: number): Command[] {
  const path: Command[] = [];
  for (let at = index; reached[at]!.command !== null; at = reached[at]!.parent) path.push(reached[at]!.command!);
  return path.reverse();
}

/**
 * One command on the model (from `before`) and on the checker's emulator: the model's step, and
 * where the two parted, the first problem first: CONFORMANCE (outcome, reason code or abstracted
 * state differ), then each invariant the emulator finds broken and the model does not.
 */
export function compareStep(checker: ConformanceChecker, before: ModelState, command: Command, design: Design): { result: StepResult; parted: { id: string; why: string }[] } {
  const result = step(before, command, design);
  const t = referenceModelStep({ before, command, result, design });
  const found = checker.step(t);
  const parted = [
    ...(found.disagreement === null ? [] : [{ id: 'CONFORMANCE', why: found.disagreement }]),
    ...found.violations.filter((v) => !t.violates(v.id)),
  ];
  return { result, parted };
}

export function checkEveryTransition(design: Design, config: Config, options: EveryTransitionOptions): ExhaustiveConformance {
  const commands = allCommands(config);
  const reached: Reached[] = [{ state: initialState(config, design), parent: -1, command: null }];
  const indexOf = new Map([[stateKey(reached[0]!.state), 0]]);
  const otherEdges: Edge[] = [];
  const gaps = new Map<string, ConformanceGap>();
  let pairs = 0;
  let accepted = 0;
  let boundHit = false;

  /** Every command from `before`, to a fresh emulator brought there by `path`; the model's accepted successors. */
  const compareFrom = (before: ModelState, path: readonly Command[], onAccepted: (command: Command, after: ModelState) => void) => {
    for (const command of commands) {
      const checker = new ConformanceChecker(config, design, options.emulator);
      for (const earlier of path) checker.emulator.apply(earlier);
      const { result, parted } = compareStep(checker, before, command, design);
      pairs += 1;
      parted.forEach((gap, k) => { if (!gaps.has(gap.id)) gaps.set(gap.id, { path, command, id: gap.id, why: gap.why, firstOfStep: k === 0 }); });
      if (result.outcome.kind !== 'ok') continue;
      accepted += 1;
      onAccepted(command, result.state);
    }
  };

  for (let index = 0; index < reached.length; index += 1) {
    compareFrom(reached[index]!.state, pathTo(reached, index), (command, after) => {
      const key = stateKey(after);
      const known = indexOf.get(key);
      if (known !== undefined) {
        if (options.along === 'every-edge') otherEdges.push({ from: index, command, to: known });
        return;
      }
      if (reached.length >= options.statesMax) {
        boundHit = true;
        return;
      }
      indexOf.set(key, reached.length);
      reached.push({ state: after, parent: index, command });
    });
  }
  // Every other edge, shallowest source first, so that a gap only they show is on the shortest such path.
  if (options.along === 'every-edge') {
    for (const edge of otherEdges) compareFrom(reached[edge.to]!.state, [...pathTo(reached, edge.from), edge.command], () => {});
  }
  return { states: reached.length, pairs, accepted, otherEdges: otherEdges.length, gaps: [...gaps.values()], boundHit };
}

/** The model's steps along a gap's path and command: what its trace shows. */
export function replayGap(gap: ConformanceGap, design: Design, config: Config): ReplayedGap {
  const initial = initialState(config, design);
  let state = initial;
  const steps: ExecutedStep[] = [...gap.path, gap.command].map((command) => {
    const result = step(state, command, design);
    state = result.state;
    return { command, outcome: result.outcome, state: result.state, phase: 'explored' };
  });
  return { ...gap, initial, steps };
}
