import type { Config, Design, ModelState } from '../../model/index.ts';
import type { ExecutedStep } from '../executed-step.ts';
import type { RunCommandCoverage } from './command-coverage.ts';

/** A failing run, minimized (./minimize.ts): the steps that reproduce it, and the fast-check run it came from. */
export interface RandomCounterexample {
  readonly propertyId: string;
  readonly why: string;
  /** Index of the step that broke the property (1-based); 0 means the initial state. */
  readonly stepIndex: number;
  readonly steps: readonly ExecutedStep[];
  /** For a liveness failure: the index of the first step of the loop the run ends in. */
  readonly loopStart: number | null;
  readonly seed: number;
  /** fast-check's path to the failing run: with the seed, `fc.check` runs it again (before it was minimized). */
  readonly path: string | null;
  /** fast-check's replayPath of a `commands` arbitrary; null, as a run's steps are an array resolved as they run. */
  readonly replayPath: string | null;
  /** Shorter traces the minimizing pass kept. */
  readonly shrinks: number;
  /** Minimizing stopped at its bound (the suite's shrinkLimit): the counterexample may not be the shortest. */
  readonly shrinkBoundHit: boolean;
}

export type PropertyVerdict =
  | 'pass' //           an invariant or liveness property held in every run
  | 'counterexample' // it failed; see the counterexample
  | 'inconclusive' //   a bound was hit before a verdict (liveness: the fair drain did not settle)
  | 'reached' //        a witness was reached
  | 'unreached' //      a witness that should be reachable never was: the runs proved little
  | 'not-applicable'; // the design cannot exhibit it (say why)

export interface PropertyReport {
  readonly id: string;
  readonly name: string;
  readonly expect: 'always' | 'eventually' | 'sometimes';
  readonly verdict: PropertyVerdict;
  /** Runs in which the property was checked (up to and including the failing one). */
  readonly runs: number;
  /** For witnesses: the runs that reached it. For liveness: runs whose drain hit its bound. */
  readonly count: number;
  readonly note: string;
  readonly counterexample: RandomCounterexample | null;
}

export type SuiteVerdict = 'pass' | 'counterexample' | 'inconclusive' | 'error';

export interface SuiteReport {
  readonly design: Design;
  readonly config: Config;
  /** The state every run and counterexample starts from. */
  readonly initialState: ModelState;
  readonly seed: number;
  readonly runs: number;
  readonly maxCommands: number;
  /** Steps of every run, the fair drain's included (runs repeated after a failure too; the replays that minimize a counterexample not). */
  readonly commandsExecuted: number;
  readonly acceptedCommands: number;
  /** Accepted commands per kind, counted as the two counts above. */
  readonly commandCoverage: RunCommandCoverage;
  readonly verdict: SuiteVerdict;
  readonly properties: readonly PropertyReport[];
  /** Set when the verdict is `error`: an exception that is a bug in the tool or the design. */
  readonly error: string | null;
}

/** The random suite's defaults: a report's maxCommands is named in its trace files only when it is not the default. */
export const DEFAULT_SUITE = { runs: 200, maxCommands: 60, drainRounds: 200, shrinkLimit: 5000 } as const;
