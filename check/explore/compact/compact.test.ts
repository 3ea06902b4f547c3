// Why this test exists: `explore --store compact` (hash compaction, issue 21) keeps a fingerprint
// per state instead of the state, and recomputes every path from its command chain. With 64-bit
// fingerprints and these few states no collision is expected, so it must give exactly what the
// exact search gives: states, transitions, depths, coverage, the violated invariants with the
// same shortest counterexamples (replayed and with the same sentences), the same witnesses; and
// say that every verdict is probabilistic and liveness was not checked. Cut to a few bits, the
// fingerprints collide: states are missed, counts drop, a violation can go unseen, and the report
// says the omission probability is about 1.
import { describe, expect, it } from 'vitest';
import { BUILT_IN_DESIGNS, type Config } from '../../../model/index.ts';
import { replayCommands } from '../../replay.ts';
import { explore } from '../explore.ts';
import type { ExploreOptions } from '../options.ts';
import type { ExploreReport } from '../report.ts';
import { config, design, options, property } from '../testing.ts';

const exactAndCompact = (o: ExploreOptions) => [explore({ ...o, engine: 'packed' }), explore({ ...o, engine: 'packed', store: 'compact' })] as const;

/** What must agree between the two searches, all but liveness (not checked compact) and the notes. */
function agreeing(report: ExploreReport) {
  const { timing: _t, store: _s, note: _n, verdict: _v, properties, ...rest } = report;
  return {
    ...rest,
    properties: properties.filter((p) => p.expect !== 'eventually').map(({ note: _note, ...p }) => p),
  };
}

function expectSameSearch(exact: ExploreReport, compact: ExploreReport): void {
  expect(exact.store).toEqual({ kind: 'exact', probabilistic: false });
  expect(compact.store).toMatchObject({ kind: 'compact', probabilistic: true, fingerprintBits: 64, notReproduced: [] });
  if (compact.store.kind !== 'compact') return;
  expect(compact.store.omissionProbability).toBeGreaterThan(0);
  expect(compact.store.omissionProbability).toBeLessThan(1e-9);
  expect(agreeing(compact)).toEqual(agreeing(exact));
  for (const p of compact.properties.filter((q) => q.expect === 'eventually')) {
    const inExact = property(exact, p.id);
    expect(p.verdict).toBe(inExact.verdict === 'not-applicable' ? 'not-applicable' : 'inconclusive');
    if (p.verdict === 'inconclusive') expect(p.note).toMatch(/not checked with --store compact/);
  }
  expect(compact.note).toMatch(/^PROBABILISTIC/);
  // The overall verdict: the same, but that liveness left unchecked makes a pass inconclusive.
  const unchecked = compact.properties.some((p) => p.expect === 'eventually' && p.verdict === 'inconclusive');
  expect(compact.verdict).toBe(exact.verdict === 'pass' && unchecked ? 'inconclusive' : exact.verdict);
}

describe('--store compact agrees with the exact search (64-bit fingerprints, no collision expected)', () => {
  for (const d of BUILT_IN_DESIGNS) {
    it(`${d.name}, 2 × 1, fault budget 1, write budget 1`, () => {
      const [exact, compact] = exactAndCompact(options(d.name, config(2, 1, 1, 1)));
      expectSameSearch(exact, compact);
    }, 60_000);
  }

  it.each([
    ['patent-lpar-a', config(2, 1, 2, 2)], // F-06: INV-06 after 11 steps, WIT-08 after 21
    ['hardened', config(3, 1, 1, 1)],
  ] as const)('%s %o, at larger bounds', (name, c: Config) => {
    const [exact, compact] = exactAndCompact(options(name, c));
    expectSameSearch(exact, compact);
  }, 120_000);

  it.each([
    ['hardened', config(3, 1, 1, 1)],
    ['patent-lpar-b', config(3, 1, 1, 1)],
    ['patent-card-rom', config(4, 1, 1, 0)],
  ] as const)('with --symmetry: %s %o (orbits, unreduced counts, verdicts)', (name, c: Config) => {
    const [exact, compact] = exactAndCompact(options(name, c, { symmetry: true }));
    expect(compact.symmetry.applied).toBe(true);
    expectSameSearch(exact, compact);
  }, 120_000);

  it('stops at the same bound, with the same counts and note (statesMax, depthMax, the time limit)', () => {
    for (const extra of [{ statesMax: 100 }, { depthMax: 4 }]) {
      const [exact, compact] = exactAndCompact(options('patent-lpar-a', config(2, 1, 1, 1), extra));
      expect(compact.boundHit).not.toBeNull();
      expect(agreeing(compact)).toEqual(agreeing(exact));
    }
    let tick = 0;
    const clock = () => (tick += 10); // 10 ms per state expanded
    const compact = explore({ ...options('hardened', config(2, 1, 1, 1), { timeLimitMs: 500, now: clock }), engine: 'packed', store: 'compact' });
    expect(compact.boundHit?.bound).toBe('timeLimitMs');
    expect(compact.verdict).toBe('inconclusive');
  });
});

