import { describe, expect, it } from 'vitest';
import { explore } from './explore.ts';
import { config, options, property } from './testing.ts';

// Why these tests exist: a bound that is hit must never read as a pass (STYLE.md §6). Each bound
// is hit on purpose and the report must say `inconclusive`, name the bound, and keep what it
// did find (a counterexample found before the bound is still a shortest one).

describe('bounds make the result inconclusive, naming the bound', () => {
  const clean = () => options('hardened', config(2, 1, 1, 1));

  it('statesMax', () => {
    const report = explore({ ...clean(), statesMax: 100 });
    expect(report.boundHit).toMatchObject({ bound: 'statesMax', limit: 100 });
    expect(report.states).toBe(100);
    expect(report.expandedStates).toBeLessThan(100);
    expect(report.verdict).toBe('inconclusive');
    for (const id of ['INV-01', 'INV-10', 'LIV-01', 'LIV-04']) {
      expect(property(report, id).verdict).toBe('inconclusive');
      expect(property(report, id).note).toMatch(/bound statesMax = 100 was hit/);
    }
  });

  it('statesMax equal to the exact number of states is not hit: nothing was left out', () => {
    const report = explore({ ...clean(), statesMax: 370 });
    expect(report.boundHit).toBeNull();
    expect(report.properties.filter((p) => p.verdict === 'inconclusive')).toEqual([]);
    expect(explore({ ...clean(), statesMax: 369 }).boundHit?.bound).toBe('statesMax');
  });

  it('depthMax', () => {
    const report = explore({ ...clean(), depthMax: 5 });
    expect(report.boundHit).toMatchObject({ bound: 'depthMax', limit: 5 });
    expect(report.maxDepth).toBe(5);
    expect(property(report, 'INV-06').verdict).toBe('inconclusive');
    // States at depth depthMax are checked but not expanded, so the bound is hit unless every
    // state is shallower: the smallest depthMax not hit is one more than the deepest state's depth.
    const full = explore(clean());
    expect(explore({ ...clean(), depthMax: full.maxDepth + 1 }).boundHit).toBeNull();
    expect(explore({ ...clean(), depthMax: full.maxDepth }).boundHit?.bound).toBe('depthMax');
  });

  it('timeLimitMs, with an injected clock so that the test does not depend on the machine', () => {
    let ticks = 0;
    const report = explore({ ...clean(), timeLimitMs: 50, now: () => (ticks += 1) });
    expect(report.boundHit).toMatchObject({ bound: 'timeLimitMs', limit: 50 });
    expect(report.verdict).toBe('inconclusive');
    expect(property(report, 'LIV-02').verdict).toBe('inconclusive');
  });

  it('a witness not reached before the bound is inconclusive, not unreached', () => {
    const report = explore({ ...clean(), depthMax: 2 });
    expect(property(report, 'WIT-08').verdict).toBe('inconclusive');
    expect(property(report, 'WIT-06').verdict).toBe('reached');
  });

  it('a counterexample found before a bound is kept (and still the shortest)', () => {
    const report = explore({ ...options('patent-lpar-a', config(2, 1, 1, 1)), statesMax: 50 });
    expect(report.boundHit?.bound).toBe('statesMax');
    expect(property(report, 'INV-08').counterexample?.steps.length).toBe(1);
    expect(report.verdict).toBe('counterexample');
  });
});
