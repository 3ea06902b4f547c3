import { describe, expect, it } from 'vitest';
import { stateKey, step } from '../../model/index.ts';
import { explore } from './explore.ts';
import { config, design, naiveBfs, options, property } from './testing.ts';

// Why these tests exist: the explorer's claim "every reachable state was checked" is only as good
// as its count of reachable states. The pinned numbers were computed by a separate naive BFS
// (testing.ts: enabledCommands + step, a Set of stateKey) and agree with the figures in the explorer's brief
// (2 LPARs × 1 slot, faults 2, writes 2); a change in the model or the explorer that adds or
// loses states shows up here first. Transitions are accepted commands, self-loops included.

describe('exact state and transition counts, 2 LPARs × 1 slot, no symmetry', () => {
  // [design, faults, writes, states, transitions]
  const pinned: [string, number, number, number, number][] = [
    ['patent-lpar-a', 0, 1, 3, 5], ['patent-lpar-a', 0, 2, 5, 9], ['patent-lpar-a', 1, 1, 420, 1098], ['patent-lpar-a', 1, 2, 900, 2381],
    ['patent-lpar-a', 2, 1, 13_927, 50_176],
    ['patent-lpar-b', 0, 1, 3, 5], ['patent-lpar-b', 0, 2, 5, 9], ['patent-lpar-b', 1, 1, 720, 2167], ['patent-lpar-b', 1, 2, 1619, 4962],
    ['patent-lpar-b', 2, 1, 24_243, 97_536],
    ['hardened', 0, 1, 3, 5], ['hardened', 0, 2, 5, 9], ['hardened', 1, 1, 370, 962], ['hardened', 1, 2, 747, 1956],
    ['hardened', 2, 1, 8615, 33_001],
  ];
  it.each(pinned)('%s, faults %i, writes %i: %i states, %i transitions', (name, faults, writes, states, transitions) => {
    const report = explore(options(name, config(2, 1, faults, writes)));
    expect({ states: report.states, transitions: report.transitions }).toEqual({ states, transitions });
    expect(report.boundHit).toBeNull();
    expect(report.expandedStates).toBe(states);
  }, 60_000);

  // The brief's figures; safety only (INV-01), which keeps no graph, to keep the test short.
  const brief: [string, number, number][] = [['patent-lpar-a', 33_062, 119_142], ['patent-lpar-b', 59_147, 239_422], ['hardened', 18_651, 71_118]];
  it.each(brief)('%s, faults 2, writes 2: %i states, %i transitions', (name, states, transitions) => {
    const report = explore(options(name, config(2, 1, 2, 2), { only: ['INV-01'] }));
    expect({ states: report.states, transitions: report.transitions }).toEqual({ states, transitions });
  }, 120_000);

  it('agrees with the naive BFS of testing.ts', () => {
    for (const name of ['patent-lpar-a', 'patent-lpar-b', 'hardened']) {
      const c = config(2, 1, 1, 2);
      const report = explore(options(name, c));
      expect({ states: report.states, transitions: report.transitions }).toEqual(naiveBfs(design(name), c).counts);
    }
  }, 60_000);
});

describe('the report', () => {
  it('lists every catalogue property once, in catalogue order, and gives reasons for not-applicable ones', () => {
    const report = explore(options('patent-lpar-a', config(2, 1, 1, 1)));
    expect(report.properties.map((p) => p.id)).toEqual([
      'INV-01', 'INV-02', 'INV-03', 'INV-04', 'INV-05', 'INV-06', 'INV-07', 'INV-08', 'INV-09', 'INV-10', 'INV-11', 'INV-12', 'INV-13', 'INV-14',
      'LIV-01', 'LIV-02', 'LIV-03', 'LIV-04', 'LIV-05', 'LIV-06',
      'WIT-01', 'WIT-02', 'WIT-03', 'WIT-04', 'WIT-05', 'WIT-06', 'WIT-07', 'WIT-08', 'WIT-09',
    ]);
    expect(property(report, 'WIT-02')).toMatchObject({ verdict: 'not-applicable', note: 'the design fails over by case (a)' });
    expect(property(report, 'WIT-05')).toMatchObject({ verdict: 'not-applicable', note: 'the design has no Fig. 17 device-error path' });
    // A device error can occur in every design: LIV-05 applies to DSN-01 too, which has no Fig. 17 path and fails it.
    expect(property(report, 'LIV-05')).toMatchObject({ verdict: 'counterexample' });
  }, 30_000);

  it('with `only`, checks and reports just those properties', () => {
    const report = explore(options('patent-lpar-a', config(2, 1, 1, 1), { only: ['INV-02', 'WIT-04'] }));
    expect(report.properties.map((p) => [p.id, p.verdict])).toEqual([['INV-02', 'pass'], ['WIT-04', 'reached']]);
    expect(report.only).toEqual(['INV-02', 'WIT-04']);
  }, 30_000);

  it('is deterministic: the same options give the same report, timing aside', () => {
    const strip = (r: ReturnType<typeof explore>) => JSON.stringify({ ...r, timing: null });
    const o = options('patent-lpar-b', config(2, 1, 1, 1));
    expect(strip(explore(o))).toBe(strip(explore(o)));
  }, 30_000);

  it('a counterexample step carries the model state after it, phase explored, replayable with step()', () => {
    const report = explore(options('patent-lpar-a', config(2, 1, 1, 1)));
    const d = design('patent-lpar-a');
    for (const p of report.properties) {
      const steps = p.counterexample?.steps ?? p.witness?.steps ?? [];
      let state = report.initialState;
      for (const s of steps) {
        const result = step(state, s.command, d);
        expect(result.outcome).toEqual(s.outcome);
        expect(stateKey(result.state)).toBe(stateKey(s.state));
        expect(s.phase).toBe('explored');
        state = result.state;
      }
    }
  }, 30_000);

  it('rejects an unknown property id in only', () => {
    expect(() => explore(options('hardened', config(2, 1, 0, 0), { only: ['INV-99'] }))).toThrow(/unknown property id\(s\) INV-99/);
  });

  it('rejects bounds that are not positive integers', () => {
    expect(() => explore(options('hardened', config(2, 1, 0, 0), { statesMax: 0 }))).toThrow(/statesMax must be an integer ≥ 1/);
    expect(() => explore(options('hardened', config(2, 1, 0, 0), { depthMax: 1.5 }))).toThrow(/depthMax/);
  });
});
