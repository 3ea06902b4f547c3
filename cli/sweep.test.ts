// Why: `slotcheck sweep` is what a designer reads before reordering the fail-over script: every
// ordering explored, a failure traced, the same bytes for the same input.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runCli, tempDir } from './testing.ts';

test('hardened, first six orderings: the base order holds, act after start breaks LIV-04, traces replay, output is the same on two threads and on one', async () => {
  const [a, b] = [tempDir(), tempDir()];
  const r = await runCli(['sweep', '--design', 'hardened', '--faults', '2', '--limit', '6', '--threads', '2', '--out', a, '--json']);
  expect(r.code).toBe(0);
  const rows = JSON.parse(r.stdout).rows;
  expect(rows).toHaveLength(6);
  expect(rows[0]).toMatchObject({ base: true, verdict: 'pass' });
  const actLast = rows.find((row: { script: string[] }) => row.script.join() === 'deact,await-fenced,rem_pci,add_pci,start,act');
  expect(actLast.properties['LIV-04']).toBe('counterexample');
  const trace = actLast.failures.find((f: { id: string }) => f.id === 'LIV-04').trace;
  const replay = await runCli(['replay', trace, '--json']);
  expect(replay.code).toBe(1);

  await runCli(['sweep', '--design', 'hardened', '--faults', '2', '--limit', '6', '--threads', '1', '--out', b, '--json']);
  const dir = (root: string) => join(root, 'sweep', 'hardened-2x1-f2-w1');
  expect(readFileSync(join(dir(b), 'sweep.md'), 'utf8')).toBe(readFileSync(join(dir(a), 'sweep.md'), 'utf8'));
  for (const f of readdirSync(join(dir(a), 'traces'))) expect(readFileSync(join(dir(b), 'traces', f), 'utf8')).toBe(readFileSync(join(dir(a), 'traces', f), 'utf8'));
});

test('the last line names the exit code and what decided it: a bound that stops orderings is 3, failing orderings alone are 0', async () => {
  const done = await runCli(['sweep', '--design', 'hardened', '--faults', '2', '--limit', '6', '--out', tempDir()]);
  expect(done.code).toBe(0);
  expect(done.stdout.trimEnd().split('\n').at(-1)).toMatch(/^exit code 0: every ordering explored to the end; [1-5] of 6 ordering\(s\) break a property \(the table says which\)$/);
  const bounded = await runCli(['sweep', '--design', 'hardened', '--limit', '2', '--states-max', '50', '--out', tempDir()]);
  expect(bounded.code).toBe(3);
  expect(bounded.stdout.trimEnd().split('\n').at(-1)).toBe('exit code 3: a bound stopped ordering(s) 1, 2 before the end (the table marks them); 0 of 2 ordering(s) break a property (the table says which)');
});
