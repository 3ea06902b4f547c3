import fc from 'fast-check';
import { initialState, type CommandKind, type Config, type Design } from '../../model/index.ts';
import { INVARIANTS, LIVENESS, WITNESSES } from '../../properties/catalogue.ts';
import type { Invariant, Liveness } from '../../properties/catalogue-types.ts';
import { initialViolation } from '../../properties/violations.ts';
import { runCommandCoverage } from './command-coverage.ts';
import { runCommandsArbitrary, runModel } from './commands.ts';
import { PackedEngine } from './packed-engine.ts';
import { minimizeFailure, newRunContext, type RunSetting } from './replay-run.ts';
import { checkLiveness, PropertyFailure, type ExecutedStep, type RunContext, type Subject } from './run-context.ts';
import { DEFAULT_SUITE, type PropertyReport, type RandomCounterexample, type SuiteReport, type SuiteVerdict } from './suite-report.ts';
import { swarmArbitrary } from './swarm.ts';
import { CONFORMANCE } from '../../properties/conformance.ts';

export interface SuiteOptions {
  readonly design: Design;
  readonly config: Config;
  readonly seed: number;
  readonly runs: number;
  /** Generated commands per run, at most (the fair drain adds its own). */
  readonly maxCommands: number;
  /** Rounds of the fair drain that checks liveness at the end of each run. */
  readonly drainRounds: number;
  /** Shrink attempts at most: replays of a failing run's commands while minimizing it (./minimize.ts); reaching it is reported on the counterexample. */
  readonly shrinkLimit: number;
  /** Limit the check to these property ids (default: the whole catalogue). */
  readonly only?: readonly string[];
  readonly subject?: () => Subject;
  /**
   * Which engine computes the model's steps: `packed` (default), the explorer's packed
   * equivalent of the model, or `reference`, the immer model itself. Both give the same report.
   */
  readonly engine?: 'packed' | 'reference';
  readonly onRun?: (runsDone: number) => void;
}

interface Failure {
  readonly failure: PropertyFailure;
  /** The failing run's steps, decoded only when asked (the packed engine keeps them packed). */
  readonly steps: () => readonly ExecutedStep[];
  readonly loopStart: number | null;
}

const isLivenessId = (id: string) => LIVENESS.some((p) => p.id === id);

/**
 * Random runs of commands and faults against the model (and a subject, if given), checking every
 * invariant after every step and liveness at the end of each run. Each run draws its swarm (the
 * kinds it picks from and their weights, ./swarm.ts) and its steps. A property that fails is
 * recorded with its minimized counterexample (./minimize.ts) and dropped; the runs start again,
 * same seed, until the remaining properties all hold. Witness counts come from that last, complete
 * pass.
 */
