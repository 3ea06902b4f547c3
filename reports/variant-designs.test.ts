// Why: issue 20 asks for report.html and report.md from sweep and mutate too. There a design is a
// variant of a base: an ordering of its fail-over script, or a mutant changing one decision. The
// reports must say which variant each section is, how it fared, and draw a time chart for each
// failure the folder holds a trace of, as run's and explore's reports do.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { mutate } from '../api/mutate.ts';
import { reportFromDirectory } from '../api/reports.ts';
import { sweep } from '../api/sweep.ts';

const dir = mkdtempSync(join(tmpdir(), 'slotcheck-variants-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('report.html and report.md of a sweep: a design per ordering', () => {
  test('each ordering with its script, verdicts, and a chart per failure', async () => {
    const s = await sweep({ design: 'hardened', config: { faultBudget: 1 }, limit: 6, out: dir });
    const folder = join(dir, 'sweep', 'hardened-2x1-f1-w1');
    const md = readFileSync(join(folder, 'report.md'), 'utf8');
    const html = readFileSync(join(folder, 'report.html'), 'utf8');
    expect(md).toMatch(/^# slotcheck sweep DSN-06 hardened\n\n6 of the 120 orderings .*: 2 break no property\./);
    for (const row of s.rows) {
      expect(md).toContain(`## DSN-06 hardened #${row.index} — script ${row.script.join(' → ').replaceAll('_', '\\_')}${row.base ? ' (hardened\'s own order)' : ''}`);
      expect(html).toContain(`id="design-hardened-${row.index}"`);
    }
    const failures = s.rows.flatMap((r) => r.failures);
    expect(failures.length).toBeGreaterThan(2);
    expect(md.match(/```mermaid/g)).toHaveLength(failures.length);
    for (const f of failures) expect(md).toContain(`Replay: \`npx slotcheck replay ${f.trace}\``);
    // `slotcheck report DIR` writes the same two files again from sweep.json and the traces.
    expect(reportFromDirectory(folder)).toMatchObject({ html, markdown: md });
  }, 60_000);
});

describe('report.html and report.md of mutate: a design per mutant', () => {
  test('each mutant with the decision it changes, how it was judged, and a chart per killing trace', async () => {
    const r = await mutate({ design: 'hardened', config: { faultBudget: 1, writeBudget: 1 }, runs: 5, out: dir });
    const md = readFileSync(join(r.directory!, 'report.md'), 'utf8');
    expect(md).toContain(`# slotcheck mutate DSN-06 hardened\n\nmutation score ${r.score.killed} / ${r.score.total - r.score.equivalent} = `);
    for (const m of r.mutants) {
      expect(md).toContain(`## ${m.id} ${m.design.name} — ${[m.description, ...m.alsoAs].join(' = ').replace(/([\\`*_[\]])/g, '\\$1').replace(/\|/g, '\\|')}`);
      expect(md).toMatch(new RegExp(`### ${m.status}(:|\\b)`));
    }
    const killed = r.mutants.filter((m) => m.status === 'killed');
    expect(killed.length).toBeGreaterThan(3);
    const charted = new Set(killed.flatMap((m) => m.killing.map((k) => k.traces.explorer ?? k.traces.random)));
    expect(md.match(/```mermaid/g)).toHaveLength(charted.size);
    const html = readFileSync(join(r.directory!, 'report.html'), 'utf8');
    expect(html).toContain(`<h1>slotcheck mutate DSN-06 hardened</h1>`);
    expect(reportFromDirectory(r.directory!)).toMatchObject({ html, markdown: md });
  }, 120_000);
});
