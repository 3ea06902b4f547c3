import { initialState, lpar, slot, type Command, type Config, type Design, type ModelState } from '../model/index.ts';
import type { PlantedBug } from '../impl/index.ts';
import { propertyById } from '../properties/catalogue.ts';
import { CONFORMANCE } from '../properties/conformance.ts';
import type { Violation } from '../properties/violations.ts';
import { replayCommands, type ReplayedStep } from '../check/replay.ts';
import { stepLabel } from '../reports/chart-labels.ts';
import type { ChartStep, ChartTrace, ChartViolation } from '../reports/chart-trace.ts';
import { stateToItf } from '../reports/itf.ts';
import { diffStates } from '../reports/state-diff.ts';
import { replayCommand } from '../reports/trace.ts';
import type { ParsedTrace } from '../reports/trace-schema.ts';
import { configWith, resolveDesignInputs, type DesignInput } from './designs.ts';

// Time charts are drawn from a ChartTrace (reports/chart-trace.ts). This module builds one by
// re-executing commands on the model (and the emulator, as the trace did), keeping for every
// step what a person reading the chart needs: the effects with the patent's step numbers, what
// changed, the state after, and every property the step broke.

const sentenceOf = (id: string): string => (id === CONFORMANCE.id ? CONFORMANCE.name : propertyById(id)?.name ?? id);

const violation = (v: Violation, on: ChartViolation['on']): ChartViolation => ({ id: v.id, sentence: sentenceOf(v.id), why: v.why, on });

/** Every invariant a step breaks on the model (not only the first), then the emulator's report. */
function violationsOf(s: ReplayedStep): ChartViolation[] {
  const found = s.violations.map((v) => violation(v, 'model'));
  for (const v of s.emulatorViolations) if (!found.some((f) => f.id === v.id)) found.push(violation(v, 'emulator'));
  return found;
}

/** The script step a cluster_step is about to run, by the design's script (null: it detects). */
export function scriptStepOf(before: ModelState, command: Command, design: Design): string | null {
  if (command.kind !== 'cluster_step') return null;
  const script = before.lpars[command.lpar]?.cluster.script ?? null;
  return script === null ? 'detect' : design.failoverScript[script.step] ?? null;
}

interface Replayable {
  readonly design: Design;
  readonly config: Config;
  readonly commands: readonly Command[];
  readonly propertyId: string;
  readonly loop: number | null;
  readonly emulator: { readonly plantedBug: PlantedBug | null } | null;
}

function replaySteps(r: Replayable): { initial: ChartTrace['initial']; steps: ChartStep[]; verdict: { at: number; why: string } | null } {
  const replayed = replayCommands(r.design, r.config, r.commands, r.propertyId, r.emulator, r.loop);
  const start = initialState(r.config, r.design);
  const initialViolations = replayed.initialViolations.map((v) => violation(v, 'model'));
  const steps = replayed.steps.map((s): ChartStep => ({
    index: s.index,
    command: s.command,
    label: stepLabel(s.command, s.result.effects, s.result.outcome, scriptStepOf(s.before, s.command, r.design)),
    outcome: s.result.outcome,
    effects: s.result.effects,
    changes: diffStates(s.before, s.result.state),
    state: stateToItf(s.result.state, r.design),
    violations: violationsOf(s),
  }));
  const verdict = replayed.verdict.kind === 'violated' ? { at: replayed.verdict.at, why: replayed.verdict.why } : null;
  return { initial: { state: stateToItf(start, r.design), violations: initialViolations }, steps, verdict };
}

/** Add the traced property at the step it broke, when no step check found it there (a liveness lasso). */
function withTracedProperty(steps: ChartStep[], property: { id: string; sentence: string; why: string }, at: number): ChartStep[] {
  return steps.map((s) => (s.index !== at || s.violations.some((v) => v.id === property.id) ? s : { ...s, violations: [...s.violations, { ...property, on: 'trace' as const }] }));
}

const designHead = (d: Design): ChartTrace['design'] => ({ id: d.id, name: d.name, title: d.title, embodiment: d.embodiment, sciSource: d.sciSource });

