// Why: `mutate --junit FILE` feeds CI, which must fail exactly when `mutate` exits 1 (a mutant
// survives that nothing justifies) and show why: a suite per mutant, a case per property that kills
// it (with the trace and the replay line), a survivor as a <failure>, a justified equivalent as
// <skipped>. Valid against the Jenkins JUnit schema, as reports/junit.test.ts checks for run.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { mutate } from '../api/mutate.ts';
import { mutateJunitReport } from './junit.ts';

const XSD = join(import.meta.dirname, 'junit.xsd');
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'slotcheck-junit-mutate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const result = await mutate({ design: 'hardened', config: { faultBudget: 0, writeBudget: 1 }, runs: 5, out: dir });
const xml = mutateJunitReport(result);

describe('JUnit XML of mutate', () => {
  test.skipIf(!hasXmllint)('is valid against the Jenkins JUnit schema', () => {
    const file = join(dir, 'junit.xml');
    writeFileSync(file, xml);
    expect(execFileSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })).toBe('');
  });

  test('a suite per mutant; failures are the unexplained survivors, so CI fails when mutate exits 1', () => {
    const suites = [...xml.matchAll(/<testsuite name="(M\d+) [^"]*" tests="(\d+)" failures="(\d+)" errors="(\d+)" skipped="(\d+)"/g)];
    expect(suites.map((m) => m[1])).toEqual(result.mutants.map((m) => m.id));
    const total = (i: number) => suites.reduce((n, m) => n + Number(m[i]), 0);
    expect(total(3)).toBe(result.score.survived);
    expect(total(4)).toBe(result.score.inconclusive);
    expect(total(5)).toBe(result.score.equivalent);
    expect(result.score.survived).toBeGreaterThan(0); // at fault budget 0 most mutants survive: the failures are there to see
    expect(xml).toMatch(new RegExp(`<testsuites name="slotcheck mutate hardened" tests="\\d+" failures="${result.score.survived}" errors="${result.score.inconclusive}">`));
  });

  test('a killed mutant has a passing case per killing property, with its trace and replay line', () => {
    const killed = result.mutants.find((m) => m.status === 'killed')!;
    const suite = xml.slice(xml.indexOf(`<testsuite name="${killed.id} `), xml.indexOf('</testsuite>', xml.indexOf(`<testsuite name="${killed.id} `)));
    for (const k of killed.killing) {
      expect(suite).toContain(`<testcase name="${k.id}: `);
      const trace = k.traces.explorer ?? k.traces.random!;
      expect(suite).toContain(`replay: npx slotcheck replay ${trace}`);
    }
    expect(suite).not.toMatch(/<failure|<error/);
  });

  test('a survivor is a <failure> saying what to do; a justified equivalent is <skipped> with the reason', () => {
    const survivor = result.mutants.find((m) => m.status === 'survived')!;
    expect(xml).toContain(`<failure message="${survivor.id} survives: no property tells it from hardened" type="survived">`);
    expect(xml).toContain('justify it in properties/equivalent-mutants.json if it is equivalent, or it is a gap in the catalogue');
    const equivalent = result.mutants.find((m) => m.status === 'equivalent')!;
    expect(xml).toMatch(new RegExp(`<testsuite name="${equivalent.id} [\\s\\S]*?<skipped message="equivalent: `));
    expect(mutateJunitReport(result)).toBe(xml);
  });
});