describe('counterexamples from --store compact are exact', () => {
  // Fig. 10 (case (a), 1100–1105) on DSN-01: the fail-over's shortest violations, recomputed.
  it('each replays on the model (check/replay.ts replayCommands) to the same violation at its last step', () => {
    const c = config(2, 1, 2, 2);
    const report = explore({ ...options('patent-lpar-a', c), engine: 'packed', store: 'compact' });
    const broken = report.properties.filter((p) => p.counterexample !== null);
    expect(broken.map((p) => p.id)).toEqual(expect.arrayContaining(['INV-01', 'INV-03', 'INV-06', 'INV-07']));
    for (const p of broken) {
      const commands = p.counterexample!.steps.map((s) => s.command);
      const replay = replayCommands(design('patent-lpar-a'), c, commands, p.id, null);
      expect(replay.verdict).toEqual({ kind: 'violated', at: commands.length, why: p.counterexample!.why });
      expect(replay.steps.map((s) => s.result.state)).toEqual(p.counterexample!.steps.map((s) => s.state));
    }
    if (report.store.kind === 'compact') expect(report.store.pathsRecomputed).toBe(broken.length + report.properties.filter((p) => p.witness !== null).length);
  }, 60_000);
});

describe('fingerprints cut to a few bits collide, and the report says so', () => {
  const c = config(2, 1, 2, 2);

  it('hardened at 8 and 16 bits: fewer states and transitions than the exact search, omission probability 1, every pass marked probabilistic', () => {
    const exact = explore({ ...options('hardened', c, { only: ['INV-01', 'INV-06', 'WIT-01'] }), engine: 'packed' });
    for (const bits of [8, 16]) {
      const compact = explore({ ...options('hardened', c, { only: ['INV-01', 'INV-06', 'WIT-01'] }), engine: 'packed', store: 'compact', fingerprintBits: bits });
      expect(compact.states).toBeLessThan(exact.states);
      expect(compact.transitions).toBeLessThan(exact.transitions);
      if (bits === 8) expect(compact.states).toBeLessThanOrEqual(256); // at most 2^8 distinct fingerprints
      expect(compact.store).toMatchObject({ kind: 'compact', probabilistic: true, fingerprintBits: bits, omissionProbability: 1 });
      expect(compact.store.kind === 'compact' && compact.store.note).toMatch(/≈ 1 \(collisions near certain/);
      expect(property(compact, 'INV-01').note).toMatch(/probabilistic: hash compaction/);
    }
  }, 60_000);

  it('patent-lpar-a at 8 bits misses F-06 (INV-06, 11 steps) that 64 bits find: a compact pass is no proof', () => {
    const only = ['INV-01', 'INV-06'];
    const tiny = explore({ ...options('patent-lpar-a', c, { only }), engine: 'packed', store: 'compact', fingerprintBits: 8 });
    const full = explore({ ...options('patent-lpar-a', c, { only }), engine: 'packed', store: 'compact' });
    expect(property(full, 'INV-06').counterexample?.steps.length).toBe(11);
    expect(property(tiny, 'INV-06').verdict).toBe('pass');
    expect(property(tiny, 'INV-06').note).toMatch(/P\(a state was missed\) ≈ 1/);
    expect(property(tiny, 'INV-01').counterexample?.steps.length).toBe(2); // what it does find is still exact
  }, 60_000);

  it('refuses a fingerprint width outside 4–64 bits, and the reference engine', () => {
    const base = { ...options('hardened', config(2, 1, 0, 0)), store: 'compact' as const };
    expect(() => explore({ ...base, engine: 'packed', fingerprintBits: 3 })).toThrow(/fingerprintBits must be an integer from 4 to 64/);
    expect(() => explore({ ...base, engine: 'packed', fingerprintBits: 65 })).toThrow(RangeError);
    expect(() => explore({ ...base, engine: 'reference' })).toThrow(/packed engine/);
  });
});
