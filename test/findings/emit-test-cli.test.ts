// Why (issue 20): `slotcheck replay TRACE --emit-test FILE` turns a counterexample into a regression
// test. The test it writes must pass when its pin is true and FAIL when it is not: here F-01 (Fig. 5
// step 503 reassigns the enabled slot of a running LPAR0 to LPAR1) is pinned three ways, each test
// file is run by vitest in a folder of its own, and the one that claims INV-09 holds on
// patent-lpar-a (a fix not made) must fail saying so. Bad options exit 2 and write nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { FINDINGS } from '../../properties/findings.ts';
import { canonicalJson } from '../../reports/canonical-json.ts';
import { runCli, tempDir } from '../../cli/testing.ts';
import { findingTrace } from './finding-trace.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const VITEST = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
/** The emitted tests below import this checkout's source (a user's import the package: the default, 'slotcheck'). */
const INDEX = join(ROOT, 'index.ts');

let dir = '';
let traceFile = '';

beforeAll(async () => {
  dir = tempDir();
  traceFile = join(dir, 'F-01.itf.json');
  writeFileSync(traceFile, canonicalJson(await findingTrace(FINDINGS.find((f) => f.id === 'F-01')!, 'patent-lpar-a')));
});

interface VitestJson { testResults: { name: string; status: string; assertionResults: { status: string; failureMessages: string[] }[] }[] }

describe('replay --emit-test', () => {
  test('pins the finding, a fix on hardened, and a fix not made; vitest passes the first two and fails the third', async () => {
    const emit = (file: string, ...more: string[]) => runCli(['replay', traceFile, '--quiet', '--emit-test', join(dir, file), '--import-from', INDEX, ...more]);
    const finding = await emit('finding.test.ts');
    expect(finding.code).toBe(1); // replay's own verdict: INV-09 is still violated
    expect(finding.stdout).toContain(`test written to ${join(dir, 'finding.test.ts')}: it asserts INV-09 is violated; run it with npx vitest run`);
    const fix = await emit('fix.test.ts', '--design', 'hardened', '--expect', 'holds');
    expect(fix.code).toBe(0);
    const notFixed = await emit('not-fixed.test.ts', '--expect', 'holds', '--json');
    expect(JSON.parse(notFixed.stdout).emittedTest).toEqual({ file: join(dir, 'not-fixed.test.ts'), expect: 'holds', passesNow: false });
    expect(readFileSync(join(dir, 'finding.test.ts'), 'utf8')).toContain(`// Written by \`slotcheck replay ${traceFile} --emit-test ${join(dir, 'finding.test.ts')} --expect violated --import-from ${INDEX}\``);

    const report = join(dir, 'vitest.json');
    const r = spawnSync(process.execPath, [VITEST, 'run', '--root', dir, '--reporter=json', `--outputFile=${report}`], { cwd: dir, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status, r.stderr).toBe(1);
    const results = (JSON.parse(readFileSync(report, 'utf8')) as VitestJson).testResults;
    const byFile = Object.fromEntries(results.map((t) => [t.name.slice(dir.length + 1), t]));
    expect(byFile['finding.test.ts']!.status).toBe('passed');
    expect(byFile['fix.test.ts']!.status).toBe('passed');
    expect(byFile['not-fixed.test.ts']!.status).toBe('failed');
    expect(byFile['not-fixed.test.ts']!.assertionResults[0]!.failureMessages.join('\n')).toMatch(/INV-09 breaks again on patent-lpar-a/);
  }, 180_000);

  test.each<[string, string[], string, RegExp]>([
    ['an unknown --expect', ['--emit-test', 'x.test.ts', '--expect', 'broken'], 'SC002', /--expect is "broken".*\n  fix: give --expect violated or holds/],
    ['--expect without --emit-test', ['--expect', 'holds'], 'SC001', /--expect goes with --emit-test/],
    ['--import-from without --emit-test', ['--import-from', 'x'], 'SC001', /--import-from goes with --emit-test/],
    ['a file vitest would not run', ['--emit-test', 'pinned.ts'], 'SC002', /"pinned.ts", which vitest does not run by default/],
    ['a directory', ['--emit-test', '.'], 'SC008', /--emit-test: ".*" is a directory/],
    ['a file under a file', ['--emit-test', 'F-01.itf.json/x.test.ts'], 'SC008', /is a file, not a directory/],
    ['a kernel file system', ['--emit-test', '/proc/x.test.ts'], 'SC008', /is on proc/],
  ])('%s: exit 2 (%s), nothing written', async (_, args, code, message) => {
    const before = readdirSync(dir).sort();
    const r = await runCli(['replay', traceFile, ...args.map((a) => (a.startsWith('F-01') || a === '.' ? join(dir, a) : a))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^error ${code}: `));
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(existsSync(join(ROOT, 'x.test.ts')) || existsSync(join(ROOT, 'pinned.ts'))).toBe(false);
  });
});
