// Why: CI systems read `--junit FILE` (issue 20). The output must be valid against the JUnit XML
// schema Jenkins uses (reports/junit.xsd, checked with xmllint), have a suite per design and a
// case per property ID, and a failure must carry what a person needs to act: the sentence, the
// trace and the line that replays it. Not-applicable is <skipped/>. The same result gives the
// same bytes (no times, no timestamps).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { junitXml } from '../api/reports.ts';
import { run } from '../api/run.ts';
import { defineDesign } from '../model/define-design.ts';

const XSD = join(import.meta.dirname, 'junit.xsd');
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'slotcheck-junit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const XSS = '<img src=x onerror="window.pwned=1"> & ]]> \u0001';
const result = await run({
  designs: ['patent-lpar-a', 'hardened', defineDesign({ extends: 'patent-lpar-a', name: 'odd-title', title: XSS })],
  runs: 40, modelOnly: true, out: dir,
});
const xml = junitXml({ run: result });

describe('JUnit XML', () => {
  test.skipIf(!hasXmllint)('is valid against the Jenkins JUnit schema (xmllint --schema reports/junit.xsd)', () => {
    const file = join(dir, 'junit.xml');
    writeFileSync(file, xml);
    const out = execFileSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out).toBe('');
  });

  test('xmllint is installed (libxml2-utils): without it the schema test above is skipped', () => {
    if (!hasXmllint) console.warn('SKIPPED: the JUnit schema check needs xmllint (Debian package libxml2-utils)');
    expect(typeof hasXmllint).toBe('boolean');
  });

  test('a test suite per design, a test case per property ID', () => {
    const suites = [...xml.matchAll(/<testsuite name="([^"]*)" tests="(\d+)"/g)].map((m) => [m[1], Number(m[2])]);
    expect(suites.map(([name]) => name)).toEqual(['DSN-01 patent-lpar-a', 'DSN-06 hardened', 'user odd-title']);
    for (const d of result.designs) {
      const ids = d.properties.map((p) => p.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(suites.find(([name]) => String(name).endsWith(d.design.name))![1]).toBe(ids.length);
    }
  });

  test('a failure carries the sentence, the trace path and the replay command', () => {
    const lparA = result.designs[0]!;
    const failed = lparA.properties.find((p) => p.verdict === 'counterexample' && p.counterexample?.trace != null)!;
    const cx = failed.counterexample!;
    const testcase = xml.split('<testcase ').find((t) => t.startsWith(`name="${failed.id}: `) && t.includes('classname="slotcheck.patent-lpar-a"'))!;
    expect(testcase).toContain('<failure message="');
    expect(testcase).toContain(`${failed.id}: ${failed.name.replace(/'/g, '&#39;')}`);
    expect(testcase).toContain(`trace: ${cx.trace}`);
    expect(testcase).toContain(`replay: npx slotcheck replay ${cx.trace}`);
  });

  test('not applicable is <skipped/>; a pass is an empty test case', () => {
    const na = result.designs[1]!.properties.find((p) => p.verdict === 'not-applicable')!;
    const pass = result.designs[1]!.properties.find((p) => p.verdict === 'pass')!;
    const caseOf = (id: string) => xml.split('<testcase ').find((t) => t.startsWith(`name="${id}: `) && t.includes('classname="slotcheck.hardened"'))!;
    expect(caseOf(na.id)).toMatch(/^[^\n]*>\n\s*<skipped message="not applicable: /);
    expect(caseOf(pass.id)).toMatch(/^[^\n]*\/>\n/);
  });

  test('escapes markup and drops characters XML cannot hold; the same result gives the same bytes', () => {
    expect(xml).not.toContain('<img');
    expect(xml).not.toContain('\u0001');
    expect(junitXml({ run: result })).toBe(xml);
    expect(xml).not.toMatch(/\b(time|timestamp)="/);
  });
});
