import { allCommands, type Command, type Design, type ModelState } from '../../model/index.ts';
import type { Invariant, Liveness } from '../../properties/catalogue-types.ts';
import { INVARIANTS, LIVENESS, WITNESSES } from '../../properties/catalogue.ts';
import { minimizeCommands, type Replayed } from './minimize.ts';
import type { PackedEngine } from './packed-engine.ts';
import { PackedRunContext } from './packed-run-context.ts';
import { ReferenceRunContext } from './reference-run-context.ts';
import { candidateIndices } from './pick-weights.ts';
import { checkLiveness, PropertyFailure, type ExecutedStep, type RunContext, type Subject } from './run-context.ts';

/** What a run is checked on: the design from its initial state, on one of the two engines. */
export interface RunSetting {
  readonly design: Design;
  readonly initial: ModelState;
  /** The packed engine, or null for the reference model. */
  readonly packed: PackedEngine | null;
  readonly drainRounds: number;
}

/** A fresh run context on the setting's engine. */
export function newRunContext(setting: RunSetting, invariants: readonly Invariant[], subject: Subject | null, subjectIds: ReadonlySet<string>): RunContext {
  return setting.packed === null
    ? new ReferenceRunContext(setting.design, setting.initial, invariants, WITNESSES, subject, subjectIds)
    : new PackedRunContext(setting.packed, invariants, WITNESSES, subject, subjectIds);
}

/** A replay that broke the property, with what its counterexample needs. */
export interface ReplayedFailure extends Replayed {
  readonly failure: PropertyFailure;
  readonly steps: () => ExecutedStep[];
}

/**
 * Replay commands and check one property alone (the explorer's shortest paths are per property
 * too): every command, then the fair drain (invariants are checked there as well), then the
 * property's obligations if it is a liveness property. With `subject`, the emulator is driven
 * too and may report the property (CONFORMANCE, or an invariant only registers show).
 */
export function replayFor(setting: RunSetting, propertyId: string, subject: (() => Subject) | null): (commands: readonly Command[]) => ReplayedFailure | null {
  const invariants = INVARIANTS.filter((p) => p.id === propertyId);
  const liveness: Liveness[] = LIVENESS.filter((p) => p.id === propertyId);
  const subjectIds = new Set(subject === null ? [] : [propertyId]);
  return (commands) => {
    const ctx = newRunContext(setting, invariants, subject?.() ?? null, subjectIds);
    try {
      for (const command of commands) ctx.apply(command);
      checkLiveness(ctx, liveness, setting.drainRounds);
      return null;
    } catch (e) {
      if (!(e instanceof PropertyFailure)) throw e;
      const failure = e;
      const replayed = commands.slice(0, Math.min(commands.length, failure.stepIndex));
      return {
        failure, commands: replayed, length: failure.stepIndex, steps: () => ctx.executedSteps(),
        get refused() {
          return ctx.executedSteps().slice(0, replayed.length).flatMap((s, i) => (s.outcome.kind === 'ok' ? [] : [i]));
        },
      };
    }
  };
}

/** The commands enabled after a prefix (no property checked). */
function endingsFor(setting: RunSetting): (prefix: readonly Command[]) => readonly Command[] {
  return (prefix) => {
    const ctx = newRunContext(setting, [], null, new Set());
    for (const command of prefix) ctx.apply(command);
    const commands = allCommands(ctx.config);
    return ctx.enabledAmong(candidateIndices(ctx.config)).map((i) => commands[i]!);
  };
}

/** A minimized failure: the shortest replay found (null when even the run's own commands did not break the property again), and the effort. */
export interface MinimizedFailure {
  readonly best: ReplayedFailure | null;
  readonly replays: number;
  readonly accepted: number;
  readonly boundHit: boolean;
}

/**
 * Minimize a failing run's commands (./minimize.ts) for the property it broke. The model alone is
 * tried first (cheaper, and it decides every catalogue property); the subject is driven too only
 * when the model alone does not break the property again (CONFORMANCE, or what only registers show).
 */
export function minimizeFailure(setting: RunSetting, propertyId: string, commands: readonly Command[], subject: (() => Subject) | null, limit: number): MinimizedFailure {
  const run = (withSubject: (() => Subject) | null) => {
    const replay = replayFor(setting, propertyId, withSubject);
    return minimizeCommands<ReplayedFailure>({ commands, replay, endingsAfter: endingsFor(setting), limit });
  };
  const modelOnly = run(null);
  if (modelOnly.best !== null || subject === null) return modelOnly;
  const withSubject = run(subject);
  return { ...withSubject, replays: withSubject.replays + modelOnly.replays };
}
