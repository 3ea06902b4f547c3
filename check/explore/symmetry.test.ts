import { describe, expect, it } from 'vitest';
import { allCommands, BUILT_IN_DESIGNS, initialState, lpar, stateKey, step, type Command, type Config, type Design, type ModelState } from '../../model/index.ts';
import { explore } from './explore.ts';
import { permuteCommandArgs, permuteState, type IdPermutation } from './permute-state.ts';
import { canonicalKey, nonServiceSlotPermutations, orbitSize, standbyPermutations, symmetryGroup } from './symmetry.ts';
import { config, design, options, property, verdictSummary } from './testing.ts';

// Why these tests exist: symmetry reduction is only sound if renaming the ids it renames commutes
// with the model's steps. symmetry.ts argues that from the model's code; these tests check it on
// every reachable state of small configurations, check that the reduced search meets exactly one
// state per orbit of the full space, and that verdicts do not change. One test keeps the reason
// slots are NOT renamed: the day the model stops picking the lowest slot first, it fails and says so.

function reachable(d: Design, c: Config): ModelState[] {
  const start = initialState(c, d);
  const seen = new Map([[stateKey(start), start]]);
  let frontier = [start];
  while (frontier.length > 0) {
    const next: ModelState[] = [];
    for (const s of frontier) {
      for (const command of allCommands(c)) {
        const after = step(s, command, d);
        if (after.outcome.kind !== 'ok' || seen.has(stateKey(after.state))) continue;
        seen.set(stateKey(after.state), after.state);
        next.push(after.state);
      }
    }
    frontier = next;
  }
  return [...seen.values()];
}

/** The first (state, command) where renaming does not commute with step, or null. */
function firstNonCommuting(d: Design, states: readonly ModelState[], group: readonly IdPermutation[]): { state: ModelState; command: Command } | null {
  for (const s of states) {
    for (const p of group) {
      const renamed = permuteState(s, p);
      for (const command of allCommands(s.config)) {
        const direct = step(s, command, d);
        const mirrored = step(renamed, permuteCommandArgs(command, p), d);
        if (direct.outcome.kind !== mirrored.outcome.kind) return { state: s, command };
        if (direct.outcome.kind === 'ok' && stateKey(permuteState(direct.state, p)) !== stateKey(mirrored.state)) return { state: s, command };
      }
    }
  }
  return null;
}

describe('which renamings are symmetries of the model', () => {
  // The card-ROM design's pending SCI names its target LPAR; the patent's case (b) has the longest script.
  it.each([
    ['hardened', config(3, 1, 1, 1)],
    ['patent-lpar-b', config(3, 1, 1, 0)],
    ['patent-card-rom', config(3, 1, 1, 0)],
  ] as const)('renaming standby LPARs commutes with step on every reachable state (%s, %o)', (name, c) => {
    const d = design(name);
    expect(firstNonCommuting(d, reachable(d, c), standbyPermutations(c))).toBeNull();
  }, 120_000);

  it('renaming slots 1 and 2 does NOT commute: the fail-over script removes the lowest slot first (cluster-plan.ts)', () => {
    const c = config(2, 3, 1, 0);
    const d = design('patent-lpar-a');
    // LPAR0 powers itself off (a direct command, FLT-09/10); LPAR1 times out, detects, and its
    // script removes slot 0; its next rem_pci takes slot 1, while in the renamed machine it takes
    // slot 1 too — the image of slot 2.
    const prefix: Command[] = [
      { kind: 'deact', issuer: lpar(0), target: lpar(0) }, { kind: 'tick' }, { kind: 'tick' },
      { kind: 'cluster_step', lpar: lpar(1) }, { kind: 'cluster_step', lpar: lpar(1) },
    ];
    const s = prefix.reduce((state, command) => step(state, command, d).state, initialState(c, d));
    const [swap] = nonServiceSlotPermutations(c).filter((p) => p.slot[1] === 2);
    expect(firstNonCommuting(d, [s], [swap!])).toEqual({ state: s, command: { kind: 'cluster_step', lpar: 1 } });
    expect(symmetryGroup(c).permutations.every((p) => p.slot.every((v, i) => v === i))).toBe(true);
  });
});

