// Why: `slotcheck explore` proves bounded configurations; its counterexamples must replay (the
// shortest ones, and lassos for liveness), and a bound that is hit must exit 3, never 0.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli, tempDir } from './testing.ts';

describe('slotcheck explore', () => {
  test('hardened at the default bounds: every property holds, every applicable witness is reached, exit 0', async () => {
    const r = await runCli(['explore', '--design', 'hardened', '--writes', '1', '--out', tempDir(), '--json']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout).designs[0];
    expect(d.verdict).toBe('pass');
    expect(d.properties.filter((p: { verdict: string }) => !['pass', 'reached', 'not-applicable'].includes(p.verdict))).toEqual([]);
    // The JSON carries command coverage: hardened has no gate keeper cache, no card ROM, no shutdown step.
    expect(d.coverage.neverTaken).toEqual(['guest_shutdown', 'gk_flush', 'rom_sci']);
    expect(d.coverage.kinds.reduce((n: number, k: { transitions: number }) => n + k.transitions, 0)).toBe(d.transitions);
  });

  test('patent-lpar-b: invariant and lasso counterexamples are written and replay to the same verdict', async () => {
    const out = tempDir();
    const r = await runCli(['explore', '--design', 'patent-lpar-b', '--faults', '1', '--writes', '1', '--out', out, '--json']);
    expect(r.code).toBe(1);
    const failed = JSON.parse(r.stdout).designs[0].properties.filter((p: { verdict: string }) => p.verdict === 'counterexample');
    expect(failed.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining(['INV-05', 'INV-08', 'INV-09', 'LIV-03']));
    for (const p of failed) {
      const replay = await runCli(['replay', p.counterexample.trace, '--json']);
      expect(replay.code, p.id).toBe(1);
      expect(JSON.parse(replay.stdout).verdict.at, p.id).toBe(p.counterexample.steps);
    }
  });

  test.each([
    [['--depth', '3'], 'depthMax'],
    [['--states-max', '50'], 'statesMax'],
  ])('a bound that is hit (%j) makes it inconclusive: exit 3, the bound named', async (flags, bound) => {
    const r = await runCli(['explore', '--design', 'hardened', ...flags, '--out', tempDir(), '--json']);
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout).designs[0].boundHit.bound).toBe(bound);
  });

  test('--only naming just properties the design cannot exhibit checks nothing: inconclusive, exit 3, never a pass', async () => {
    // WIT-05 (the Fig. 17 device-error hot-remove) needs the Fig. 17 path: n/a on DSN-01.
    const r = await runCli(['explore', '--design', 'patent-lpar-a', '--faults', '0', '--writes', '0', '--only', 'WIT-05', '--out', tempDir()]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('nothing checked: every property asked for (--only) is n/a on this design');
    const some = await runCli(['explore', '--design', 'hardened', '--faults', '0', '--writes', '0', '--only', 'INV-01', '--out', tempDir()]);
    expect(some.code).toBe(0);
    expect(some.stdout).toContain('no witness asked for (--only)');
  });

  test('designs explored side by side on two threads give the same summary and traces as on one', async () => {
    const out = tempDir();
    const args = ['explore', '--design', 'patent-lpar-a', '--design', 'patent-lpar-b', '--design', 'hardened', '--faults', '1', '--writes', '1', '--out', out, '--json'];
    const one = await runCli([...args, '--threads', '1']);
    const two = await runCli([...args, '--threads', '2']);
    expect(one.code).toBe(1);
    expect(two.code).toBe(one.code);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(two.stdout).designs.map((d: { design: { name: string } }) => d.design.name)).toEqual(['patent-lpar-a', 'patent-lpar-b', 'hardened']);
  }, 60_000);

  test('one search on two threads (--search-threads 2) gives the same summary and traces as on one', async () => {
    const out = tempDir();
    const args = ['explore', '--design', 'hardened', '--design', 'patent-lpar-a', '--lpars', '3', '--faults', '1', '--writes', '1', '--symmetry', '--threads', '1', '--json', '--out', out];
    const traces = () => {
      const folder = join(out, 'explore', 'traces', 'patent-lpar-a');
      return readdirSync(folder).sort().map((f) => readFileSync(join(folder, f), 'utf8'));
    };
    const one = await runCli(args);
    const oneTraces = traces();
    const two = await runCli([...args, '--search-threads', '2']);
    expect(one.code).toBe(1);
    expect(oneTraces.length).toBeGreaterThan(0);
    expect(two.code).toBe(one.code);
    expect(two.stdout).toBe(one.stdout);
    expect(traces()).toEqual(oneTraces);
  }, 120_000);

  test('--threads left over once each design has one go to each search; --store compact keeps one', async () => {
    const args = ['explore', '--design', 'hardened', '--faults', '1', '--writes', '1', '--threads', '2', '--out', tempDir()];
    expect((await runCli(args)).stdout).toMatch(/packed engine on 2 threads/);
    expect((await runCli([...args, '--design', 'patent-lpar-a'])).stdout).not.toMatch(/on 2 threads/);
    expect((await runCli([...args, '--store', 'compact'])).stdout).not.toMatch(/on 2 threads/);
    expect((await runCli([...args, '--search-threads', '1'])).stdout).not.toMatch(/on 2 threads/);
  }, 120_000);

  test.each([
    [['--search-threads', '0'], 'SC002'],
    [['--search-threads', '2', '--engine', 'reference'], 'SC002'],
    [['--search-threads', '2', '--store', 'compact'], 'SC002'],
    [['--threads', '0'], 'SC002'],
    [['--only', 'INV-99'], 'SC002'],
    [['--only', ''], 'SC002'],
    [['--only', ' , '], 'SC002'],
    [['--faults', 'two'], 'SC002'],
    [['--design', 'nope'], 'SC003'],
  ])('%j exits 2 with %s', async (flags, code) => {
    const r = await runCli(['explore', ...flags, '--out', join(tempDir(), 'x')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error ${code}`);
  });
});
