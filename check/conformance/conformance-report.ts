import type { Command, ModelState } from '../../model/index.ts';
import type { ExecutedStep } from '../executed-step.ts';

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
  /** (state, command) pairs compared (with 'every-edge', those from every edge's emulator too), and how many of them the model accepted. */
  readonly pairs: number;
  readonly accepted: number;
  /** With 'every-edge': the transitions besides the shortest-path ones whose emulator was compared from. */
  readonly otherEdges: number;
  /** The first gap per id, in BFS order (so each on a shortest path). */
  readonly gaps: readonly ConformanceGap[];
  /** statesMax was reached: the states beyond it were not compared. */
  readonly boundHit: boolean;
}

/** A gap with the model's steps along its path and command, as a trace records them. */
export interface ReplayedGap extends ConformanceGap {
  readonly initial: ModelState;
  readonly steps: readonly ExecutedStep[];
}