describe('canonical keys', () => {
  it('the initial state is fixed by every renaming of standbys; a state where they differ has an orbit of 2', () => {
    const c = config(3, 1, 1, 1);
    const d = design('patent-lpar-a');
    const group = standbyPermutations(c);
    const start = initialState(c, d);
    expect(orbitSize(start, group)).toBe(1);
    const crashed = step(start, { kind: 'os_crash', lpar: lpar(2) }, d).state;
    expect(orbitSize(crashed, group)).toBe(2);
    const mirror = step(start, { kind: 'os_crash', lpar: lpar(1) }, d).state;
    expect(canonicalKey(crashed, group)).toBe(canonicalKey(mirror, group));
    expect(stateKey(crashed)).not.toBe(stateKey(mirror));
  });

  it('4 LPARs: 6 renamings of the three standbys', () => {
    expect(standbyPermutations(config(4, 1, 0, 0)).map((p) => p.lpar.join(''))).toEqual(['0123', '0132', '0213', '0231', '0312', '0321']);
  });
});

describe('reduced search, 3 LPARs × 1 slot, faults 1, writes 1', () => {
  // [design, unreduced states, unreduced transitions, reduced states, reduced transitions]
  const pinned: [string, number, number, number, number][] = [
    ['patent-lpar-a', 25_129, 82_221, 12_687, 41_534],
    ['patent-lpar-b', 43_907, 156_785, 22_076, 78_816],
    ['hardened', 3282, 8302, 1722, 4419],
  ];

  it.each(pinned)('%s: %i states / %i transitions unreduced, %i / %i reduced; same verdicts', (name, states, transitions, reducedStates, reducedTransitions) => {
    const full = explore(options(name, config(3, 1, 1, 1)));
    const reduced = explore(options(name, config(3, 1, 1, 1), { symmetry: true }));
    expect([full.states, full.transitions, full.unreduced]).toEqual([states, transitions, null]);
    expect([reduced.states, reduced.transitions]).toEqual([reducedStates, reducedTransitions]);
    // Σ orbit sizes over the reduced states is exactly the full space (LPAR0 is fixed, so the reachable set is closed under the group).
    expect(reduced.unreduced).toEqual({ states, transitions });
    expect(reduced.symmetry).toMatchObject({ applied: true, order: 2 });
    expect(verdictSummary(reduced)).toEqual(verdictSummary(full));
    for (const p of full.properties) {
      if (p.witness === null) continue;
      expect(property(reduced, p.id).witness?.unreducedStates).toBe(p.witness.states);
    }
  }, 180_000);

  it.each(BUILT_IN_DESIGNS.map((d) => d.name))('every built-in design (%s, no writes): same verdicts, and Σ orbit sizes is the full space', (name) => {
    const full = explore(options(name, config(3, 1, 1, 0)));
    const reduced = explore(options(name, config(3, 1, 1, 0), { symmetry: true }));
    expect(reduced.unreduced).toEqual({ states: full.states, transitions: full.transitions });
    expect(reduced.states).toBeLessThan(full.states);
    expect(verdictSummary(reduced)).toEqual(verdictSummary(full));
  }, 180_000);

  it('the reduced search meets exactly one state per orbit of the full space', () => {
    const c = config(3, 1, 1, 1);
    const d = design('hardened');
    const orbits = new Set(reachable(d, c).map((s) => canonicalKey(s, standbyPermutations(c))));
    expect(explore(options('hardened', c, { symmetry: true })).states).toBe(orbits.size);
  }, 60_000);

  it('with 2 LPARs there is nothing to rename: symmetry on changes nothing and says so', () => {
    const report = explore(options('hardened', config(2, 1, 1, 1), { symmetry: true }));
    expect(report.symmetry.applied).toBe(false);
    expect(report.states).toBe(370);
  });
});
