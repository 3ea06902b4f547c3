import type { Config, Design, Outcome } from '../../model/index.ts';
import { Emulator, type EmulatorOptions, type EmulatorStep } from '../../impl/index.ts';
import type { Violation } from '../../properties/violations.ts';
import { EMULATOR_INVARIANTS } from '../../properties/emulator/emulator-invariants.ts';
import type { ModelStep } from './model-step.ts';
import { StepView } from '../../properties/emulator/step-view.ts';

/** What one step showed: a disagreement with the model, and every invariant the emulator found broken. */
export interface StepFindings {
  readonly step: EmulatorStep;
  /** Why model and emulator disagree (outcome or abstracted state), or null. */
  readonly disagreement: string | null;
  /** Emulator-side invariant violations, in catalogue order, each with `(emulator)` in its reason. */
  readonly violations: readonly Violation[];
}

const NO_VIOLATIONS: readonly Violation[] = Object.freeze([]);

function describe(o: Outcome): string {
  return o.kind === 'ok' ? 'ok' : `rejected (${o.code})`;
}

/** Drives an emulator beside the model, one transition at a time, and says where they part. */
export class ConformanceChecker {
  readonly emulator: Emulator;
  private readonly view: StepView;

  constructor(config: Config, design: Design, options: EmulatorOptions = {}) {
    this.emulator = new Emulator(config, design, options);
    this.view = new StepView(this.emulator.machine);
  }

  /** Apply the command the model just took, compare, and check the emulator-side invariants. */
  step(t: ModelStep): StepFindings {
    this.view.snapshot();
    const step = this.emulator.apply(t.command);
    this.view.observations = step.observations;
    return { step, disagreement: this.disagreement(t, step), violations: this.violations() };
  }

  private disagreement(t: ModelStep, step: EmulatorStep): string | null {
    const model = t.outcome;
    const emu = step.outcome;
    const sameOutcome = model.kind === emu.kind && (model.kind === 'ok' || (emu.kind === 'rejected' && model.code === emu.code));
    if (!sameOutcome) {
      const why = emu.kind === 'rejected' ? ` (emulator: ${emu.message})` : model.kind === 'rejected' ? ` (model: ${model.message})` : '';
      return `${t.command.kind}: model ${describe(model)}, emulator ${describe(emu)}${why}`;
    }
    const differences = t.differences(this.emulator.machine);
    // Keys sorted, as a trace file stores the command: the sentence is the same when the trace is replayed.
    return differences.length === 0 ? null : `after ${JSON.stringify(t.command, Object.keys(t.command).sort())} the abstracted state differs: ${differences.join('; ')}`;
  }

  private violations(): readonly Violation[] {
    let found: Violation[] | null = null;
    for (const inv of EMULATOR_INVARIANTS) {
      const why = inv.check(this.view);
      if (why === null) continue;
      (found ??= []).push({ id: inv.id, why: `${why} (emulator)` });
    }
    return found ?? NO_VIOLATIONS;
  }
}
