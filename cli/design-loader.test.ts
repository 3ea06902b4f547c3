// Why: `--design ./file` must work wherever a design name does, and a bad design file must exit 2
// naming the field that is wrong (issue: certify before a design changes).
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { loadDesignFile } from './design-loader.ts';
import { builtInDesign } from '../model/index.ts';
import { runCli, tempDir } from './testing.ts';

const entry = pathToFileURL(resolve('index.ts')).href;
const designFile = (name: string, body: string) => {
  const file = join(tempDir(), name);
  writeFileSync(file, body);
  return file;
};
const tsDesign = (spec: string) => designFile('design.ts', `import { defineDesign } from '${entry}';\nexport default defineDesign(${spec});\n`);

describe('a design file works wherever a design name does', () => {
  test('a .ts file extending a built-in design runs', async () => {
    const file = tsDesign(`{ extends: 'hardened', name: 'hardened-no-quiesce', title: 'hardened, without the reset before reassignment', inflightDmaOnReassign: 'none' }`);
    const r = await runCli(['run', '--design', file, '--runs', '300', '--seed', '3', '--out', tempDir()]);
    expect(r.stdout).toContain('user hardened-no-quiesce');
    expect(r.code).toBe(1); // without a quiesce, the failed LPAR's queued write survives the takeover (F-03)
    expect(r.stdout).toMatch(/INV-01\s+FAIL/);
  });

  test('a JSON file with "extends" runs', async () => {
    const file = designFile('d.json', JSON.stringify({ extends: 'patent-lpar-a', name: 'lpar-a-quiesce', title: 'case (a) with quiesce', inflightDmaOnReassign: 'quiesce' }));
    const r = await runCli(['run', '--design', file, '--runs', '20', '--out', tempDir()]);
    expect(r.stdout).toContain('user lpar-a-quiesce');
  });

  test('replay --design accepts a file', async () => {
    const out = tempDir();
    const run = await runCli(['run', '--design', 'patent-lpar-a', '--runs', '60', '--seed', '4', '--out', out, '--json']);
    const trace = JSON.parse(run.stdout).designs[0].properties.find((p: { id: string }) => p.id === 'INV-09').counterexample.trace;
    const file = designFile('d.json', JSON.stringify({ extends: 'patent-lpar-a', name: 'lpar-a-reject', title: 'refuse add_pci on an enabled slot', addWhileEnabled: 'reject' }));
    const r = await runCli(['replay', trace, '--design', file, '--quiet']);
    expect(r.stdout).toContain('holds along this trace under lpar-a-reject');
    expect(r.code).toBe(0);
  });
});

test('a design named twice (by name and by DSN id) runs once', async () => {
  const r = await runCli(['explore', '--design', 'DSN-06', '--design', 'hardened', '--faults', '0', '--out', tempDir(), '--json']);
  expect(JSON.parse(r.stdout).designs.map((d: { design: { name: string } }) => d.design.name)).toEqual(['hardened']);
});

