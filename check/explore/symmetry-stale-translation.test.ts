// Why (a mutation study of the checkers, 2026-11-26): no built-in design caches gate keeper translations, so
// `gateKeeperStale` is null in every state the symmetry tests reach, and a permute-state.ts that
// forgot to rename it (`gateKeeperStale: s.gateKeeperStale`) survived the suite. A design with
// `gateKeeperCache: 'invalidate-after-enable'` (open question 3) can hold a stale translation;
// once it names a standby, the forgotten rename splits one orbit in two and merges states of
// different orbits. This test gives the field a standby's id directly.
import { describe, expect, it } from 'vitest';
import { initialState, lpar, stateKey } from '../../model/index.ts';
import { identityPermutation, permuteState } from './permute-state.ts';
import { canonicalForm, standbyPermutations } from './symmetry.ts';
import { config, design } from './testing.ts';

describe('symmetry reduction renames the gate keeper\'s stale cached translation', () => {
  const c = config(3, 1, 0, 0);
  const swap = { lpar: [0, 2, 1], slot: identityPermutation(3, 1).slot };

  it('swapping the standbys LPAR1 and LPAR2 renames every LPAR id held by a slot', () => {
    const s = initialState(c, design('hardened'));
    const withStale = { ...s, slots: s.slots.map((sl) => ({ ...sl, owner: lpar(1), gateKeeper: lpar(1), gateKeeperStale: lpar(2) })) };
    const renamed = permuteState(withStale, swap).slots[0]!;
    expect([renamed.owner, renamed.gateKeeper, renamed.gateKeeperStale]).toEqual([2, 2, 1]);
    // A state and its renamed copy are one orbit: the same canonical key.
    expect(canonicalForm(permuteState(withStale, swap), standbyPermutations(c)).key).toBe(canonicalForm(withStale, standbyPermutations(c)).key);
    expect(stateKey(permuteState(permuteState(withStale, swap), swap))).toBe(stateKey(withStale));
  });
});
