// Why: the CLI is what users touch (DESIGN.md §5): exit codes 0/1/2/3, coded errors that say what
// to fix and write nothing, byte-identical output for the same seed, and traces that replay.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli, tempDir } from './testing.ts';

describe('slotcheck run', () => {
  test('a design that holds exits 0 and prints a row per property and the line to reproduce', async () => {
    const out = tempDir();
    const r = await runCli(['run', '--design', 'hardened', '--runs', '300', '--seed', '3', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/INV-01\s+pass/);
    expect(r.stdout).toMatch(/WIT-01\s+reached/);
    expect(r.stdout).toContain('reproduce: npx slotcheck run --design hardened --seed 3 --runs 300');
    expect(r.stdout).toMatch(/commands: \d+ of 34 kinds accepted; never accepted: .*gk_flush, rom_sci/);
    expect(existsSync(join(out, 'run', 'run-summary.json'))).toBe(true);
    expect(r.stdout).toContain('exit code 0: every property holds on every design');
    const summary = JSON.parse(readFileSync(join(out, 'run', 'run-summary.json'), 'utf8'));
    expect(summary.designs[0].commandCoverage.neverAccepted).toEqual(expect.arrayContaining(['gk_flush', 'rom_sci']));
  });

  test('the last line says which designs decided the exit code', async () => {
    const r = await runCli(['run', '--design', 'hardened', '--design', 'patent-lpar-a', '--runs', '10', '--out', tempDir()]);
    expect(r.code).toBe(1);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^exit code 1: a property failed on patent-lpar-a; inconclusive on hardened \(.*README's findings/); // 10 runs reach too few witnesses
    const inconclusive = await runCli(['explore', '--design', 'hardened', '--states-max', '50', '--out', tempDir()]);
    expect(inconclusive.code).toBe(3);
    expect(inconclusive.stdout).toMatch(/exit code 3: inconclusive on hardened \(a bound was hit/);
  });

  test('a literal design exits 1, writes one trace per violated property, and each replays to the same step', async () => {
    const out = tempDir();
    const r = await runCli(['run', '--design', 'patent-lpar-a', '--runs', '80', '--seed', '5', '--out', out, '--json']);
    expect(r.code).toBe(1);
    const summary = JSON.parse(r.stdout);
    const failed = summary.designs[0].properties.filter((p: { verdict: string }) => p.verdict === 'counterexample');
    expect(failed.length).toBeGreaterThan(3);
    for (const p of failed) {
      const replay = await runCli(['replay', p.counterexample.trace, '--json']);
      expect(replay.code, p.id).toBe(1);
      expect(JSON.parse(replay.stdout).verdict).toMatchObject({ kind: 'violated', at: p.counterexample.stepIndex });
    }
    // A liveness failure of a random run is a lasso that ends where the run settled: no "cycle of 0".
    const live = failed.find((p: { id: string }) => p.id.startsWith('LIV-'));
    expect(live).toBeDefined();
    const told = await runCli(['replay', live.counterexample.trace, '--quiet']);
    expect(told.stdout).toContain(`a lasso: ${live.counterexample.stepIndex} step(s), then the run stays in state ${live.counterexample.stepIndex}: every fair step there leaves it as it is`);
  });

  test('the same seed writes the same traces, byte for byte, on either engine', async () => {
    const [a, b, c] = [tempDir(), tempDir(), tempDir()];
    await runCli(['run', '--design', 'patent-lpar-b', '--runs', '40', '--seed', '8', '--out', a, '--json']);
    await runCli(['run', '--design', 'patent-lpar-b', '--runs', '40', '--seed', '8', '--out', b, '--json']);
    await runCli(['run', '--design', 'patent-lpar-b', '--runs', '40', '--seed', '8', '--out', c, '--json', '--engine', 'reference']);
    const traces = (dir: string) => join(dir, 'run', 'traces', 'patent-lpar-b');
    const files = readdirSync(traces(a)).sort();
    expect(files.length).toBeGreaterThan(0);
    expect(readdirSync(traces(b)).sort()).toEqual(files);
    for (const other of [b, c]) {
      expect(readdirSync(traces(other)).sort()).toEqual(files);
      for (const f of files) expect(readFileSync(join(traces(other), f), 'utf8')).toBe(readFileSync(join(traces(a), f), 'utf8'));
    }
    // The summaries name their own output directories (absolute here, as --out was); apart from that they are the same bytes.
    const summary = (dir: string) => readFileSync(join(dir, 'run', 'run-summary.json'), 'utf8').replaceAll(dir, '<out>');
    expect(summary(a)).toContain('"npx slotcheck replay <out>/run/traces/patent-lpar-b/');
    expect(summary(b)).toBe(summary(a));
    expect(summary(c)).toBe(summary(a));
  });

  test('trace paths are shown as --out was given: absolute stays absolute, relative stays relative to the working directory', async () => {
    const absolute = tempDir();
    const given = relative(process.cwd(), tempDir());
    expect(given.startsWith('..')).toBe(true);
    for (const out of [absolute, given]) {
      const r = await runCli(['explore', '--design', 'patent-lpar-a', '--faults', '1', '--only', 'INV-01', '--out', out]);
      expect(r.code).toBe(1);
      const shown = join(out, 'explore', 'traces', 'patent-lpar-a', 'INV-01-explore-2x1-f1-w2.itf.json');
      expect(r.stdout).toContain(`npx slotcheck replay ${shown}\n`);
      expect(existsSync(shown)).toBe(true);
    }
  });

  test('an unreached witness exits 3 (inconclusive), never 0', async () => {
    const r = await runCli(['run', '--design', 'hardened', '--runs', '1', '--max-commands', '2', '--out', tempDir()]);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/UNREACHED/);
    // A property the design cannot exhibit counts no runs, liveness and witness alike.
    expect(r.stdout).toMatch(/\n  WIT-02 +n\/a +- +\S/);
    const lparA = await runCli(['run', '--design', 'patent-lpar-a', '--runs', '1', '--max-commands', '2', '--out', tempDir()]);
    expect(lparA.stdout).toMatch(/\n  WIT-05 +n\/a +- +the design has no Fig\. 17 device-error path/);
  });
});

describe('bad input exits 2 with a code, and writes nothing', () => {
  test.each([
    [['run', '--design', 'nope'], 'SC003'],
    [['run', '--runs', 'many'], 'SC002'],
    [['run', '--runs', '0'], 'SC002'],
    [['run', '--lpars', '9'], 'SC002'],
    [['run', '--engine', 'turbo'], 'SC002'],
    [['run', '--frobnicate'], 'SC001'],
    [['explode'], 'SC001'],
    [['replay'], 'SC001'],
    [['replay', '/nonexistent/trace.json'], 'SC004'],
    // An option that takes one value, given twice, is refused rather than the last one silently winning.
    [['run', '--seed', '1', '--seed', '2'], 'SC001'],
    [['sweep', '--design', 'hardened', '--design', 'patent-lpar-a'], 'SC001'],
  ])('%j → %s', async (args, code) => {
    const out = tempDir();
    const r = await runCli([...args, ...(args[0] === 'run' ? ['--out', join(out, 'x')] : [])]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error ${code}:`);
    expect(r.stderr).toContain('fix:');
    expect(existsSync(join(out, 'x'))).toBe(false);
  });
});

describe('output that cannot be written exits 2 (SC008), before any work where it can be seen', () => {
  const aFile = () => {
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, 'not a directory');
    return file;
  };
  test.each([
    ['run', '--design', 'hardened', '--runs', '1', '--out'],
    ['explore', '--design', 'hardened', '--faults', '0', '--out'],
    ['sweep', '--limit', '1', '--faults', '0', '--out'],
    ['certify', '--design', 'hardened', '--dir'],
    ['certify', '--check', '--dir'],
  ])('%s … %s a file', async (...args) => {
    const file = aFile();
    for (const target of [file, join(file, 'below')]) {
      const r = await runCli([...args, target]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/error SC008: --(out|dir): ".*a-file".* is a file, not a directory/);
      expect(r.stdout).toBe(''); // refused before any work
    }
  });

  test('a file where a trace directory must go: SC008 naming it, and nothing written, not even the designs before it', async () => {
    const out = tempDir();
    mkdirSync(join(out, 'explore', 'traces'), { recursive: true });
    writeFileSync(join(out, 'explore', 'traces', 'patent-lpar-a'), 'in the way');
    const r = await runCli(['explore', '--design', 'patent-lpar-b', '--design', 'patent-lpar-a', '--faults', '1', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error SC008: cannot write ".*traces.patent-lpar-a" \((EEXIST|ENOTDIR) in mkdir\)[\s\S]*wrote none of its output files/);
    expect(existsSync(join(out, 'explore', 'explore-summary.json'))).toBe(false);
    // patent-lpar-b fails too (it has traces to write), and came first: none of its traces appeared.
    expect(r.stdout).toMatch(/DSN-02 patent-lpar-b[\s\S]*FAIL/);
    const bTraces = join(out, 'explore', 'traces', 'patent-lpar-b');
    expect(existsSync(bTraces) ? readdirSync(bTraces) : []).toEqual([]);
  });

  test('no command at all: the commands, and SC001', async () => {
    const r = await runCli([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Commands:[\s\S]*explore[\s\S]*error SC001: no command given/);
  });
});

describe('trace files are named by configuration; a command\'s folder holds its last run\'s traces, and only those', () => {
  test('runs and explorations of other configurations get other trace names, so an old replay line never opens another counterexample', async () => {
    const out = tempDir();
    /** Run it; the traces now in its folder, every one named with `suffix` (the configuration and method). */
    const traces = async (args: readonly string[], folder: string, suffix: string) => {
      await runCli([...args, '--out', out]);
      const files = readdirSync(join(out, folder, 'traces', 'patent-lpar-a')).sort();
      expect(files.length, suffix).toBeGreaterThan(0);
      for (const f of files) expect(f).toMatch(new RegExp(`^(INV|LIV)-\\d\\d-${suffix}\\.itf\\.json$`));
      return files;
    };
    await traces(['explore', '--design', 'patent-lpar-a', '--faults', '1', '--only', 'INV-03'], 'explore', 'explore-2x1-f1-w2');
    const explored = await traces(['explore', '--design', 'patent-lpar-a', '--faults', '2', '--only', 'INV-03'], 'explore', 'explore-2x1-f2-w2');
    const run = ['run', '--design', 'patent-lpar-a', '--runs', '40'];
    await traces(run, 'run', '2x1-f4-w3-seed1');
    await traces([...run, '--lpars', '3'], 'run', '3x1-f4-w3-seed1');
    // Other commands per run, or the model alone: other traces (--runs alone changes none: run k is the same run).
    await traces([...run, '--max-commands', '30'], 'run', '2x1-f4-w3-seed1-c30');
    await traces([...run, '--model-only'], 'run', '2x1-f4-w3-seed1-model-only');
    // run and explore keep their own folders: the last exploration's traces are still there.
    expect(readdirSync(join(out, 'explore', 'traces', 'patent-lpar-a')).sort()).toEqual(explored);
  });
});

describe('a lasso replays as explore tells it', () => {
  test('LIV-04 on patent-lpar-a: the same prefix and cycle in both', async () => {
    const out = tempDir();
    const explored = await runCli(['explore', '--design', 'patent-lpar-a', '--only', 'LIV-04', '--out', out]);
    const [, prefix, cycle] = /lasso: (\d+) step\(s\) then a cycle of (\d+)/.exec(explored.stdout)!;
    const replay = await runCli(['replay', join(out, 'explore', 'traces', 'patent-lpar-a', 'LIV-04-explore-2x1-f2-w2.itf.json'), '--quiet']);
    expect(replay.code).toBe(1);
    expect(replay.stdout).toContain(`a lasso: ${prefix} step(s) then a cycle of ${cycle} back to state ${prefix}`);
  });
});

describe('a trace that does not replay as recorded', () => {
  test('a trace edited so that it no longer replays as recorded: SC006 naming the step, the command and what differs', async () => {
    const out = tempDir();
    await runCli(['explore', '--design', 'patent-lpar-a', '--faults', '1', '--only', 'INV-03', '--out', out]);
    const file = join(out, 'explore', 'traces', 'patent-lpar-a', 'INV-03-explore-2x1-f1-w2.itf.json');
    const trace = JSON.parse(readFileSync(file, 'utf8'));
    expect(trace.states[1]['#meta'].command).toEqual({ kind: 'client_write', lpar: 0 });
    trace.states[1]['#meta'].command.lpar = 7; // legal in a trace (INV-10's material), but not what was recorded
    writeFileSync(file, JSON.stringify(trace));
    const r = await runCli(['replay', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error SC006: ".*" diverges at step 1 \(\{"kind":"client_write","lpar":7\} → refused unknown-lpar\): .* in slots, writesIssued/);
    expect(r.stderr).toContain('fix: the trace was edited, or the model changed');
  });
});

describe('replay names what else broke along the trace', () => {
  test('the README\'s INV-07 trace of DSN-01: INV-01, INV-08, INV-09 and INV-14 at step 2 (Fig. 5 step 503 leaves LPAR0 reaching the slot, its disk mounted), INV-03 at step 3; none under hardened', async () => {
    const out = tempDir();
    await runCli(['explore', '--design', 'patent-lpar-a', '--only', 'INV-07', '--out', out]);
    const file = join(out, 'explore', 'traces', 'patent-lpar-a', 'INV-07-explore-2x1-f2-w2.itf.json');
    const same = await runCli(['replay', file, '--json']);
    expect(same.code).toBe(1);
    expect(JSON.parse(same.stdout).otherViolations).toEqual([{ id: 'INV-01', at: 2 }, { id: 'INV-08', at: 2 }, { id: 'INV-09', at: 2 }, { id: 'INV-14', at: 2 }, { id: 'INV-03', at: 3 }]);
    expect((await runCli(['replay', file, '--quiet'])).stdout).toContain('other properties broken along this trace (the exit code does not count them): INV-01 at step 2, INV-08 at step 2, INV-09 at step 2, INV-14 at step 2, INV-03 at step 3');
    const fixed = await runCli(['replay', file, '--design', 'hardened', '--json']);
    expect(fixed.code).toBe(0);
    expect(JSON.parse(fixed.stdout).otherViolations).toEqual([]);
  });
});

describe('a trace whose #meta was edited is refused, never replayed into a verdict', () => {
  test.each<[string, (t: Record<string, any>) => void, RegExp]>([
    ['a property id no counterexample is for', (t) => { t['#meta'].property.id = 'INV-99'; }, /field #meta\.property\.id: "INV-99" is not a property/],
    ['another property\'s id', (t) => { t['#meta'].property.id = 'LIV-01'; }, /field #meta\.property\.name: does not name LIV-01/],
    ['a configuration the model cannot build', (t) => { t['#meta'].config.lparCount = 9; }, /field #meta\.config\.lparCount: lparCount must be an integer from 2 to 4, got 9/],
  ])('%s: SC005 naming the field, exit 2, and with --json no verdict, only the error', async (_what, edit, message) => {
    const out = tempDir();
    await runCli(['explore', '--design', 'patent-lpar-a', '--faults', '1', '--only', 'INV-03', '--out', out]);
    const file = join(out, 'explore', 'traces', 'patent-lpar-a', 'INV-03-explore-2x1-f1-w2.itf.json');
    const trace = JSON.parse(readFileSync(file, 'utf8'));
    edit(trace);
    writeFileSync(file, JSON.stringify(trace));
    const r = await runCli(['replay', file, '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error SC005: /);
    expect(r.stderr).toMatch(message);
    const json = JSON.parse(r.stdout);
    expect(json).toEqual({ error: { code: 'SC005', message: expect.stringMatching(message), fix: expect.any(String) }, exitCode: 2 });
  });
});

describe('a planted emulator bug (test-only switch) is caught, traced, and replays exactly', () => {
  test('enable-before-gatekeeper: CONFORMANCE fails, the trace replays to the same step; without the switch it passes', async () => {
    const out = tempDir();
    const r = await runCli(['run', '--design', 'patent-lpar-a', '--runs', '60', '--seed', '42', '--planted-bug', 'enable-before-gatekeeper', '--out', out, '--json']);
    expect(r.code).toBe(1);
    const conformance = JSON.parse(r.stdout).designs[0].properties.find((p: { id: string }) => p.id === 'CONFORMANCE');
    expect(conformance.verdict).toBe('counterexample');
    expect(conformance.counterexample.why).toMatch(/gateKeeper: model \d, emulator \d/);
    const replay = await runCli(['replay', conformance.counterexample.trace, '--json']);
    expect(replay.code).toBe(1);
    expect(JSON.parse(replay.stdout).verdict).toEqual({ kind: 'violated', at: conformance.counterexample.stepIndex, why: conformance.counterexample.why });

    const clean = await runCli(['run', '--design', 'patent-lpar-a', '--runs', '60', '--seed', '42', '--out', tempDir(), '--json']);
    expect(JSON.parse(clean.stdout).designs[0].properties.find((p: { id: string }) => p.id === 'CONFORMANCE').verdict).toBe('pass');
  });

  test('an unknown planted bug is refused', async () => {
    const r = await runCli(['run', '--planted-bug', 'everything', '--out', join(tempDir(), 'x')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error SC002');
  });
});
