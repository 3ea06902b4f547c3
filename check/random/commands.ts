import fc from 'fast-check';
import { COMMAND_FIELDS, COMMAND_KINDS, type Command } from '../../model/index.ts';
import { bucketsFor, candidateAt, initiallyEnabled, kindAt, weighPick, type Aim } from './pick-weights.ts';
import type { RunContext } from './run-context.ts';
import type { Swarm } from './swarm.ts';

/** What fast-check's model-based runner hands every step of a run: its swarm (./swarm.ts), and what its picks so far saw. */
export interface RunModel {
  readonly swarm: Swarm;
  /** The candidates enabled at the run's previous pick (ascending), null before its first. */
  lastEnabled: readonly number[] | null;
  /** Picks so far, and perturbations among them. */
  picks: number;
  perturbations: number;
  /** The candidates the initial state enables (./pick-weights.ts), looked up at the first pick. */
  initially: Uint8Array | null;
}

/** The model of a run that starts with `swarm`. */
export function runModel(swarm: Swarm): RunModel {
  return { swarm, lastEnabled: null, picks: 0, perturbations: 0, initially: null };
}

/**
 * Biased fault timing: after its first, a run's perturbation rate is this many times higher while
 * a flow is half done (./mid-flow.ts), and at least FRESH_PERCENT when a perturbation just became
 * possible (./pick-weights.ts); never above MAX_PERTURBATION_PERCENT.
 */
const MID_FLOW_FACTOR = 2;
const FRESH_PERCENT = 50;
const MAX_PERTURBATION_PERCENT = 80;

const TICK: Command = Object.freeze({ kind: 'tick' });
const ANY: Aim = Object.freeze({ kind: 'any' });
const ALL = () => true;

/**
 * One generated step, resolved when it runs: a perturbation or not (the run's fault timing), then
 * a kind by weight (./pick-weights.ts), then a command of it. Half of the perturbations aim at the
 * service or at a flow half done. `featureRoll` and `argRoll` make every choice, so the seed and
 * the state decide the step; the resolved command is what the trace shows.
 */