/** A counterexample's chart, from a trace as `readTrace` returns it; `file` is where it was read from. */
export function chartFromTrace(trace: ParsedTrace, file: string | null = null): ChartTrace {
  const meta = trace.meta;
  const plantedBug = (meta.emulator?.plantedBug ?? null) as PlantedBug | null;
  const { initial, steps } = replaySteps({
    design: trace.design, config: trace.config, commands: trace.commands, propertyId: meta.property.id, loop: meta.loop,
    emulator: meta.emulator === null ? null : { plantedBug },
  });
  const property = { id: meta.property.id, sentence: meta.property.name, why: meta.property.why };
  return {
    title: `${meta.property.id} on ${trace.design.id} ${trace.design.name}`,
    source: file,
    replay: file === null ? null : replayCommand(file),
    design: designHead(trace.design),
    config: trace.config,
    method: meta.method,
    property,
    failingStep: meta.violationStep,
    loop: meta.loop,
    initial,
    steps: withTracedProperty(steps, property, meta.violationStep),
  };
}

export interface ScenarioChartOptions {
  /** Default: "<design name>: <n> commands". */
  readonly title?: string;
  /** Default: 2 LPARs × 1 slot with budgets that never get in the way (fault 50, writes 10). */
  readonly config?: Partial<Config>;
  /** Run the emulator beside the model and report what it finds (default true). */
  readonly emulator?: boolean;
}

/**
 * A chart of commands given by hand (a scenario, such as the patent's Fig. 10): every step is
 * checked against every invariant, and a step that breaks one is marked; the first break is the
 * failing step.
 */
export function chartFromCommands(designInput: DesignInput, commands: readonly Command[], options: ScenarioChartOptions = {}): ChartTrace {
  const design = resolveDesignInputs([designInput])[0]!.design;
  const config = configWith(options.config, { faultBudget: 50, writeBudget: 10 });
  const { initial, steps } = replaySteps({ design, config, commands, propertyId: '', loop: null, emulator: options.emulator === false ? null : { plantedBug: null } });
  const first = [...(initial.violations.length > 0 ? [{ index: 0, v: initial.violations[0]! }] : []), ...steps.flatMap((s) => s.violations.slice(0, 1).map((v) => ({ index: s.index, v })))][0];
  return {
    title: options.title ?? `${design.name}: ${commands.length} commands`,
    source: null,
    replay: null,
    design: designHead(design),
    config,
    method: 'scenario',
    property: first === undefined ? null : { id: first.v.id, sentence: first.v.sentence, why: first.v.why },
    failingStep: first === undefined ? null : first.index,
    loop: null,
    initial,
    steps,
  };
}

const L0 = lpar(0);
const L1 = lpar(1);
const S0 = slot(0);
const clusterStep: Command = { kind: 'cluster_step', lpar: L1 };

/**
 * The patent's Fig. 10 (Fig. 9, case (a)): LPAR0's OS fails, the clustering program in LPAR1
 * detects it after the heartbeat timeout (1100), deactivates LPAR0 (1101), removes the slot from
 * it (1102: 600–602), adds it to LPAR1 (1103: 500–504), LPAR1's OS takes the SCI, reads the GPE
 * register and mounts the disk (505–508), the service starts in LPAR1 (1104) and LPAR0 comes
 * back as the standby (1105). On `patent-lpar-a`, whose script is the patent's order, every
 * property holds along it (model/scenarios/fig9-failover.test.ts pins the same steps).
 */
export const FIG10_SCENARIO = {
  design: 'patent-lpar-a',
  title: 'Fig. 10: fail-over, case (a): the OS of the active LPAR0 fails',
  commands: [
    { kind: 'os_crash', lpar: L0 }, { kind: 'tick' }, { kind: 'tick' },
    clusterStep, clusterStep, clusterStep, clusterStep,
    { kind: 'guest_sci', lpar: L1 }, { kind: 'guest_configure', lpar: L1, slot: S0 }, { kind: 'guest_mount', lpar: L1, slot: S0 },
    clusterStep, clusterStep,
  ] satisfies Command[] as readonly Command[],
} as const;
