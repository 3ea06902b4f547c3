// Why this test exists: a pass from `explore --store compact` holds only with a probability (a
// state may have been missed), so no report may show it as a plain pass: the table, the JSON
// summary, report.md, report.html and JUnit all say PROBABILISTIC, with the omission probability.
// An exact search's reports must say nothing of the kind.
import { describe, expect, it } from 'vitest';
import { explore as exploreApi } from '../../../api/explore.ts';
import { SlotcheckError } from '../../../api/errors.ts';
import type { ExploreReport } from '../report.ts';
import { htmlReport } from '../../../reports/html-report.ts';
import { junitReport } from '../../../reports/junit.ts';
import { markdownReport } from '../../../reports/markdown-report.ts';
import { renderExploreTable } from '../../../reports/render/explore-table.ts';
import { INVARIANTS } from '../../../properties/catalogue.ts';

const only = INVARIANTS.map((p) => p.id); // liveness is not checked compact: invariants alone can pass

async function exploreHardened(store: 'exact' | 'compact') {
  let report: ExploreReport | null = null;
  const result = await exploreApi({ designs: ['hardened'], config: { faultBudget: 1, writeBudget: 1 }, store, only, onReport: (r) => { report = r; } });
  return { result, report: report! as ExploreReport };
}

describe('a pass with --store compact is shown as probabilistic everywhere', async () => {
  const compact = await exploreHardened('compact');
  const exact = await exploreHardened('exact');

  it('the JSON summary: verdict pass, with store.probabilistic and the omission probability', () => {
    const summary = compact.result.designs[0]!;
    expect(summary.verdict).toBe('pass');
    expect(summary.store).toMatchObject({ kind: 'compact', probabilistic: true, fingerprintBits: 64 });
    expect(summary.store.kind === 'compact' && summary.store.omissionProbability).toBeLessThan(1e-12);
    expect(exact.result.designs[0]!.store).toEqual({ kind: 'exact', probabilistic: false });
  });

  it('the table: the verdict line, a line of its own, and every pass row', () => {
    const table = renderExploreTable(compact.report, new Map());
    expect(table).toMatch(/verdict: PASS, PROBABILISTIC/);
    expect(table).toMatch(/PROBABILISTIC \(--store compact\): hash compaction, \d+ states as 64-bit fingerprints, P\(a state was missed\) ≤ \d\.\de-\d+/);
    const rows = table.split('\n').filter((l) => /^ {2}INV-\d\d/.test(l));
    expect(rows).toHaveLength(INVARIANTS.length);
    for (const row of rows) expect(row).toMatch(/^ {2}INV-\d\d +pass \(prob\.\)/);
    expect(renderExploreTable(exact.report, new Map())).not.toMatch(/PROBABILISTIC|prob\./);
  });

  it('report.md and report.html: the method names it, and no row or verdict is a plain pass', () => {
    const md = markdownReport({ explorations: compact.result.designs });
    expect(md).toMatch(/exhaustive, PROBABILISTIC \(hash compaction, .*P\(a state was missed\)/);
    expect(md).toMatch(/\*\*pass \(probabilistic\)\*\*/);
    expect(md).not.toMatch(/\| pass \|/);
    const html = htmlReport({ explorations: compact.result.designs });
    expect(html).toMatch(/PROBABILISTIC \(hash compaction/);
    expect(html).not.toMatch(/>pass</);
    expect(markdownReport({ explorations: exact.result.designs })).not.toMatch(/probabilistic/i);
  });

  it('JUnit: each passing case carries a PROBABILISTIC note instead of passing bare', () => {
    const xml = junitReport({ explorations: compact.result.designs });
    const cases = xml.split('\n').filter((l) => l.includes('<testcase'));
    expect(cases).toHaveLength(INVARIANTS.length);
    for (const c of cases) expect(c).not.toMatch(/\/>$/);
    expect(xml.match(/<system-out>PROBABILISTIC pass: pass \(probabilistic\) \(exhaustive, PROBABILISTIC/g)).toHaveLength(INVARIANTS.length);
    expect(junitReport({ explorations: exact.result.designs })).not.toMatch(/PROBABILISTIC/);
  });

  it('the library refuses an unknown store, and compact on the reference engine (SC002)', async () => {
    await expect(exploreApi({ designs: ['hardened'], store: 'fast' as 'exact' })).rejects.toMatchObject({ code: 'SC002' });
    await expect(exploreApi({ designs: ['hardened'], store: 'compact', engine: 'reference' })).rejects.toBeInstanceOf(SlotcheckError);
  });
});
