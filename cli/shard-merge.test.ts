// Why: issue 21, "beyond one machine". Most large work is independent jobs (designs, orderings,
// mutants); `--shard i/N` runs a deterministic share of them and `slotcheck merge` must give back
// exactly what one unsharded run gives: the same summary, traces, report.html, report.md, JUnit
// XML and exit code, byte for byte, for N = 1, 2, 3. Shards that do not make one whole run are
// refused (SC011), never merged into a plausible-looking folder.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { CertificationPlan } from '../check/certify/plan.ts';
import { certifyToFolder } from '../api/certify-folder.ts';
import { merge } from '../api/merge.ts';
import { runCli, tempDir } from './testing.ts';

/** Every file under `dir`, relative path → text. */
function snapshot(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  const entries = files.map((e): [string, string] => [relative(dir, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name), 'utf8')]);
  return new Map(entries.sort(([a], [b]) => a.localeCompare(b)));
}

/** The same bytes: names first (a readable failure), then every file. */
function expectSameFolder(merged: Map<string, string>, whole: Map<string, string>): void {
  expect([...merged.keys()]).toEqual([...whole.keys()]);
  for (const [file, text] of whole) expect(merged.get(file), file).toBe(text);
}

/**
 * `args` unsharded into `out`, then as N shards (each into a folder of its own) merged into the
 * same `out`: the merged folder, JUnit file, --json output and exit code equal the unsharded ones.
 */
async function expectShardsMergeToWhole(args: readonly string[], folder: string, counts: readonly number[], junit: boolean): Promise<void> {
  const out = tempDir();
  const junitFile = join(out, 'junit.xml');
  const withJunit = junit ? ['--junit', junitFile] : [];
  const whole = await runCli([...args, '--out', out, '--json', ...withJunit]);
  expect(whole.stderr).toBe('');
  const wholeFiles = snapshot(join(out, folder));
  expect([...wholeFiles.keys()].some((f) => f.endsWith('.itf.json')), 'a failure to trace').toBe(true);
  const wholeJunit = junit ? readFileSync(junitFile, 'utf8') : '';
  for (const count of counts) {
    rmSync(out, { recursive: true });
    const shards = Array.from({ length: count }, () => tempDir());
    for (const [i, shardOut] of shards.entries()) {
      const r = await runCli([...args, '--out', shardOut, '--shard', `${i + 1}/${count}`]);
      expect(r.stdout).toContain(`shard ${i + 1} of ${count}`);
      expect(existsSync(join(shardOut, folder, `shard-${i + 1}-of-${count}`)), `shard ${i + 1}/${count}`).toBe(true);
    }
    const merged = await runCli(['merge', ...shards, '--out', out, '--json', ...withJunit]);
    expect(merged.stderr).toBe('');
    expect(merged.code, `N = ${count}`).toBe(whole.code);
    expect(merged.stdout, `N = ${count}`).toBe(whole.stdout);
    expectSameFolder(snapshot(join(out, folder)), wholeFiles);
    if (junit) expect(readFileSync(junitFile, 'utf8')).toBe(wholeJunit);
  }
  expect(readFileSync(join(out, folder, 'report.html'), 'utf8')).not.toMatch(/shard-\d+-of-\d+|shard \d+ of \d+/);
}

describe('--shard i/N and merge give what one unsharded run gives, byte for byte', () => {
  test('run: three designs (two that fail), N = 1, 2, 3, with JUnit', async () => {
    await expectShardsMergeToWhole(['run', '--design', 'patent-lpar-a', '--design', 'hardened', '--design', 'patent-lpar-b', '--runs', '10'], 'run', [1, 2, 3], true);
  }, 120_000);

  test('sweep: six orderings of hardened (four break a property), N = 1, 2, 3', async () => {
    await expectShardsMergeToWhole(['sweep', '--design', 'hardened', '--faults', '1', '--limit', '6'], join('sweep', 'hardened-2x1-f1-w1'), [1, 2, 3], false);
  }, 120_000);

  test('mutate: every mutant of hardened at a small bound, N = 2, with JUnit', async () => {
    await expectShardsMergeToWhole(['mutate', '--design', 'hardened', '--faults', '0', '--writes', '1', '--runs', '5'], join('mutate', 'hardened-2x1-f0-w1'), [2], true);
  }, 180_000);

  test('certify (library, a small plan): two designs, N = 2; the certificates too', async () => {
    const plan: CertificationPlan = {
      explore: [{ config: { lparCount: 2, slotCount: 1, faultBudget: 2, writeBudget: 1 }, symmetry: false, statesMax: 100_000, depthMax: 10_000 }],
      random: [{ config: { lparCount: 2, slotCount: 1, faultBudget: 2, writeBudget: 1 }, seed: 1, runs: 20, maxCommands: 30 }],
      conformance: [{ config: { lparCount: 2, slotCount: 1, faultBudget: 0, writeBudget: 1 }, statesMax: 10_000, along: 'shortest-path' }],
    };
    const [out, dir] = [tempDir(), tempDir()];
    const designs = ['patent-lpar-a', 'hardened'];
    const whole = await certifyToFolder({ designs, plan, out, dir });
    const [wholeFiles, wholeCertificates] = [snapshot(join(out, 'certify')), snapshot(dir)];
    expect(whole.designs.map((d) => d.verdict)).toEqual(['counterexample', 'certified']);
    expect([...wholeCertificates.keys()]).toEqual(['hardened.json']);
    expect([...wholeFiles.keys()].some((f) => f.endsWith('.itf.json'))).toBe(true);
    rmSync(out, { recursive: true });
    rmSync(dir, { recursive: true });
    const shards = [tempDir(), tempDir()];
    for (const [i, shardOut] of shards.entries()) await certifyToFolder({ designs, plan, out: shardOut, dir: join(shardOut, 'certificates'), shard: { index: i + 1, count: 2 } });
    const merged = merge(shards, { out, dir });
    expect(merged.exitCode).toBe(whole.exitCode);
    expectSameFolder(snapshot(join(out, 'certify')), wholeFiles);
    expectSameFolder(snapshot(dir), wholeCertificates);
  }, 180_000);
});

