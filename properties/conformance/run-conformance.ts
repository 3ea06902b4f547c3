import fc from 'fast-check';
import { initialState, type Config, type Design } from '../../model/index.ts';
import type { EmulatorOptions } from '../../impl/index.ts';
import { commandArbitrary } from '../random/commands.ts';
import { PropertyFailure, RunContext, type ExecutedStep } from '../random/run-context.ts';
import { emulatorSubject } from './subject.ts';

export interface ConformanceOptions {
  readonly design: Design;
  readonly config: Config;
  readonly seed: number;
  readonly runs: number;
  readonly maxCommands: number;
  readonly shrinkLimit: number;
  readonly emulator?: EmulatorOptions;
}

export type ConformanceResult =
  | { readonly verdict: 'pass'; readonly runs: number; readonly commands: number }
  | {
    readonly verdict: 'counterexample'; readonly id: string; readonly why: string; readonly stepIndex: number; readonly steps: readonly ExecutedStep[];
    readonly seed: number; readonly path: string | null; readonly shrinks: number; readonly shrinkBoundHit: boolean;
  }
  | { readonly verdict: 'error'; readonly error: string };

/**
 * Model-versus-emulator runs only: the random suite's command generator and run context, with
 * the model's own invariants left out, so that the one thing that can fail a run is the emulator
 * subject (CONFORMANCE, or an emulator-side invariant the model does not also find). Stops at the
 * first counterexample, shrunk; the suite's loop (which drops a failed id and runs again) cannot
 * drop an id the subject reports, so conformance failures are looked for here.
 */
export function runConformance(options: ConformanceOptions): ConformanceResult {
  const { design, config } = options;
  const initial = initialState(config, design);
  let last: { failure: PropertyFailure; steps: readonly ExecutedStep[] } | null = null;
  let commands = 0;
  let invocations = 0;
  const arbitrary = fc.limitShrink(fc.commands([commandArbitrary(config)], { maxCommands: options.maxCommands, size: 'max' }), options.shrinkLimit);
  const property = fc.property(arbitrary, (cmds) => {
    invocations += 1;
    const ctx = new RunContext(design, initial, [], [], emulatorSubject(config, design, options.emulator));
    try {
      fc.modelRun(() => ({ model: {}, real: ctx }), cmds);
    } catch (e) {
      if (e instanceof PropertyFailure) last = { failure: e, steps: [...ctx.steps] };
      throw e;
    } finally {
      commands += ctx.steps.length;
    }
  });
  const details = fc.check(property, { seed: options.seed, numRuns: options.runs });
  if (!details.failed) return { verdict: 'pass', runs: details.numRuns, commands };
  const caught = last as { failure: PropertyFailure; steps: readonly ExecutedStep[] } | null;
  if (caught === null || !(details.errorInstance instanceof PropertyFailure)) {
    const e = details.errorInstance;
    return { verdict: 'error', error: e instanceof Error ? e.stack ?? e.message : String(e) };
  }
  const { violation, stepIndex } = caught.failure;
  return {
    verdict: 'counterexample', id: violation.id, why: violation.why, stepIndex, steps: caught.steps,
    seed: details.seed, path: details.counterexamplePath, shrinks: details.numShrinks, shrinkBoundHit: invocations - details.numRuns >= options.shrinkLimit,
  };
}
