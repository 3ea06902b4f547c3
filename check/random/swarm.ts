import fc from 'fast-check';
import { categoryOf, COMMAND_KINDS, isPerturbation, type CommandKind } from '../../model/index.ts';

// Swarm testing (Groce et al., "Swarm Testing", ISSTA 2012): rather than every run drawing from
// every kind of command at fixed weights, each run leaves out a random half of the kinds and
// weighs the rest afresh. A run without os_crash has to fail the active over by pause or a lost
// heartbeat; a run without gpe_enable leaves a disabled GPE disabled while hot-plug events come;
// a run whose guests never unmount lets ejects pile up. Such runs reach states that runs mixing
// everything reach only rarely. A quarter of the runs keep every kind at its default weight, and
// settle (finish every flow at once) now and then: second fail-overs and fail-back need it.
//
// A run also draws when its perturbations come: the first at a pick from 0 to 10, later ones at a
// rate from 2% to 25% of picks (./commands.ts raises it while a flow is half done), or none at all.

/** The weights one run draws its commands with. Drawn from the seed with the run's commands (suite.ts). */
export interface Swarm {
  /** `all`: every kind at its default weight (the non-swarm share); `swarm`: a subset, reweighed. */
  readonly mode: 'all' | 'swarm';
  /** Weight per command kind, in `COMMAND_KINDS` order; 0 leaves the kind out of the run's picks. */
  readonly kindWeights: readonly number[];
  /** Weight of a raw command: any kind, arguments possibly outside the configuration (mostly refused: INV-10's material). */
  readonly rawWeight: number;
  /** Weight of a settle: the fair steps, round-robin, for up to 30 rounds. Only the non-swarm share settles. */
  readonly settleWeight: number;
  /**
   * Perturbations (faults, and control commands issued directly) draw on a fault budget of a few
   * per run, so when they come matters as much as which. The run's first comes at this pick, or
   * the first after it where one is enabled; null makes a fault-free run.
   */
  readonly firstPerturbationPick: number | null;
  /** After the first, the percent of picks that are perturbations (./commands.ts raises it mid-flow). */
  readonly perturbationPercent: number;
}

const DEVICE_STEPS = new Set<CommandKind>(['device_dma', 'gk_flush', 'rom_sci']);
/** Faults that start one of the patent's flows: a fail-over (Fig. 9–11), a device-error hot-remove (Fig. 17), an empty slot (step 502). */
const FLOW_FAULTS = new Set<CommandKind>(['os_crash', 'service_fail', 'device_error', 'card_pull']);
/** Faults that probe containment at one moment and leave nothing behind when contained (a stray access, a spurious or stale event). */
const PROBE_FAULTS = new Set<CommandKind>(['stray_mmio', 'stray_dma', 'spurious_sci', 'stale_eject_ack']);

/**
 * Default weight of a kind. Among the steps: mostly protocol steps, so that flows run to their
 * end; the card's own steps less, so that work it holds outlives a reassignment (FLT-11). Among
 * the perturbations, which share a budget of a few per run: most to the control commands issued
 * out of order (FLT-09/10, the protocol's own commands) and to the faults that start a flow, least
 * to the probes.
 */
function defaultWeight(kind: CommandKind): number {
  if (isPerturbation(kind)) return categoryOf(kind) === 'control' || FLOW_FAULTS.has(kind) ? 3 : PROBE_FAULTS.has(kind) ? 1 : 2;
  if (DEVICE_STEPS.has(kind)) return 2;
  return categoryOf(kind) === 'protocol' ? 6 : 4;
}

export const DEFAULT_KIND_WEIGHTS: readonly number[] = COMMAND_KINDS.map(defaultWeight);
const DEFAULT_RAW_WEIGHT = 4;
const DEFAULT_SETTLE_WEIGHT = 6;
const DEFAULT_PERTURBATION_PERCENT = 8;
/** A swarm run's perturbation rate after its first, by its draw (0: a fault-free run). */
const PERTURBATION_PERCENTS = [0, 2, 3, 5, 8, 12, 18, 25] as const;
/** The first perturbation comes at a pick drawn from 0 to this. */
const LAST_ONSET_PICK = 10;

/** Every kind at its default weight, the first perturbation at the first pick: the non-swarm share's weights. */
export const ALL_KINDS: Swarm = Object.freeze({
  mode: 'all', kindWeights: DEFAULT_KIND_WEIGHTS, rawWeight: DEFAULT_RAW_WEIGHT, settleWeight: DEFAULT_SETTLE_WEIGHT,
  firstPerturbationPick: 0, perturbationPercent: DEFAULT_PERTURBATION_PERCENT,
});

/**
 * Kinds no run leaves out, only reweighs: the clustering programs' steps and time, which drive
 * every fail-over. Left out, a fail-over would move only in a settle or the final drain, all at
 * once, and no fault could land in its middle.
 */
const ALWAYS_IN = new Set<CommandKind>(['cluster_step', 'tick']);

/** One draw of 0–7 per kind, one for raw commands, one for the perturbation rate. */
const FEATURE_DRAW_MAX = 7;
const RAW_DRAW = COMMAND_KINDS.length;
const RATE_DRAW = COMMAND_KINDS.length + 1;
const FEATURES = COMMAND_KINDS.length + 2;

/** Left out for a draw of 0–3 (p = 1/2), else the base weight ×1, ×2, ×4 or ×8. */
const halfOut = (draw: number, base: number): number => (draw < 4 ? 0 : base << (draw - 4));

/** A kind's weight in a swarm run. */
function swarmWeight(kind: CommandKind, base: number, draw: number): number {
  if (ALWAYS_IN.has(kind)) return base << (draw & 3);
  // The guests' and the card's steps are left out of one run in four (a guest that never gets to
  // shut down, unmount or read its GPE while faults go on): more often, and faults would rarely
  // meet a flow under way.
  if (categoryOf(kind) === 'protocol') return draw < 2 ? 0 : base << (draw & 3);
  return halfOut(draw, base);
}

/**
 * The swarm of a run, from uniform draws (no bias, no shrinking: a counterexample keeps the swarm
 * it was found with). `modeDraw` 0 of 0–3 is the non-swarm share (1 run in 4).
 */
export function swarmOf(modeDraw: number, onsetDraw: number, featureDraws: readonly number[]): Swarm {
  if (modeDraw === 0) return { ...ALL_KINDS, firstPerturbationPick: onsetDraw };
  const percent = PERTURBATION_PERCENTS[featureDraws[RATE_DRAW]!]!;
  return {
    mode: 'swarm', kindWeights: COMMAND_KINDS.map((kind, k) => swarmWeight(kind, DEFAULT_KIND_WEIGHTS[k]!, featureDraws[k]!)),
    rawWeight: halfOut(featureDraws[RAW_DRAW]!, DEFAULT_RAW_WEIGHT),
    // No settles: one finishes every flow at once, and no fault could land in the middle of one.
    settleWeight: 0,
    firstPerturbationPick: percent === 0 ? null : onsetDraw, perturbationPercent: percent,
  };
}

/** A run's swarm, drawn uniformly from the seed. */
export function swarmArbitrary(): fc.Arbitrary<Swarm> {
  const draws = fc.tuple(fc.nat(3), fc.nat(LAST_ONSET_PICK), fc.array(fc.nat(FEATURE_DRAW_MAX), { minLength: FEATURES, maxLength: FEATURES }));
  return fc.noShrink(fc.noBias(draws)).map(([mode, onset, features]) => swarmOf(mode, onset, features));
}
