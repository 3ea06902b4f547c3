// Why: issue 17, bad input found when tried as a new user would. Each case once gave a stack trace,
// ran without bound, ran a file named by a certificate, wrote into the current directory or hung;
// each must exit 2 with a code that says what was wrong and how to fix it, and write nothing.
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { certificationPlanSchema, CHECK_LIMITS, DEFAULT_PLAN } from '../check/certify/plan.ts';
import { runCli, tempDir } from './testing.ts';

const COMMITTED = readFileSync(join('reports', 'certificates', 'hardened.json'), 'utf8');

/** A certificate directory holding the committed hardened certificate, edited. */
function certificateDir(edit: (c: Record<string, any>) => unknown, name = 'hardened.json'): string {
  const dir = tempDir();
  const certificate = JSON.parse(COMMITTED);
  const edited = edit(certificate) ?? certificate;
  writeFileSync(join(dir, name), typeof edited === 'string' ? edited : JSON.stringify(edited, null, 2));
  return dir;
}

/** Exit 2, the code, a fix, no stack trace; refused before any work (nothing on stdout). */
function expectRefused(r: { code: number; stdout: string; stderr: string }, code: string, message: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toMatch(new RegExp(`^error ${code}: `));
  expect(r.stderr).toMatch(message);
  expect(r.stderr).toContain('\n  fix: ');
  expect(r.stderr).not.toMatch(/\n\s+at |TypeError|RangeError|Maximum call stack/);
  expect(r.stdout).toBe('');
}

/** Run with the working directory at `dir` (certificates name design files relative to it). */
async function runIn(dir: string, args: readonly string[]) {
  const before = process.cwd();
  process.chdir(dir);
  try {
    return await runCli(args);
  } finally {
    process.chdir(before);
  }
}

const deepArrays = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

