// Why: explore prints each design's table, trace paths included, while later designs are still
// explored; output files are written only at the end. Ctrl-C there once ended the command without a
// word, leaving a user to look for trace files that were never written. It must say so and exit 130.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { INTERRUPT_NOTE } from './progress.ts';
import { tempDir } from './testing.ts';

/** The CLI in a process of its own, from its sources (whatever bin/ runs). */
const CLI = ["import('./cli/main.ts').then((m) => m.main(process.argv.slice(1))).then((code) => process.exit(code))"];

/** Start the CLI with `args`, send Ctrl-C once stdout shows `marker`; what it printed and its exit code. */
async function interruptAfter(args: readonly string[], marker: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', ...CLI, '--', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += String(chunk); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk) => {
      stdout += String(chunk);
      if (stdout.includes(marker)) resolve();
    });
    void exited.then(() => resolve());
  });
  child.kill('SIGINT');
  return { code: await exited, stdout, stderr };
}

test('Ctrl-C after the first table, while the second design is explored on another thread: the note on stderr, exit 130, nothing written', async () => {
  const out = join(tempDir(), 'out');
  // hardened is explored on this thread and printed first; prior-art-multiport takes seconds longer on the other.
  const r = await interruptAfter(['explore', '--design', 'hardened', '--design', 'prior-art-multiport', '--faults', '3', '--threads', '2', '--out', out], 'engine\n\n');
  expect(r.stdout).toContain('DSN-06 hardened');
  expect(r.stdout).not.toMatch(/prior-art-multiport — exhaustive/); // still being explored
  expect(r.code).toBe(130);
  expect(r.stderr).toContain(`\n${INTERRUPT_NOTE}\n`);
  expect(existsSync(out)).toBe(false);
});

// Why: run prints a table per design as it goes, synchronously; a Ctrl-C there must say the same,
// once the design being run is done (the command gives the thread back between designs).
test('run: Ctrl-C after the first table, the note on stderr, exit 130, nothing written', async () => {
  const out = join(tempDir(), 'out');
  const r = await interruptAfter(['run', '--runs', '400', '--out', out], 'DSN-01');
  expect(r.code).toBe(130);
  expect(r.stderr).toContain(`${INTERRUPT_NOTE}\n`);
  expect(r.stdout).not.toContain('summary, traces and report.html written');
  expect(existsSync(out)).toBe(false);
});