describe('shards that do not make one whole run: SC011, exit 2, nothing written', () => {
  const RUN = ['run', '--design', 'patent-lpar-a', '--design', 'hardened', '--runs', '3', '--model-only'];
  /** Shard folders of RUN (or `args`), each under a folder of its own. */
  async function shardsOf(count: number, args: readonly string[] = RUN): Promise<string[]> {
    const dirs: string[] = [];
    for (let i = 1; i <= count; i += 1) {
      const out = tempDir();
      await runCli([...args, '--out', out, '--shard', `${i}/${count}`]);
      dirs.push(out);
    }
    return dirs;
  }
  async function expectRefused(dirs: readonly string[], message: RegExp): Promise<void> {
    const out = join(tempDir(), 'merged');
    const r = await runCli(['merge', ...dirs, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error SC011: /);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('fix:');
    expect(existsSync(out)).toBe(false);
  }

  test('a shard missing, or one given twice', async () => {
    const [one, two, three] = await shardsOf(3);
    await expectRefused([one!, three!], /shard\(s\) 2\/3 missing: only 1\/3, 3\/3 given/);
    await expectRefused([one!, two!, three!, two!], /shard 2 of 3 is given twice/);
  });

  test('shards of another command, another configuration, another count, or another version', async () => {
    const [one] = await shardsOf(2);
    const [, sweepTwo] = await shardsOf(2, ['sweep', '--design', 'hardened', '--faults', '0', '--limit', '2']);
    await expectRefused([one!, sweepTwo!], /is a shard of sweep, .* of run/);
    const [, moreRuns] = await shardsOf(2, [...RUN.slice(0, -2), '4', '--model-only']);
    await expectRefused([one!, moreRuns!], /are shards of different runs/);
    const [, , ofThree] = await shardsOf(3);
    await expectRefused([one!, ofThree!], /split the run in different numbers of shards/);
    const [, older] = await shardsOf(2);
    const summary = join(older!, 'run', 'shard-2-of-2', 'run-summary.json');
    writeFileSync(summary, readFileSync(summary, 'utf8').replace(/"toolVersion": "[^"]*"/, '"toolVersion": "0.0.1"'));
    await expectRefused([one!, older!], /was written by slotcheck 0\.0\.1; this is /);
  });

  test('a whole run given as a shard, and a folder holding no shard', async () => {
    const whole = tempDir();
    await runCli([...RUN, '--out', whole]);
    await expectRefused([join(whole, 'run')], /holds a whole run \(run-summary\.json without a shard record\), not a shard/);
    await expectRefused([tempDir()], /holds no shard folder/);
  });

  test('a shard folder whose summary lists a trace it lacks: SC004, nothing written', async () => {
    const [one, two] = await shardsOf(2);
    const copy = tempDir();
    cpSync(one!, copy, { recursive: true });
    const traces = join(copy, 'run', 'shard-1-of-2', 'traces');
    rmSync(traces, { recursive: true });
    const out = join(tempDir(), 'merged');
    const r = await runCli(['merge', copy, two!, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error SC004: .* lacks traces\/patent-lpar-a\/.*\.itf\.json, which its summary lists/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('--shard takes i/N, 1-based', () => {
  test.each(['0/3', '4/3', '1/0', 'x', '1/3/2', '', '-1/3', '1.5/3'])('--shard %j: SC002, exit 2, nothing written', async (value) => {
    for (const command of [['run', '--runs', '1'], ['sweep', '--limit', '1'], ['mutate'], ['certify']]) {
      const out = join(tempDir(), 'x');
      const r = await runCli([...command, '--shard', value, '--out', out]);
      expect(r.code, command[0]).toBe(2);
      expect(r.stderr).toMatch(/error SC002: --shard is ".*"[\s\S]*fix: give --shard as i\/N with 1 ≤ i ≤ N/);
      expect(existsSync(out)).toBe(false);
    }
  });

  test('certify --check takes no --shard', async () => {
    const r = await runCli(['certify', '--check', '--shard', '1/2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error SC001: --check recomputes every committed certificate; it takes no --shard');
  });
});