describe('certify --check: a certificate\'s plan is checked against the tool\'s limits before it is run (once a TypeError, or a check without end)', () => {
  test('the default plan, and the committed certificate\'s, are within the limits', () => {
    expect(certificationPlanSchema.safeParse(DEFAULT_PLAN).success).toBe(true);
    expect(certificationPlanSchema.safeParse(JSON.parse(COMMITTED).plan).success).toBe(true);
  });

  test.each<[string, (c: Record<string, any>) => void, string, RegExp]>([
    ['an entry that is no object', (c) => { c.plan.explore = [42]; }, 'plan.explore.0', /expected object/],
    ['9 LPARs', (c) => { c.plan.explore[0].config.lparCount = 9; }, 'plan.explore.0.config.lparCount', /lparCount must be an integer from 2 to 4, got 9/],
    ['no slot', (c) => { c.plan.conformance[1].config.slotCount = 0; }, 'plan.conformance.1.config.slotCount', /slotCount must be an integer from 1 to 3/],
    ['an exhaustive budget beyond explore\'s', (c) => { c.plan.explore[1].config.faultBudget = CHECK_LIMITS.exhaustiveBudget + 1; }, 'plan.explore.1.config.faultBudget', /from 0 to 20 here \(the tool's limit\), got 21/],
    ['a random budget beyond run\'s', (c) => { c.plan.random[0].config.writeBudget = 999; }, 'plan.random.0.config.writeBudget', /from 0 to 50 here/],
    ['10^12 states', (c) => { c.plan.explore[0].statesMax = 1e12; }, 'plan.explore.0.statesMax', /at most 200000000 \(the tool's limit\)/],
    ['10^9 runs', (c) => { c.plan.random[1].runs = 1e9; }, 'plan.random.1.runs', /at most 1000000 \(the tool's limit\)/],
    ['a fractional depth', (c) => { c.plan.explore[0].depthMax = 10.5; }, 'plan.explore.0.depthMax', /expected int/],
    ['10,000 entries', (c) => { c.plan.random = Array.from({ length: 10_000 }, () => c.plan.random[0]); }, 'plan.random', /more than 8 entries \(the tool's limit\)/],
    ['an unknown field', (c) => { c.plan.conformance[0].threads = 64; }, 'plan.conformance.0', /threads/],
    ['an unknown comparison', (c) => { c.plan.conformance[0].along = 'everywhere'; }, 'plan.conformance.0.along', /shortest-path|every-edge/],
  ])('%s: SC009 naming the field', async (_what, edit, field, message) => {
    const dir = certificateDir(edit);
    const r = await runCli(['certify', '--check', '--dir', dir]);
    expectRefused(r, 'SC009', new RegExp(`field ${field.replaceAll('.', '\\.')}: `));
    expect(r.stderr).toMatch(message);
    expect(readdirSync(dir)).toEqual(['hardened.json']);
  });

  test('a certificate that is not an object: the field is "(top level)", not an empty name', async () => {
    const r = await runCli(['certify', '--check', '--dir', certificateDir(() => '[1]')]);
    expectRefused(r, 'SC009', /field \(top level\): /);
  });

  test('a bad certificate after a good one is refused before the good one is recomputed', async () => {
    const dir = certificateDir(() => undefined);
    writeFileSync(join(dir, 'zz-bad.json'), JSON.stringify({ ...JSON.parse(COMMITTED), plan: { explore: [42], random: [], conformance: [] } }));
    const r = await runCli(['certify', '--check', '--dir', dir]);
    expectRefused(r, 'SC009', /zz-bad\.json": field plan\.explore\.0: /);
  });

  test('a certificate nested 100,000 levels deep: SC009 naming the field, not a stack overflow', async () => {
    const dir = certificateDir(() => COMMITTED.replace('{', `{"extra": ${deepArrays(100_000)},`));
    const r = await runCli(['certify', '--check', '--dir', dir]);
    expectRefused(r, 'SC009', /field extra\.0\.0\.0\.0\.0…: nests arrays and objects more than 64 levels deep/);
  });

  test('--check writes nothing, so it takes no --out: SC001, and the directory is not made', async () => {
    const out = join(tempDir(), 'out');
    const r = await runCli(['certify', '--check', '--out', out]);
    expectRefused(r, 'SC001', /--check writes nothing; it takes no --out/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('certify --check runs only built-in designs and design files inside the working directory (a certificate once made it import any file)', () => {
  /** A design module that leaves a mark when it is imported. */
  const markingDesign = (dir: string) => {
    const mark = join(dir, 'imported');
    const file = join(dir, 'evil.ts');
    writeFileSync(file, `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(mark)}, 'ran');\nexport default { extends: 'hardened', name: 'evil', title: 'evil' };\n`);
    return { file, mark };
  };

  test('an absolute path: SC009 saying why, and the file is not imported', async () => {
    const { file, mark } = markingDesign(tempDir());
    const r = await runCli(['certify', '--check', '--dir', certificateDir((c) => { c.design.source = `file:${file}`; })]);
    expectRefused(r, 'SC009', /field design\.source is "file:\/.*evil\.ts", an absolute path; a certificate is data/);
    expect(r.stderr).toContain('fix: run `certify --check` from the directory (the repository) that holds the design file');
    expect(existsSync(mark)).toBe(false);
  });

  test('a relative path that leaves the working directory, directly or through a symbolic link: SC009, not imported', async () => {
    const root = tempDir();
    const { mark } = markingDesign(root);
    const work = join(root, 'work');
    mkdirSync(work);
    symlinkSync(root, join(work, 'link'));
    for (const [source, why] of [['file:../evil.ts', 'a path that leaves the working directory'], ['file:link/evil.ts', 'a path that leads out of the working directory through a symbolic link']]) {
      const r = await runIn(work, ['certify', '--check', '--dir', certificateDir((c) => { c.design.source = source; })]);
      expectRefused(r, 'SC009', new RegExp(`field design\\.source is "${source}", ${why}; `));
      expect(existsSync(mark)).toBe(false);
    }
  });
});

describe('replay: a trace nested absurdly deep, or with a __proto__ key, is refused naming the field (once "Maximum call stack size exceeded")', () => {
  /** A trace file the tool wrote (INV-03 of patent-lpar-a), as text. */
  async function traceText(): Promise<{ file: string; text: string }> {
    const out = tempDir();
    await runCli(['explore', '--design', 'patent-lpar-a', '--faults', '1', '--only', 'INV-03', '--out', out]);
    const file = join(out, 'explore', 'traces', 'patent-lpar-a', 'INV-03-explore-2x1-f1-w2.itf.json');
    return { file, text: readFileSync(file, 'utf8') };
  }

  test('100,000 nested arrays under #meta, or in a state: SC005 naming the field, with --json the error alone', async () => {
    const { file, text } = await traceText();
    const cases: [string, string][] = [
      [text.replace('"#meta": {', `"#meta": {"deep": ${deepArrays(100_000)},`), '#meta.deep.0.0.0.0…'],
      [text.replace('"vars": [', `"vars": [${deepArrays(100_000)},`), 'vars.0.0.0.0.0…'],
    ];
    for (const [edited, field] of cases) {
      writeFileSync(file, edited);
      const r = await runCli(['replay', file, '--json']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`error SC005: "${file}": field ${field}: nests arrays and objects more than 64 levels deep`);
      expect(r.stderr).not.toMatch(/Maximum call stack|\n\s+at /);
      expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'SC005' }, exitCode: 2 });
    }
  });

  test('a command {"kind":"tick","__proto__":{}} written as JSON text: SC005 naming __proto__', async () => {
    const { file, text } = await traceText();
    const trace = JSON.parse(text);
    trace.states[1]['#meta'].command = 'COMMAND';
    writeFileSync(file, JSON.stringify(trace).replace('"COMMAND"', '{"kind":"tick","__proto__":{}}'));
    const r = await runCli(['replay', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error SC005: ".*": field states\.1\.#meta\.command\.__proto__: tick takes no "__proto__"/);
    expect(r.stdout).toBe('');
  });
});

describe('--out and --dir: refused before any work where nothing could be written, and never "" (which wrote into the current directory)', () => {
  test.each([
    'run --design hardened --runs 1 --out',
    'explore --design hardened --faults 0 --out',
    'sweep --limit 1 --faults 0 --out',
    'certify --design hardened --out',
    'certify --design hardened --dir',
    'certify --check --dir',
  ])('%s "": SC002, and the working directory stays empty', async (args) => {
    const work = tempDir();
    const r = await runIn(work, [...args.split(' '), '']);
    expectRefused(r, 'SC002', new RegExp(`--(out|dir) is ""[\\s\\S]*give --(out|dir) \\.`));
    expect(readdirSync(work)).toEqual([]);
  });

  test.each([
    'run --design hardened --runs 1 --out',
    'explore --design hardened --faults 0 --out',
    'sweep --limit 1 --faults 0 --out',
    'certify --design hardened --dir',
  ])('%s under /proc or /sys (once a hang after the work): SC008 before any work', async (args) => {
    for (const target of ['/proc/slotcheck-x', '/sys/slotcheck-x/y']) {
      const r = await runCli([...args.split(' '), target]);
      expectRefused(r, 'SC008', /is on (proc|sysfs), a kernel file system where no output file can be written/);
      expect(existsSync(target)).toBe(false);
    }
  });

  test.skipIf(process.getuid?.() === 0)('a directory that is not writable: SC008 before any work', async () => {
    const locked = tempDir();
    chmodSync(locked, 0o555);
    const r = await runCli(['explore', '--design', 'hardened', '--faults', '0', '--out', join(locked, 'out')]);
    expectRefused(r, 'SC008', /is not writable \(EACCES\)/);
    expect(existsSync(join(locked, 'out'))).toBe(false);
  });
});

describe('--json carries the exit code in every command', () => {
  test('sweep --json has exitCode; sweep.json keeps its fields (no exitCode)', async () => {
    const out = tempDir();
    const r = await runCli(['sweep', '--design', 'hardened', '--faults', '0', '--limit', '1', '--out', out, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).exitCode).toBe(0);
    const file = JSON.parse(readFileSync(join(out, 'sweep', 'hardened-2x1-f0-w1', 'sweep.json'), 'utf8'));
    expect(file).not.toHaveProperty('exitCode');
    expect({ ...file, exitCode: 0 }).toEqual(JSON.parse(r.stdout));
  });

  test.each([
    [['run', '--design', 'hardened', '--runs', '1', '--max-commands', '2'], 3],
    [['explore', '--design', 'hardened', '--faults', '0', '--states-max', '50'], 3],
  ])('%j --json: exitCode %i', async (args, code) => {
    const r = await runCli([...args, '--out', tempDir(), '--json']);
    expect(r.code).toBe(code);
    expect(JSON.parse(r.stdout).exitCode).toBe(code);
  });
});