export class DrawCommand implements fc.Command<RunModel, RunContext> {
  /** What the step resolved to: a command, or a settle's rounds. */
  resolved: Command | number | null = null;
  constructor(readonly featureRoll: number, readonly argRoll: number) {}
  check(): boolean {
    return true;
  }
  run(m: RunModel, ctx: RunContext): void {
    const { swarm } = m;
    const buckets = bucketsFor(ctx.config);
    const enabled = ctx.enabledAmong(buckets.everything);
    m.initially ??= initiallyEnabled(ctx.design, ctx.config);
    const w = weighPick(swarm, buckets, m.initially, enabled, m.lastEnabled);
    m.lastEnabled = enabled;
    const flowLpars = ctx.flowLpars();
    const perturb = w.perturbationTotal > 0 && this.perturbsNow(m, w.fresh, flowLpars);
    m.picks += 1;
    if (perturb) m.perturbations += 1;
    else if (w.stepTotal === 0) return this.fallback(ctx, enabled);
    let roll = Math.floor(this.featureRoll / 100) % (perturb ? w.perturbationTotal : w.stepTotal);
    if (!perturb) {
      if (roll < swarm.settleWeight) return this.settle(ctx);
      roll -= swarm.settleWeight;
      if (roll < swarm.rawWeight) return this.raw(ctx);
      roll -= swarm.rawWeight;
    }
    const kind = kindAt(w, perturb, roll);
    // A third of the perturbations aim at the active LPAR or the service's slot: their failures
    // drive fail-overs, second fail-overs (fail-back), false positives and empty-slot hot-adds.
    // A third aim at the LPARs of a flow half done, if one is: faults in the middle of flows. A
    // perturbation is one of its kind's most marked (fresh, then new).
    const aimRoll = this.argRoll % 3;
    const aim: Aim = !perturb || aimRoll === 2 ? ANY : aimRoll === 0 ? { kind: 'service', owner: ctx.serviceOwner } : { kind: 'flow', lpars: flowLpars };
    const accept = perturb ? (i: number) => w.candidateMark[i] === w.kindMark[kind] : ALL;
    const chosen = candidateAt(buckets, enabled, kind, accept, aim, perturb ? Math.floor(this.argRoll / 3) : this.argRoll);
    this.resolved = buckets.all[chosen]!.command;
    ctx.applyCandidate(chosen);
  }
  /** The run's first perturbation comes at its onset pick; later ones at its rate, raised mid-flow or when one is fresh. */
  private perturbsNow(m: RunModel, fresh: boolean, flowLpars: number): boolean {
    const { firstPerturbationPick, perturbationPercent } = m.swarm;
    if (firstPerturbationPick === null) return false;
    if (m.perturbations === 0) return m.picks >= firstPerturbationPick;
    const rate = perturbationPercent * (flowLpars !== 0 ? MID_FLOW_FACTOR : 1);
    return this.featureRoll % 100 < Math.min(MAX_PERTURBATION_PERCENT, fresh ? Math.max(FRESH_PERCENT, rate) : rate);
  }
  /** Nothing the swarm weighs is enabled: one of the enabled steps that is no perturbation, or a tick. */
  private fallback(ctx: RunContext, enabled: readonly number[]): void {
    const { all } = bucketsFor(ctx.config);
    const steps = enabled.filter((i) => !all[i]!.perturbation);
    if (steps.length === 0) {
      this.resolved = TICK;
      ctx.apply(TICK);
      return;
    }
    const chosen = steps[this.argRoll % steps.length]!;
    this.resolved = all[chosen]!.command;
    ctx.applyCandidate(chosen);
  }
  /** Let the protocol run: every fair step, round-robin, until nothing changes or 1–30 rounds. */
  private settle(ctx: RunContext): void {
    const rounds = 1 + (this.argRoll % 30);
    this.resolved = rounds;
    ctx.settle(rounds, 'generated');
  }
  /** Any command of any kind, with arguments from -1 to one past the configuration's range. */
  private raw(ctx: RunContext): void {
    const { config } = ctx;
    const kind = COMMAND_KINDS[this.argRoll % COMMAND_KINDS.length]!;
    let rest = Math.floor(this.argRoll / COMMAND_KINDS.length);
    const command: Record<string, unknown> = { kind };
    for (const field of COMMAND_FIELDS[kind]) {
      const values = (field === 'slot' ? config.slotCount : config.lparCount) + 2;
      command[field] = (rest % values) - 1;
      rest = Math.floor(rest / values);
    }
    this.resolved = command as unknown as Command;
    ctx.apply(this.resolved);
  }
  toString(): string {
    const r = this.resolved;
    return r === null ? `draw(${this.featureRoll},${this.argRoll})` : typeof r === 'number' ? `settle(${r})` : JSON.stringify(r);
  }
}

/**
 * A step of a run: two rolls, resolved against the swarm and the state when it runs. Uniform (no
 * bias toward small values): a small roll is no simpler a step, only the first feature in order.
 */
export function commandArbitrary(): fc.Arbitrary<DrawCommand> {
  return fc.noBias(fc.tuple(fc.nat(999_999), fc.nat(999_999))).map(([feature, arg]) => new DrawCommand(feature, arg));
}

/**
 * The generated steps of a run: from half of `maxCommands` to all of them. A fault budget of a few
 * per run makes a run worth its length after the faults, so no run is very short (fast-check's
 * `commands` draws any length from 0); the steps resolve as they run, so an array of them serves
 * `fc.modelRun` as well.
 */
export function runCommandsArbitrary(maxCommands: number): fc.Arbitrary<DrawCommand[]> {
  return fc.noBias(fc.array(commandArbitrary(), { minLength: Math.ceil(maxCommands / 2), maxLength: maxCommands, size: 'max' }));
}
