// Why this test exists (issue 17): the package must work outside this checkout, as a user installs
// it. `npm pack` the package, install the tarball into a project in a temporary folder, write a
// TypeScript design and a vitest file there that use the package, type-check them against the
// package's own types, run the installed CLI on the design, and run that vitest file.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let project = '';
let tarballFiles: string[] = [];

const run = (command: string, args: readonly string[], cwd = project) => spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0' }, timeout: 300_000 });
const slotcheck = (...args: string[]) => run(join(project, 'node_modules', '.bin', 'slotcheck'), args);

const MINE = `import { defineDesign } from 'slotcheck';

export default defineDesign({
  extends: 'hardened',
  name: 'mine',
  title: 'hardened, with act moved back to the end of the script',
  failoverScript: ['deact', 'await-fenced', 'rem_pci', 'add_pci', 'start', 'act'],
});
`;

const PROPERTIES_TEST = `import { describeProperties } from 'slotcheck/vitest';
import { explore, type ExploreResult } from 'slotcheck';
import { expect, test } from 'vitest';
import mine from './mine.ts';

describeProperties('hardened');
// Act moved back to the end of the script: a disk failing during the fail-over stalls it before act (F-10).
describeProperties(mine, { expectViolated: ['LIV-04'] });

test('the library API returns what explore --json prints', async () => {
  const result: ExploreResult = await explore({ designs: ['patent-lpar-a'], config: { faultBudget: 1, writeBudget: 1 } });
  expect(result.exitCode).toBe(1);
  expect(result.designs[0]!.properties.find((p) => p.id === 'INV-09')!.verdict).toBe('counterexample');
});
`;

// A finding not pinned: its tests must fail, saying why and how to replay it.
const FAILING_TEST = `import { describeProperties } from 'slotcheck/vitest';

describeProperties('patent-lpar-a', { config: { faultBudget: 1, writeBudget: 1 } });
`;

beforeAll(() => {
  // `npm test` builds dist/ first; packing without scripts keeps other tests' dist/ in place while this runs.
  if (!existsSync(join(ROOT, 'dist', 'index.js'))) throw new Error('dist/ is not built: run `npm run build` (npm test does)');
  project = mkdtempSync(join(tmpdir(), 'slotcheck-consumer-'));
  const packed = JSON.parse(execFileSync(NPM, ['pack', '--json', '--ignore-scripts', '--pack-destination', project], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as { filename: string; files: { path: string }[] }[];
  tarballFiles = packed[0]!.files.map((f) => f.path);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  const install = run(NPM, ['install', join(project, packed[0]!.filename), '--no-audit', '--no-fund', '--prefer-offline']);
  expect(install.status, install.stderr).toBe(0);
  // vitest and the compiler are the user's own dev dependencies: link this checkout's, so the test needs no network.
  for (const tool of ['vitest', 'typescript']) symlinkSync(join(ROOT, 'node_modules', tool), join(project, 'node_modules', tool), 'dir');
  writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, allowImportingTsExtensions: true, skipLibCheck: true, types: [] },
    include: ['*.ts'],
  }));
  writeFileSync(join(project, 'mine.ts'), MINE);
  writeFileSync(join(project, 'properties.test.ts'), PROPERTIES_TEST);
}, 300_000);

afterAll(() => { if (project !== '') rmSync(project, { recursive: true, force: true }); });

describe('the packed tarball, installed into a project outside the checkout', () => {
  test('ships the compiled package only: no sources, tests, benchmarks or CI', () => {
    expect(tarballFiles).toContain('dist/index.js');
    expect(tarballFiles).toContain('dist/index.d.ts');
    expect(tarballFiles).toContain('dist/api/vitest.js');
    expect(tarballFiles).toContain('bin/slotcheck.js');
    expect(tarballFiles.filter((f) => /\.test\.|testing\.|^bench\/|^\.ci\/|^test\/|^(model|impl|properties|check|reports|api|cli)\/|\.ts$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
  });

  test('a .ts design and a vitest file type-check against the package\'s types; a wrong field does not', () => {
    const tsc = join(ROOT, 'node_modules', '.bin', 'tsc');
    const ok = run(tsc, ['-p', project]);
    expect(ok.stdout + ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    writeFileSync(join(project, 'wrong.ts'), MINE.replace("name: 'mine',", "name: 'wrong', cpuStandbyPercent: 'lots',"));
    const wrong = run(tsc, ['-p', project]);
    rmSync(join(project, 'wrong.ts'));
    expect(wrong.status).not.toBe(0);
    expect(wrong.stdout).toMatch(/wrong\.ts\(\d+,\d+\): error TS2322: Type 'string' is not assignable to type 'number'/);
  });

  test('the installed CLI runs, explores and certifies the design, from compiled JavaScript', () => {
    const runs = slotcheck('run', '--design', './mine.ts', '--runs', '30', '--json');
    expect(runs.stderr).toBe('');
    expect(JSON.parse(runs.stdout).designs[0].design.name).toBe('mine');
    const explored = slotcheck('explore', '--design', './mine.ts', '--faults', '1', '--writes', '1', '--json');
    expect(JSON.parse(explored.stdout).designs[0].design.name).toBe('mine');
    expect(explored.status).toBe(JSON.parse(explored.stdout).exitCode);
    const certified = slotcheck('certify', '--design', './mine.ts');
    expect(certified.stdout).toMatch(/user mine: (CERTIFIED|COUNTEREXAMPLE|INCONCLUSIVE)/);
    expect([0, 1, 3]).toContain(certified.status);
    expect(existsSync(join(project, 'reports', 'out'))).toBe(true);
    // The CLI is the compiled one: no TypeScript loader for the tool itself.
    expect(readdirSync(join(project, 'node_modules', 'slotcheck', 'dist', 'cli'))).toContain('main.js');
  });

  test('its vitest file lists the properties by ID and passes; an unpinned finding fails with the sentence, the trace and the replay line', () => {
    const vitest = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
    const passing = run(process.execPath, [vitest, 'run', '--root', project, '--reporter', 'verbose', 'properties.test.ts']);
    expect(passing.status, passing.stdout + passing.stderr).toBe(0);
    expect(passing.stdout).toMatch(/DSN-06 hardened, 2 LPARs × 1 slot\(s\), faults 2, writes 2 \(explore\) > INV-01 at most one LPAR can reach each slot/);
    expect(passing.stdout).toMatch(/user mine, .* > LIV-04 the failed LPAR comes back as the standby/);
    mkdirSync(join(project, 'failing'));
    writeFileSync(join(project, 'failing', 'finding.test.ts'), FAILING_TEST);
    const failing = run(process.execPath, [vitest, 'run', '--root', project, 'failing/finding.test.ts']);
    expect(failing.status).toBe(1);
    expect(failing.stdout + failing.stderr).toMatch(/INV-09 violated on patent-lpar-a: .*\n\s+trace: reports\/out\/vitest\/explore\/traces\/patent-lpar-a\/INV-09-explore-2x1-f1-w1\.itf\.json\n\s+replay: npx slotcheck replay reports\/out\/vitest\/explore\/traces\/patent-lpar-a\/INV-09-explore-2x1-f1-w1\.itf\.json/);
  });
});
