// Why: issue 20, "output folders that tell the truth". Each command owns a folder under --out and
// a new summary replaces the old one whole: once a 3-row sweep had 1,159 old traces beside it, and
// a reader could not tell which belonged to it. A second run with fewer failures must leave
// exactly the traces its summary lists, and touch no other command's folder.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { tracesNamed } from '../api/shard-folders.ts';
import { runCli, tempDir } from './testing.ts';

/** The trace files in `folder`/traces, and those its summary names, as paths relative to `folder`. */
function beside(folder: string, summaryFile: string): { readonly onDisk: string[]; readonly listed: string[] } {
  let onDisk: string[] = [];
  try {
    onDisk = readdirSync(join(folder, 'traces'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.itf.json')).map((f) => join('traces', f)).sort();
  } catch {
    // no traces folder: no traces
  }
  const listed = tracesNamed(JSON.parse(readFileSync(join(folder, summaryFile), 'utf8')), folder).map((f) => relative(folder, f));
  return { onDisk, listed };
}

test('run: a second run with fewer failures leaves only its own traces; explore\'s folder is not touched', async () => {
  const out = tempDir();
  await runCli(['explore', '--design', 'patent-lpar-a', '--faults', '1', '--only', 'INV-03', '--out', out]);
  const explored = beside(join(out, 'explore'), 'explore-summary.json');
  await runCli(['run', '--design', 'patent-lpar-a', '--design', 'patent-lpar-b', '--runs', '20', '--out', out]);
  const first = beside(join(out, 'run'), 'run-summary.json');
  expect(first.listed.length).toBeGreaterThan(2);
  expect(first.onDisk).toEqual(first.listed);
  const second = await runCli(['run', '--design', 'patent-lpar-b', '--runs', '20', '--out', out]);
  expect(second.stdout).toContain(`written to ${join(out, 'run')}\n`);
  const after = beside(join(out, 'run'), 'run-summary.json');
  expect(after.listed.length).toBeGreaterThan(0);
  expect(after.listed.length).toBeLessThan(first.listed.length);
  expect(after.onDisk).toEqual(after.listed);
  expect(after.onDisk.every((f) => f.startsWith(join('traces', 'patent-lpar-b')))).toBe(true);
  expect(beside(join(out, 'explore'), 'explore-summary.json')).toEqual(explored);
}, 60_000);

test('sweep: six orderings, then two: the folder holds the two rows\' traces only', async () => {
  const out = tempDir();
  const folder = join(out, 'sweep', 'hardened-2x1-f1-w1');
  await runCli(['sweep', '--design', 'hardened', '--faults', '1', '--limit', '6', '--out', out]);
  const six = beside(folder, 'sweep.json');
  expect(six.listed.length).toBeGreaterThan(2);
  expect(six.onDisk).toEqual(six.listed);
  await runCli(['sweep', '--design', 'hardened', '--faults', '1', '--limit', '2', '--out', out]);
  const two = beside(folder, 'sweep.json');
  expect(two.onDisk).toEqual(two.listed);
  expect(two.onDisk.length).toBeLessThan(six.onDisk.length);
  expect(two.onDisk.every((f) => /^traces.00[12]-/.test(f))).toBe(true);
}, 60_000);
