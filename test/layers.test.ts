// Why this test exists: `npm run layers` passing on this tree says nothing unless its rules can
// fail. Each planted import below breaks one rule of .dependency-cruiser.cjs (DESIGN.md §3: imports
// point down model ← impl ← properties ← check ← reports ← cli) and must be reported by name; the
// imports the layering allows must not be.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DEPCRUISE = join(ROOT, 'node_modules', '.bin', 'depcruise');
const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

/** Cruise a tree of files (path → the paths it imports) with the project's rules; the violated rules. */
function violations(files: Record<string, readonly string[]>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'slotcheck-layers-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', allowImportingTsExtensions: true, noEmit: true } }));
  for (const [file, imports] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    const lines = imports.map((target, i) => `import { x as x${i} } from '${relativeImport(file, target)}';`);
    writeFileSync(join(dir, file), `${lines.join('\n')}\nexport const x = 1;\n`);
  }
  const roots = [...new Set(Object.keys(files).map((f) => f.split('/')[0]!))];
  let output: string;
  try {
    output = execFileSync(DEPCRUISE, ['--config', join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'json', ...roots], { cwd: dir, encoding: 'utf8' });
  } catch (error) {
    output = (error as { stdout: string }).stdout; // it exits non-zero when a rule is broken; the JSON is still on stdout
  }
  const result = JSON.parse(output) as { summary: { violations: { rule: { name: string }; from: string; to: string }[] } };
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
}

function relativeImport(from: string, to: string): string {
  const up = from.split('/').length - 1;
  return `${up === 0 ? './' : '../'.repeat(up)}${to}`;
}

describe('the layer rules (npm run layers) catch what they forbid', () => {
  test('an upward import from each layer', () => {
    expect(violations({
      'model/a.ts': ['impl/b.ts'],
      'impl/b.ts': ['properties/c.ts'],
      'properties/c.ts': ['check/d.ts'],
      'check/d.ts': ['reports/e.ts'],
      'reports/e.ts': ['cli/f.ts'],
      'cli/f.ts': [],
    })).toEqual([
      'no-upward-from-check: check/d.ts → reports/e.ts',
      'no-upward-from-impl: impl/b.ts → properties/c.ts',
      'no-upward-from-model: model/a.ts → impl/b.ts',
      'no-upward-from-properties: properties/c.ts → check/d.ts',
      'no-upward-from-reports: reports/e.ts → cli/f.ts',
      'packed-twin-is-model: model/a.ts → impl/b.ts',
    ]);
  });

  test('a cycle, reports running a checker or the model, the explorer leaning on random runs, product code importing a test helper', () => {
    expect(violations({
      'check/x.ts': ['check/y.ts'],
      'check/y.ts': ['check/x.ts'],
      'check/random/suite.ts': [],
      'check/random/suite-report.ts': [],
      'check/explore/search.ts': ['check/random/suite.ts'],
      'model/step.ts': [],
      'model/testing.ts': [],
      'reports/write.ts': ['check/random/suite.ts', 'check/random/suite-report.ts', 'model/step.ts'],
      'cli/main.ts': ['model/testing.ts'],
    })).toEqual([
      'explore-apart-from-random: check/explore/search.ts → check/random/suite.ts',
      'no-circular: check/x.ts → check/y.ts',
      'no-test-helpers-in-product: cli/main.ts → model/testing.ts',
      'reports-run-no-checker: reports/write.ts → check/random/suite.ts',
      'reports-run-no-model: reports/write.ts → model/step.ts',
    ]);
  });

  test('downward imports, and a test reaching up to the checker that drives it, pass', () => {
    expect(violations({
      'model/a.ts': [],
      'impl/b.ts': ['model/a.ts'],
      'properties/c.ts': ['impl/b.ts', 'model/a.ts'],
      'check/d.ts': ['properties/c.ts'],
      'check/random/suite-report.ts': [],
      'reports/e.ts': ['check/random/suite-report.ts', 'properties/c.ts'],
      'cli/f.ts': ['reports/e.ts', 'check/d.ts'],
      'model/a.test.ts': ['check/d.ts', 'model/a.ts'],
    })).toEqual([]);
  });
});