describe('a bad design file exits 2 naming the field', () => {
  test.each([
    ['an unknown parameter', tsDesign(`{ extends: 'hardened', name: 'x', title: 't', quiesce: true } as never`), /unknown parameter\(s\): quiesce/],
    ['a value of the wrong type', tsDesign(`{ extends: 'hardened', name: 'x', title: 't', ejectAck: 'sometimes' as never }`), /ejectAck:/],
    ['a script step that does not exist', tsDesign(`{ extends: 'hardened', name: 'x', title: 't', failoverScript: ['deact', 'reboot-everything'] as never }`), /failoverScript\[1\]: a script step is one of/],
    ['an unknown base design', tsDesign(`{ extends: 'nope', name: 'x', title: 't' }`), /extends: there is no built-in design "nope"/],
    ['a module that does not load', designFile('broken.ts', `import { nothing } from './nowhere.ts';\nexport default nothing;\n`), /does not load/],
    // The compiler puts the location and the message on the lines after "Transform failed with 1 error:".
    ['a module with a syntax error, with where it is', designFile('syntax.ts', `export default {\n  extends: 'hardened'\n  name: 'x',\n};\n`), /does not load: Transform failed with 1 error:\n[^]*syntax\.ts:3:/],
    ['an "id" in a design that extends another', designFile('d.json', JSON.stringify({ extends: 'hardened', name: 'foo', id: 'DSN-01', title: 't' })), /id: a design that extends another gets the id "user"; leave "id" out \(it was "DSN-01"\)/],
    ['a module without a default export', designFile('empty.ts', `export const x = 1;\n`), /default export: missing: it exports "x" but no default/],
    ['JSON with a bad field', designFile('d.json', JSON.stringify({ extends: 'hardened', name: 'x', title: 't', heartbeatPeriodTicks: 0 })), /heartbeatPeriodTicks/],
    ['JSON that is not an object', designFile('d.json', '["hardened"]'), /a design is a JSON object/],
    ['JSON with neither "extends" nor a whole design', designFile('d.json', JSON.stringify({ name: 'x', title: 't', ejectAck: 'required' })), /extends: missing/],
    // Certificates and traces are filed by name: a file that took a built-in's would overwrite its certificate.
    ['a built-in design\'s name', designFile('d.json', JSON.stringify({ extends: 'hardened', name: 'hardened', title: 't', cpuStandbyPercent: 2 })), /name: "hardened" is the built-in design DSN-06 hardened/],
    ['a built-in design\'s id', designFile('d.json', JSON.stringify({ ...builtInDesign('hardened')!, name: 'mine' })), /id: "DSN-06" is the id of the built-in design hardened/],
    ['a file that does not exist', '/nonexistent/design.ts', /does not exist/],
  ])('%s', async (_what, file, message) => {
    const out = tempDir();
    const r = await runCli(['run', '--design', file, '--out', join(out, 'o')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error SC007');
    expect(r.stderr).toMatch(message);
    expect(existsSync(join(out, 'o'))).toBe(false);
  });

  test('the installed command, on a .ts file outside any package (loaded as CommonJS): the syntax error\'s line and column', () => {
    // In-process (above) the test runner compiles the module; `npx slotcheck` loads it through tsx,
    // where a file outside a package fails as a SyntaxError that carries no location.
    const file = designFile('syntax.ts', `export default {\n  extends: 'hardened'\n  name: 'x',\n};\n`);
    const r = spawnSync(process.execPath, [resolve('bin/slotcheck.js'), 'run', '--design', file, '--out', join(tempDir(), 'o')], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`error SC007: design file "${file}": (the module): does not load: Transform failed with 1 error:\n    ${file}:3:2: ERROR: Expected "}" but found "name"`);
    expect(r.stderr).toContain('fix: fix the module so that it loads');
  });

  test('JSON that is not JSON is SC004, with where the parser stopped', async () => {
    const r = await runCli(['run', '--design', designFile('d.json', '{ nope'), '--out', join(tempDir(), 'o')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error SC004: design file ".*d\.json" is not JSON: .*JSON/);
    expect(r.stderr).toContain('fix: fix the JSON syntax');
  });
});

// Why (issue 17, tried as a new user would): a design file is a user's code, and it ran in the
// thread that prints verdicts. A non-Error throw or a throwing getter gave a stack trace and exit 1;
// a top-level await that never settles gave exit 13 and no output; process.exit(0) gave a silent
// exit 0 that looked like a pass. Each must be SC007, exit 2, nothing written.
describe('a design file that misbehaves while loading is SC007, never a verdict', () => {
  test.each([
    ['throws a string', designFile('boom.ts', 'throw "boom";\nexport default {};\n'), /\(the module\): does not load: boom/],
    ['throws null', designFile('null.ts', 'throw null;\nexport default {};\n'), /\(the module\): does not load: a thrown null: null/],
    ['has a default export whose getter throws', designFile('getter.ts', `export default { extends: 'hardened', name: 'g', get title(): string { throw new Error('no title today'); } };\n`), /default export: cannot be read as a design: no title today/],
    ['exports a function', designFile('fn.ts', 'export default () => 1;\n'), /default export: cannot be read as a design: a design holds data only, not a function/],
    ['has a top-level await that never settles', designFile('await.mts', 'await new Promise(() => {});\nexport default {};\n'), /\(the module\): never finished loading: its top-level await never settled/],
    ['calls process.exit(0)', designFile('exit.ts', 'process.exit(0);\nexport default {};\n'), /\(the module\): called process.exit\(0\) while loading/],
  ])('one that %s', async (_what, file, message) => {
    const out = tempDir();
    const r = await runCli(['run', '--design', file, '--out', join(out, 'o')]);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('error SC007');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.code).toBe(2);
    expect(existsSync(join(out, 'o'))).toBe(false);
  });

  test('one that never finishes (a timer keeps it alive) is stopped at the load time limit', async () => {
    const file = designFile('forever.mts', 'setInterval(() => {}, 1000);\nawait new Promise(() => {});\nexport default {};\n');
    await expect(loadDesignFile(file, 1500)).rejects.toThrow(/did not finish loading within 1.5 s/);
  });

  test('the installed command: process.exit(0) in a design file exits 2, not 0', () => {
    const file = designFile('exit.ts', 'process.exit(0);\nexport default {};\n');
    const out = join(tempDir(), 'o');
    const r = spawnSync(process.execPath, [resolve('bin/slotcheck.js'), 'run', '--design', file, '--out', out], { encoding: 'utf8' });
    expect(r.stderr).toContain('called process.exit(0) while loading');
    expect(r.status).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});

// Why: two design files with the same name in one command used to drop the second silently, so
// its failures went unseen and the exit code spoke for the first alone.
test('two different designs of one name in one command are SC007', async () => {
  const a = designFile('a.json', JSON.stringify({ extends: 'hardened', name: 'mine', title: 'one', cpuStandbyPercent: 2 }));
  const b = designFile('b.json', JSON.stringify({ extends: 'patent-lpar-a', name: 'mine', title: 'two' }));
  const out = join(tempDir(), 'o');
  const r = await runCli(['run', '--design', a, '--design', b, '--out', out]);
  expect(r.stderr).toMatch(/error SC007: ".*a\.json" and ".*b\.json" are two different designs named "mine"/);
  expect(r.code).toBe(2);
  expect(existsSync(out)).toBe(false);
  // The same file twice is one design, as a built-in named by name and by id is.
  const twice = await runCli(['explore', '--design', a, '--design', a, '--faults', '0', '--out', tempDir(), '--json']);
  expect(JSON.parse(twice.stdout).designs).toHaveLength(1);
});