export function runSuite(options: SuiteOptions): SuiteReport {
  const { design, config } = options;
  const wanted = (id: string) => options.only === undefined || options.only.includes(id);
  const initial = initialState(config, design);
  const counterexamples = new Map<string, RandomCounterexample>();
  const runsChecked = new Map<string, number>();
  let invariants: Invariant[] = INVARIANTS.filter((p) => wanted(p.id));
  let liveness: Liveness[] = LIVENESS.filter((p) => wanted(p.id) && p.notApplicable(design) === null);
  // What a subject (the emulator) may report: its disagreement with the model, and its own
  // invariant checks. An id is dropped once failing, like the model's own.
  const subjectIds = new Set<string>(options.subject === undefined ? [] : [CONFORMANCE.id, ...invariants.map((p) => p.id)].filter(wanted));

  // The initial state is checked once: a violation there needs no run at all.
  for (let v = initialViolation(initial, design, invariants); v !== null; v = initialViolation(initial, design, invariants)) {
    const found = v;
    counterexamples.set(found.id, { propertyId: found.id, why: found.why, stepIndex: 0, steps: [], loopStart: null, seed: options.seed, path: null, replayPath: null, shrinks: 0, shrinkBoundHit: false });
    runsChecked.set(found.id, 0);
    invariants = invariants.filter((p) => p.id !== found.id);
  }

  let commandsExecuted = 0;
  let acceptedCommands = 0;
  const acceptedKinds = new Map<CommandKind, number>();
  const witnessRuns = new Map<string, number>();
  let drainBoundHits = 0;
  let error: string | null = null;
  const packed = options.engine === 'reference' ? null : new PackedEngine(design, config);
  const setting: RunSetting = { design, initial, packed, drainRounds: options.drainRounds };
  // fast-check does not shrink: a run's steps resolve against the state as they run, so its shrunk
  // runs stay long; the minimizing pass works on the commands the run executed instead.
  const arbitrary = fc.noShrink(fc.tuple(swarmArbitrary(), runCommandsArbitrary(options.maxCommands)));

  for (;;) {
    witnessRuns.clear();
    drainBoundHits = 0;
    let lastFailure: Failure | null = null;
    let runsDone = 0;
    const property = fc.property(arbitrary, ([swarm, cmds]) => {
      const ctx: RunContext = newRunContext(setting, invariants, options.subject?.() ?? null, subjectIds);
      try {
        fc.modelRun(() => ({ model: runModel(swarm), real: ctx }), cmds);
        // Every run ends in the fair drain, liveness checked or not: invariants are checked there too.
        if (checkLiveness(ctx, liveness, options.drainRounds) === 'bound-hit' && liveness.length > 0) drainBoundHits += 1;
      } catch (e) {
        if (e instanceof PropertyFailure) {
          lastFailure = { failure: e, steps: () => ctx.executedSteps(), loopStart: isLivenessId(e.violation.id) ? ctx.stepCount : null };
        }
        throw e;
      } finally {
        commandsExecuted += ctx.stepCount;
        acceptedCommands += ctx.acceptedCount;
        ctx.countAcceptedKinds(acceptedKinds);
        for (const id of ctx.witnessIds()) witnessRuns.set(id, (witnessRuns.get(id) ?? 0) + 1);
        runsDone += 1;
        options.onRun?.(runsDone);
      }
    });
    const details = fc.check(property, { seed: options.seed, numRuns: options.runs, endOnFailure: false });
    if (!details.failed) {
      for (const p of [...invariants, ...liveness]) runsChecked.set(p.id, details.numRuns);
      break;
    }
    const caught = lastFailure as Failure | null;
    if (caught === null || !(details.errorInstance instanceof PropertyFailure)) {
      error = details.errorInstance instanceof Error ? details.errorInstance.stack ?? details.errorInstance.message : String(details.errorInstance);
      break;
    }
    const { violation, stepIndex } = caught.failure;
    const wasActive = invariants.some((p) => p.id === violation.id) || liveness.some((p) => p.id === violation.id) || subjectIds.has(violation.id);
    if (!wasActive) {
      error = `internal: ${violation.id} failed although it was no longer checked`;
      break;
    }
    const steps = caught.steps();
    const generated = steps.filter((s) => s.phase === 'generated').map((s) => s.command);
    const { best, accepted, boundHit } = minimizeFailure(setting, violation.id, generated, options.subject ?? null, options.shrinkLimit);
    counterexamples.set(violation.id, {
      propertyId: violation.id, seed: details.seed, path: details.counterexamplePath, replayPath: null, shrinks: accepted, shrinkBoundHit: boundHit,
      // The run as it failed when the bound left no replay, or (a bug: runs are deterministic) its replay held.
      ...(best === null
        ? { why: violation.why, stepIndex, steps, loopStart: caught.loopStart }
        : { why: best.failure.violation.why, stepIndex: best.failure.stepIndex, steps: best.steps(), loopStart: isLivenessId(violation.id) ? best.failure.stepIndex : null }),
    });
    runsChecked.set(violation.id, details.numRuns);
    invariants = invariants.filter((p) => p.id !== violation.id);
    liveness = liveness.filter((p) => p.id !== violation.id);
    subjectIds.delete(violation.id);
    // Nothing left to check, and no witness to count: another pass would prove nothing.
    if (invariants.length === 0 && liveness.length === 0 && subjectIds.size === 0 && !WITNESSES.some((w) => wanted(w.id))) break;
  }

  const properties = reportProperties(options, counterexamples, runsChecked, witnessRuns, drainBoundHits);
  return {
    design, config, initialState: initial, seed: options.seed, runs: options.runs, maxCommands: options.maxCommands,
    commandsExecuted, acceptedCommands, commandCoverage: runCommandCoverage(config, acceptedKinds), verdict: error !== null ? 'error' : overallVerdict(properties), properties, error,
  };
}

function reportProperties(
  options: SuiteOptions, counterexamples: Map<string, RandomCounterexample>, runsChecked: Map<string, number>,
  witnessRuns: Map<string, number>, drainBoundHits: number,
): PropertyReport[] {
  const { design } = options;
  const wanted = (id: string) => options.only === undefined || options.only.includes(id);
  const out: PropertyReport[] = [];
  if (options.subject !== undefined && wanted(CONFORMANCE.id)) {
    const cx = counterexamples.get(CONFORMANCE.id) ?? null;
    out.push({ ...CONFORMANCE, verdict: cx ? 'counterexample' : 'pass', runs: runsChecked.get(CONFORMANCE.id) ?? options.runs, count: 0, counterexample: cx });
  }
  for (const inv of INVARIANTS.filter((p) => wanted(p.id))) {
    const cx = counterexamples.get(inv.id) ?? null;
    out.push({ id: inv.id, name: inv.name, expect: 'always', verdict: cx ? 'counterexample' : 'pass', runs: runsChecked.get(inv.id) ?? 0, count: 0, note: inv.note, counterexample: cx });
  }
  for (const live of LIVENESS.filter((p) => wanted(p.id))) {
    const na = live.notApplicable(design);
    const cx = counterexamples.get(live.id) ?? null;
    const verdict = na !== null ? 'not-applicable' : cx ? 'counterexample' : drainBoundHits > 0 ? 'inconclusive' : 'pass';
    const note = na ?? (drainBoundHits > 0 ? `the fair drain did not settle within ${options.drainRounds} rounds in ${drainBoundHits} run(s)` : 'checked at the end of every run, after a fair fault-free drain settled');
    out.push({ id: live.id, name: live.name, expect: 'eventually', verdict, runs: runsChecked.get(live.id) ?? 0, count: drainBoundHits, note, counterexample: cx });
  }
  for (const wit of WITNESSES.filter((p) => wanted(p.id))) {
    const na = wit.notApplicable(design);
    const reached = witnessRuns.get(wit.id) ?? 0;
    const verdict = na !== null ? 'not-applicable' : reached > 0 ? 'reached' : 'unreached';
    out.push({ id: wit.id, name: wit.name, expect: 'sometimes', verdict, runs: options.runs, count: reached, note: na ?? '', counterexample: null });
  }
  return out;
}

function overallVerdict(properties: readonly PropertyReport[]): SuiteVerdict {
  if (properties.some((p) => p.verdict === 'counterexample')) return 'counterexample';
  if (properties.some((p) => p.verdict === 'inconclusive' || p.verdict === 'unreached')) return 'inconclusive';
  return 'pass';
}
