import { stateKey, type Config, type ModelState } from '../../model/index.ts';
import { identityPermutation, isIdentity, permuteState, type IdPermutation } from './permute-state.ts';

/**
 * Which renamings of LPAR and slot ids the explorer may merge states under, and why.
 *
 * Sound reduction needs the transition relation to commute with every renaming π in the group:
 * `step(π s, π c) = π step(s, c)` for every state and command (and every property to be
 * unchanged by π). Then the states reachable from the initial state, which π fixes, are closed
 * under π, each orbit is explored once from its first state, and BFS depths, verdicts and
 * shortest counterexamples are those of the full space.
 *
 * - LPARs 1..n-1 (the standbys): applied. No `Design` field holds an LPAR id; the handlers compare
 *   LPAR ids only for equality (issuer = target, owner = self, victim = serviceOwner, "some other
 *   LPAR is taking over" under `takeoverArbitration: 'exclusive'`, which asks whether *any* other
 *   LPAR is, never which has the lowest id; under `'none'` every standby acts alike). LPAR0 is
 *   left fixed: it is the only id the initial state treats apart (active, owns every slot), so
 *   fixing it keeps the reachable set closed under the group and makes
 *   `unreduced = Σ orbit sizes` exact. Renaming LPAR0 too is also a symmetry of the transition
 *   relation, but it merges only ~10% more states (3 LPARs, DSN-01, faults 1, writes 1: 11,498
 *   orbits instead of 12,687) and loses the exact unreduced count.
 * - Slots 1..m-1: NOT applied. The fail-over script picks the lowest-numbered slot first
 *   (`model/handlers/cluster-plan.ts`, `slotToRemove` / `slotToAdd` use `find` in slot order), so
 *   renaming slots 1 and 2 does not commute with `cluster_step` once the two slots differ. With 2
 *   LPARs × 3 slots under DSN-01: deact(0→0), tick, tick, cluster_step(1), cluster_step(1), then
 *   cluster_step(1) removes slot 1 first, while in the renamed state it removes slot 1, which is
 *   the image of slot 2. `symmetry.test.ts` keeps this check, so that the day the model's order
 *   becomes symmetric the test says so. Slot 0 would stay fixed anyway: it holds the service's disk.
 */
export interface SymmetryGroup {
  /** Every renaming in the group, identity first. */
  readonly permutations: readonly IdPermutation[];
  /** One line per family of ids, applied or not, with the reason. */
  readonly groups: readonly string[];
}

/** Every ordering of `ids`, in lexicographic order of positions. */
function orderings(ids: readonly number[]): number[][] {
  if (ids.length <= 1) return [[...ids]];
  return ids.flatMap((first, i) => orderings([...ids.slice(0, i), ...ids.slice(i + 1)]).map((rest) => [first, ...rest]));
}

/** Renamings of LPARs 1..n-1 among themselves, LPAR0 and every slot fixed. */
export function standbyPermutations(config: Config): IdPermutation[] {
  const standbys = Array.from({ length: config.lparCount - 1 }, (_, i) => i + 1);
  const slot = identityPermutation(config.lparCount, config.slotCount).slot;
  return orderings(standbys).map((order) => ({ lpar: [0, ...order], slot }));
}

/** Renamings of slots 1..m-1 among themselves, every LPAR fixed (not a symmetry of the model; see above). */
export function nonServiceSlotPermutations(config: Config): IdPermutation[] {
  const slots = Array.from({ length: config.slotCount - 1 }, (_, i) => i + 1);
  const lpar = identityPermutation(config.lparCount, config.slotCount).lpar;
  return orderings(slots).map((order) => ({ lpar, slot: [0, ...order] }));
}

export function symmetryGroup(config: Config): SymmetryGroup {
  const permutations = standbyPermutations(config);
  return {
    permutations,
    groups: [
      `LPARs 1..${config.lparCount - 1} (the standbys) renamed among themselves: ${permutations.length} permutation(s); LPAR0 stays fixed (the initial state makes it the active owner of every slot)`,
      'slots: not renamed; the fail-over script takes the lowest-numbered slot first (model/handlers/cluster-plan.ts), so renaming slots does not commute with cluster_step; slot 0 holds the service disk',
    ],
  };
}

/** The least key among the renamed copies of the state (one key per orbit), and how many distinct copies there are. */
export function canonicalForm(state: ModelState, permutations: readonly IdPermutation[]): { readonly key: string; readonly orbit: number } {
  const keys = new Set<string>();
  let least: string | null = null;
  for (const p of permutations) {
    const key = isIdentity(p) ? stateKey(state) : stateKey(permuteState(state, p));
    keys.add(key);
    if (least === null || key < least) least = key;
  }
  return { key: least ?? stateKey(state), orbit: Math.max(1, keys.size) };
}

export function canonicalKey(state: ModelState, permutations: readonly IdPermutation[]): string {
  return canonicalForm(state, permutations).key;
}

export function orbitSize(state: ModelState, permutations: readonly IdPermutation[]): number {
  return canonicalForm(state, permutations).orbit;
}
