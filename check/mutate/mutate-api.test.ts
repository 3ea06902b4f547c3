// Why: the library call is what `slotcheck mutate` prints with --json and writes with --out: the
// summary, the kill matrix and a replayable trace per killing counterexample, all at once, under
// out/mutate/<design>-<bound>/; the same call gives the same bytes.
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { mutate } from '../../api/mutate.ts';
import { SlotcheckError } from '../../api/errors.ts';
import { canonicalJson } from '../../reports/canonical-json.ts';

const dirs: string[] = [];
const tmp = () => { const d = mkdtempSync(join(tmpdir(), 'slotcheck-mutate-')); dirs.push(d); return d; };
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

describe('api mutate', () => {
  test('with out: mutate-summary.json equal to the result, kill-matrix.md, a trace per killing counterexample', async () => {
    const out = tmp();
    const config = { faultBudget: 1, writeBudget: 1 };
    let times: ReadonlyMap<string, { explore: number; random: number }> = new Map();
    const r = await mutate({ design: 'hardened', config, runs: 20, out, onTimes: (t) => { times = t; } });
    const dir = join(out, 'mutate', 'hardened-2x1-f1-w1');
    expect(r.directory).toBe(dir);
    expect(r.command).toBe('mutate');
    expect(r.design).toMatchObject({ name: 'hardened', id: 'DSN-06' });
    expect(r.mutants).toHaveLength(53);
    expect(readFileSync(join(dir, 'mutate-summary.json'), 'utf8')).toBe(canonicalJson(r));
    // Each mutant's time is told, but neither in the result nor in a file.
    expect([...times.keys()]).toEqual(r.mutants.map((m) => m.id));
    for (const t of times.values()) expect(t.explore > 0 && t.random > 0).toBe(true);
    expect(canonicalJson(r)).not.toMatch(/elapsed/i);
    // At one fault F-01's bug needs a fail-over it cannot afford: M005 survives here (killed at the default bound, mutate.test.ts).
    const matrix = readFileSync(join(dir, 'kill-matrix.md'), 'utf8');
    for (const m of r.mutants) expect(matrix).toContain(`| ${m.id} | \`${m.description}\` | ${m.status} |`);
    expect(r.mutants.find((m) => m.description === 'clientAck: after-durable → before-durable')!.status).toBe('killed');
    const killed = r.mutants.filter((m) => m.status === 'killed');
    expect(killed.length).toBeGreaterThan(10);
    for (const m of killed) {
      for (const k of m.killing) {
        expect(k.traces.explorer !== null || k.traces.random !== null).toBe(true);
        for (const t of [k.traces.explorer, k.traces.random]) if (t !== null) expect(existsSync(t), t).toBe(true);
        if (k.explorerSteps !== null) expect(k.traces.explorer).toBe(join(dir, 'traces', m.design.name, `${k.id}-explore-2x1-f1-w1.itf.json`));
      }
    }
    expect(r.exitCode).toBe(r.score.survived > 0 ? 1 : r.score.inconclusive > 0 ? 3 : 0);

    const again = await mutate({ design: 'hardened', config, runs: 20, out: tmp() });
    expect(canonicalJson({ ...again, directory: null, mutants: again.mutants.map((m) => ({ ...m, killing: m.killing.map((k) => ({ ...k, traces: null })) })) }))
      .toBe(canonicalJson({ ...r, directory: null, mutants: r.mutants.map((m) => ({ ...m, killing: m.killing.map((k) => ({ ...k, traces: null })) })) }));
  }, 300_000);

  test('bad input is a SlotcheckError with the CLI code, before anything runs', async () => {
    await expect(mutate({ runs: 0 })).rejects.toMatchObject({ code: 'SC002' });
    await expect(mutate({ design: 'no-such-design' })).rejects.toBeInstanceOf(SlotcheckError);
    await expect(mutate({ config: { lparCount: 9 } })).rejects.toMatchObject({ code: 'SC002' });
  });
});
