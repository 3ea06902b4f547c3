import { isPerturbation, type Command, type Config, type Design, type ModelState, type Outcome } from '../model/index.ts';
import { argumentProblem, budgetRefusal } from '../model/validate.ts';
import { abstractState } from './abstract.ts';
import { ROUTES } from './commands.ts';
import { EV_GK_REWRITE } from './event-queue.ts';
import { rewriteGateKeeper } from './hot-plug.ts';
import { Machine, type PlantedBug } from './machine.ts';
import type { Observation } from './observations.ts';
import type { Refusal } from '../model/handler.ts';

export interface EmulatorOptions {
  readonly plantedBug?: PlantedBug | null;
}

export interface EmulatorStep {
  readonly outcome: Outcome;
  readonly observations: readonly Observation[];
}

const OK: Outcome = Object.freeze({ kind: 'ok' });
const NOTHING: readonly Observation[] = Object.freeze([]);

/**
 * The machine at register level, driven by the model's command union: each command is a
 * scheduler choice (deliver a pending event, let a component take its next step, inject a fault).
 * A refused command changes nothing and never throws.
 */
export class Emulator {
  readonly machine: Machine;
  private readonly route: (command: Command) => { refusal: (m: Machine, c: Command) => Refusal | null; run: (m: Machine, c: Command) => void };

  constructor(readonly config: Config, readonly design: Design, options: EmulatorOptions = {}) {
    this.machine = new Machine(config, design, options.plantedBug ?? null);
    this.route = (command) => ROUTES[command.kind] as unknown as ReturnType<typeof this.route>;
  }

  apply(command: Command): EmulatorStep {
    const m = this.machine;
    m.log = [];
    const lateRewrites = this.lateRewritesDue();
    const problem = this.refusal(command);
    if (problem === null) {
      this.route(command).run(m, command);
      if (isPerturbation(command.kind)) m.faultsUsed += 1;
    }
    if (lateRewrites !== 0) this.deliverLateRewrites(lateRewrites);
    const observations = m.log.length === 0 ? NOTHING : m.log;
    return { outcome: problem === null ? OK : { kind: 'rejected', code: problem.code, message: problem.message }, observations };
  }

  /** Why `command` would be refused now, or null. */
  refusal(command: Command): Refusal | null {
    const m = this.machine;
    // Decoding a command and counting the fault budget are input handling, not semantics: shared with the model.
    const problem = argumentProblem(this.config, command) ?? (isPerturbation(command.kind) ? budgetRefusal(m.faultsUsed, this.config) : null);
    return problem ?? this.route(command).refusal(m, command);
  }

  abstract(): ModelState {
    return abstractState(this.machine);
  }

  /** Planted bug only: gate keeper rewrites issued before this command land after it. */
  private lateRewritesDue(): number {
    if (this.machine.plantedBug === null) return 0;
    let due = 0;
    for (let s = 0; s < this.machine.slotCount; s += 1) if (this.machine.queue.has(EV_GK_REWRITE, s)) due |= 1 << s;
    return due;
  }

  private deliverLateRewrites(due: number): void {
    const m = this.machine;
    for (let s = 0; s < m.slotCount; s += 1) {
      if ((due & (1 << s)) === 0) continue;
      const lpar = m.queue.argOf(EV_GK_REWRITE, s);
      m.queue.cancel(EV_GK_REWRITE, s);
      rewriteGateKeeper(m, s, lpar);
    }
  }
}
