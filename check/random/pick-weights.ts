import { candidates, COMMAND_KINDS, enabledAmong, initialState, isPerturbation, type Candidate, type Command, type Config, type Design } from '../../model/index.ts';
import { SERVICE_SLOT } from '../../model/queries.ts';
import { DEFAULT_KIND_WEIGHTS, type Swarm } from './swarm.ts';

// How one pick of a random run weighs what it may do now (./commands.ts). Each kind with an
// enabled command gets the run's swarm weight; a perturbation's weight is raised by what it
// speaks to:
// - `new`: one the initial state does not enable speaks to the state the run has reached (an
//   LPAR powered off can be acted on; a takeover under way may issue its control commands out of
//   order, FLT-09), where the idle machine's faults are always at hand;
// - `fresh`: one the previous pick did not see enabled is at the moment it became possible, which
//   may not last (the act between a script's deact and its own act, a rem_pci before the
//   script's). A fresh one also lifts the run's perturbation rate for that pick, and is weighed
//   even if the run's swarm left its kind out (the swarm's omissions are for the run at large;
//   such a moment comes rarely, and half the swarms would miss it).

export const NEW = 1;
export const FRESH = 2;
const MARK_FACTOR = [1, 2, 16] as const;

const KIND_INDEX = new Map(COMMAND_KINDS.map((kind, k) => [kind, k]));
const PERTURBATION_KIND = Uint8Array.from(COMMAND_KINDS, (kind) => (isPerturbation(kind) ? 1 : 0));
/** No LPAR: the command acts on a slot, or on nothing. */
const NO_LPAR = -1;

/** A configuration's candidates, with what a pick reads of each, computed once. */
export interface Buckets {
  readonly all: readonly Candidate[];
  /** The kind (index in COMMAND_KINDS) of every candidate. */
  readonly kindOf: Int32Array;
  /** 1 for a perturbation (a fault, or a control command issued directly). */
  readonly perturbation: Uint8Array;
  /** The LPAR a candidate acts on (a control command's target, the LPAR an add takes from), or NO_LPAR. */
  readonly actsOn: Int8Array;
  /** 1 for a candidate that acts on the service's slot and on no LPAR. */
  readonly onServiceSlot: Uint8Array;
  readonly everything: readonly number[];
}

const bucketCache = new WeakMap<Config, Buckets>();

/** The configuration's candidates and what a pick reads of them (computed once per configuration object). */
export function bucketsFor(config: Config): Buckets {
  let buckets = bucketCache.get(config);
  if (buckets === undefined) {
    const all = candidates(config);
    const fields = (c: Command) => c as Partial<Record<'lpar' | 'target' | 'from' | 'slot', number>>;
    buckets = {
      all, kindOf: Int32Array.from(all, (c) => KIND_INDEX.get(c.command.kind)!), perturbation: Uint8Array.from(all, (c) => (c.perturbation ? 1 : 0)),
      actsOn: Int8Array.from(all, (c) => fields(c.command).lpar ?? fields(c.command).target ?? fields(c.command).from ?? NO_LPAR),
      onServiceSlot: Uint8Array.from(all, (c) => { const f = fields(c.command); return f.lpar === undefined && f.target === undefined && f.from === undefined && f.slot === SERVICE_SLOT ? 1 : 0; }),
      everything: all.map((_, i) => i),
    };
    bucketCache.set(config, buckets);
  }
  return buckets;
}

/** Every candidate's index, one list per configuration object (the packed engine caches answers by list identity). */
export function candidateIndices(config: Config): readonly number[] {
  return bucketsFor(config).everything;
}

const initiallyEnabledCache = new WeakMap<Design, WeakMap<Config, Uint8Array>>();

/** 1 for each candidate the initial state enables (computed once per design and configuration object). */
export function initiallyEnabled(design: Design, config: Config): Uint8Array {
  let byConfig = initiallyEnabledCache.get(design);
  if (byConfig === undefined) initiallyEnabledCache.set(design, (byConfig = new WeakMap()));
  let flags = byConfig.get(config);
  if (flags === undefined) {
    const all = candidates(config);
    const enabled = new Set(enabledAmong(initialState(config, design), design, all));
    flags = Uint8Array.from(all, (c) => (enabled.has(c.command) ? 1 : 0));
    byConfig.set(config, flags);
  }
  return flags;
}

/** One pick's weights. The arrays are scratch space, shared by every pick (one run at a time): read them before the next pick. */
export interface PickWeights {
  /** Per kind: its weight now (0 when left out or nothing of it is enabled). */
  readonly kindWeight: Float64Array;
  /** Per kind: the highest mark of its enabled perturbations; per candidate: its mark. */
  readonly kindMark: Uint8Array;
  readonly candidateMark: Uint8Array;
  perturbationTotal: number;
  /** The rest: steps, and the swarm's raw commands and settles. */
  stepTotal: number;
  /** Some perturbation is fresh. */
  fresh: boolean;
}

