// Why this test exists: hash compaction recomputes every counterexample and witness path from its
// command chain on the model (recompute.ts) and must never report one the model does not
// reproduce. By construction that cannot happen without a bug, so it is planted here: a chain cut
// short, and a recompute that says "not reproduced". The report must then call the property
// inconclusive, name it in `store.notReproduced`, and show no path.
import { describe, expect, it, vi } from 'vitest';
import { explore } from '../explore.ts';
import { config, design, options, property } from '../testing.ts';
import * as recompute from './recompute.ts';

vi.mock('./recompute.ts', { spy: true });

describe('a path that does not reproduce is marked, never reported', () => {
  const c = config(2, 1, 1, 1);

  it('recomputeViolation: the F-01 path (INV-09, 1 step) reproduces; cut short, it does not', () => {
    const report = explore({ ...options('patent-lpar-a', c, { only: ['INV-09'] }), engine: 'packed', store: 'compact' });
    const commands = property(report, 'INV-09').counterexample!.steps.map((s) => s.command);
    expect(recompute.recomputeViolation(design('patent-lpar-a'), c, commands, 'INV-09').reproduced).toBe(true);
    const cut = recompute.recomputeViolation(design('patent-lpar-a'), c, commands.slice(0, -1), 'INV-09');
    expect(cut).toMatchObject({ reproduced: false, why: expect.stringMatching(/breaks it nowhere/) });
  });

  it('explore --store compact marks an invariant and a witness whose path does not reproduce', () => {
    const no = { reproduced: false, steps: [], why: 'planted' } as const;
    vi.mocked(recompute.recomputeViolation).mockReturnValueOnce(no);
    vi.mocked(recompute.recomputeWitness).mockReturnValueOnce(no);
    const report = explore({ ...options('patent-lpar-a', c, { only: ['INV-09', 'WIT-06'] }), engine: 'packed', store: 'compact' });
    for (const id of ['INV-09', 'WIT-06']) {
      const p = property(report, id);
      expect(p.verdict).toBe('inconclusive');
      expect(p.counterexample).toBeNull();
      expect(p.witness).toBeNull();
      expect(p.note).toMatch(/does not reproduce it: planted/);
    }
    expect(report.store).toMatchObject({ kind: 'compact', notReproduced: ['INV-09', 'WIT-06'] });
    expect(report.store.kind === 'compact' && report.store.note).toMatch(/INV-09, WIT-06 not reproduced/);
    expect(report.verdict).toBe('inconclusive');
  });
});