const scratch: PickWeights = {
  kindWeight: new Float64Array(COMMAND_KINDS.length), kindMark: new Uint8Array(COMMAND_KINDS.length), candidateMark: new Uint8Array(0),
  perturbationTotal: 0, stepTotal: 0, fresh: false,
};
const kindPresent = new Uint8Array(COMMAND_KINDS.length);

/**
 * Weigh the kinds of the `enabled` candidates for a pick; `lastEnabled` are those of the run's
 * previous pick (null: none yet), `initially` those of the initial state (`initiallyEnabled`).
 */
export function weighPick(swarm: Swarm, buckets: Buckets, initially: Uint8Array, enabled: readonly number[], lastEnabled: readonly number[] | null): PickWeights {
  const { kindOf, perturbation } = buckets;
  const w = scratch;
  if (w.candidateMark.length < buckets.all.length) (w as { candidateMark: Uint8Array }).candidateMark = new Uint8Array(buckets.all.length);
  const { kindWeight, kindMark, candidateMark } = w;
  kindMark.fill(0);
  kindPresent.fill(0);
  let at = 0;
  for (const i of enabled) {
    const k = kindOf[i]!;
    kindPresent[k] = 1;
    if (perturbation[i] === 0) continue;
    // Both lists ascend: walk the previous one alongside.
    if (lastEnabled !== null) while (at < lastEnabled.length && lastEnabled[at]! < i) at += 1;
    const mark = lastEnabled !== null && lastEnabled[at] !== i ? FRESH : initially[i] === 0 ? NEW : 0;
    candidateMark[i] = mark;
    if (mark > kindMark[k]!) kindMark[k] = mark;
  }
  w.perturbationTotal = 0;
  w.stepTotal = swarm.rawWeight + swarm.settleWeight;
  w.fresh = false;
  for (let k = 0; k < kindWeight.length; k += 1) {
    const mark = kindMark[k] as 0 | 1 | 2;
    // A kind the swarm left out is still weighed, at its default weight, when it is fresh: a window
    // a few steps wide comes in one run of many, and the swarm's draw would lose half of those.
    const base = swarm.kindWeights[k] === 0 && mark === FRESH ? DEFAULT_KIND_WEIGHTS[k]! : swarm.kindWeights[k]!;
    const weight = kindPresent[k] === 1 ? base * MARK_FACTOR[mark] : 0;
    kindWeight[k] = weight;
    if (weight === 0) continue;
    if (PERTURBATION_KIND[k] === 1) w.perturbationTotal += weight;
    else w.stepTotal += weight;
    if (kindMark[k] === FRESH) w.fresh = true;
  }
  return w;
}

/** The kind `roll` (below the total of the kinds of one side) falls on, among the perturbations or the others. */
export function kindAt(w: PickWeights, perturb: boolean, roll: number): number {
  const side = perturb ? 1 : 0;
  let kind = 0;
  for (; ; kind += 1) {
    if (PERTURBATION_KIND[kind] !== side) continue;
    if (roll < w.kindWeight[kind]!) return kind;
    roll -= w.kindWeight[kind]!;
  }
}

/**
 * Aims of a perturbation: at what the service depends on (the active LPAR, or the service's slot),
 * or at the LPARs of a flow half done (./mid-flow.ts), or anywhere.
 */
export type Aim = { readonly kind: 'service'; readonly owner: number } | { readonly kind: 'flow'; readonly lpars: number } | { readonly kind: 'any' };

function aimedAt(buckets: Buckets, i: number, aim: Aim): boolean {
  const lpar = buckets.actsOn[i]!;
  if (aim.kind === 'any') return true;
  if (aim.kind === 'service') return lpar === NO_LPAR ? buckets.onServiceSlot[i] === 1 : lpar === aim.owner;
  return lpar !== NO_LPAR && (aim.lpars & (1 << lpar)) !== 0;
}

/**
 * The `roll`-th (modulo their number) of the enabled candidates of `kind` that `accept` takes and
 * the aim hits; when the aim hits none of them, of all those `accept` takes.
 */
export function candidateAt(buckets: Buckets, enabled: readonly number[], kind: number, accept: (i: number) => boolean, aim: Aim, roll: number): number {
  const { kindOf } = buckets;
  let inKind = 0;
  let aimed = 0;
  for (const i of enabled) {
    if (kindOf[i] !== kind || !accept(i)) continue;
    inKind += 1;
    if (aimedAt(buckets, i, aim)) aimed += 1;
  }
  const useAim = aimed > 0;
  let left = roll % (useAim ? aimed : inKind);
  for (const i of enabled) {
    if (kindOf[i] !== kind || !accept(i) || (useAim && !aimedAt(buckets, i, aim))) continue;
    if (left === 0) return i;
    left -= 1;
  }
  throw new Error(`internal: no enabled candidate of kind ${COMMAND_KINDS[kind]} although it was weighed`);
}
