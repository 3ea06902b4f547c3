// Why: a certificate is how a designer knows a design still holds before changing it. It must be
// written only when everything holds, be byte-reproducible, and `--check` must fail when a
// design changed without being re-certified.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { builtInDesign } from '../model/index.ts';
import { checkEveryTransition, replayGap } from '../check/conformance/exhaustive.ts';
import { OutputFiles } from '../reports/output-files.ts';
import { addConformanceTraces } from '../reports/write-traces.ts';
import { runCli, tempDir } from './testing.ts';

const entry = pathToFileURL(resolve('index.ts')).href;
const userDesign = (dir: string, change: string) => {
  const file = join(dir, 'my-design.ts');
  writeFileSync(file, `import { defineDesign } from '${entry}';\nexport default defineDesign({ extends: 'hardened', name: 'my-hardened', title: 'hardened, my copy'${change} });\n`);
  return file;
};

/** Run `body` with the working directory at `dir`. */
async function inDirectory(dir: string, body: () => Promise<void>): Promise<void> {
  const before = process.cwd();
  process.chdir(dir);
  try {
    await body();
  } finally {
    process.chdir(before);
  }
}

describe('slotcheck certify', () => {
  test('certifies a user design, byte for byte the same twice; --check fails once the design changes', async () => {
    const [work, a, b] = [tempDir(), tempDir(), tempDir()];
    userDesign(work, '');
    // --check runs only design files inside the working directory: the design is certified from there.
    await inDirectory(work, async () => {
      const file = 'my-design.ts';
      const first = await runCli(['certify', '--design', file, '--dir', a]);
      expect(first.code, first.stdout).toBe(0);
      expect(first.stdout).toContain('CERTIFIED');
      await runCli(['certify', '--design', file, '--dir', b]);
      const cert = readFileSync(join(a, 'my-hardened.json'), 'utf8');
      expect(readFileSync(join(b, 'my-hardened.json'), 'utf8')).toBe(cert);
      expect(cert).not.toMatch(/elapsed|timestamp|"date"|\bdate:/i); // no timings (a mutant may be named "invalidate-…")
      expect(JSON.parse(cert)).toMatchObject({ verdict: 'certified', design: { name: 'my-hardened', source: 'file:my-design.ts' } });
      // What each method never exercised: hardened has no gate keeper cache, no card ROM and no
      // shutdown step; at 3 LPARs with one fault no directly issued control command is authorised.
      const { explored, random } = JSON.parse(cert) as { explored: { neverTaken: string[] }[]; random: { neverAccepted: string[] }[] };
      expect(explored.map((e) => e.neverTaken)).toEqual([
        ['guest_shutdown', 'gk_flush', 'rom_sci'], ['deact', 'act', 'rem_pci', 'add_pci', 'guest_shutdown', 'gk_flush', 'rom_sci'],
      ]);
      for (const r of random) expect(r.neverAccepted).toEqual(expect.arrayContaining(['gk_flush', 'rom_sci']));
      expect(first.stdout).toContain('never taken: deact, act, rem_pci, add_pci, guest_shutdown, gk_flush, rom_sci');

      const old = tempDir();
      writeFileSync(join(old, 'my-hardened.json'), cert.replace(/slotcheck-certificate\/\d+/, 'slotcheck-certificate/1'));
      const oldCheck = await runCli(['certify', '--check', '--dir', old]);
      expect(oldCheck.code).toBe(2);
      expect(oldCheck.stderr).toContain('has format slotcheck-certificate/1');

      const matching = await runCli(['certify', '--check', '--dir', a]);
      expect(matching.code).toBe(0);
      expect(matching.stdout.trimEnd().split('\n').at(-1)).toBe('exit code 0: all 1 certificate(s) match their designs and this tool');
      // A certificate that no longer matches what the tool computes says what differs.
      const tampered = tempDir();
      const edited = JSON.parse(cert) as { explored: { states: number }[] };
      edited.explored[0]!.states += 1;
      writeFileSync(join(tampered, 'my-hardened.json'), `${JSON.stringify(edited, null, 2)}\n`);
      const tamperedCheck = await runCli(['certify', '--check', '--dir', tampered]);
      expect(tamperedCheck.code).toBe(1);
      expect(tamperedCheck.stdout.trimEnd().split('\n').at(-1)).toBe('exit code 1: 1 of 1 certificate(s) are STALE (above: which, and what differs)');
      expect(tamperedCheck.stdout).toContain("STALE — recomputing gives a different certificate: the tool's results changed (verdict still certified)");
      expect(tamperedCheck.stdout).toContain(`\n  explored[0].states: ${edited.explored[0]!.states} → ${edited.explored[0]!.states - 1}\n`);
      userDesign(work, ", heartbeatTimeoutTicks: 3"); // a change nobody re-certified
      const check = await runCli(['certify', '--check', '--dir', a]);
      expect(check.code).toBe(1);
      expect(check.stdout).toContain('STALE — design my-hardened changed since it was certified (hash ');
      expect(check.stdout).toContain('re-certify: npx slotcheck certify --design my-design.ts\n');
    });
  }, 360_000); // four certifications, each with its mutants (50 explorations and random suites)

  test('a design that breaks a property gets no certificate: exit 1 and its traces', async () => {
    const dir = tempDir();
    const r = await runCli(['certify', '--design', 'patent-lpar-b', '--dir', dir, '--out', tempDir()]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('no certificate written');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(/^exit code 1: a property failed on patent-lpar-b /);
    expect(r.stdout).toMatch(/INV-0\d: npx slotcheck replay /);
  }, 120_000);

  test('a disagreement found on every transition is written as a trace that replay finds again', async () => {
    const design = builtInDesign('hardened')!;
    const config = { lparCount: 2, slotCount: 1, faultBudget: 1, writeBudget: 1 };
    const plantedBug = 'enable-before-gatekeeper';
    const { gaps } = checkEveryTransition(design, config, { statesMax: 100_000, emulator: { plantedBug } });
    const dir = tempDir();
    const out = new OutputFiles();
    const files = addConformanceTraces(out, gaps.map((g) => replayGap(g, design, config)), design, config, { plantedBug }, (id) => join(dir, `${id}.itf.json`));
    out.commit();
    // INV-04 broke on the same step as CONFORMANCE, which a replay reports first: only CONFORMANCE gets a trace.
    expect([...files.keys()]).toEqual(['CONFORMANCE']);
    const replay = await runCli(['replay', files.get('CONFORMANCE')!, '--json']);
    expect(replay.code).toBe(1);
    expect(JSON.parse(replay.stdout).verdict).toMatchObject({ kind: 'violated', at: 7 });
  });

  test('one found from another edge into a state replays too: the trace is that edge\'s path', async () => {
    const design = builtInDesign('hardened')!;
    const config = { lparCount: 2, slotCount: 1, faultBudget: 1, writeBudget: 1 };
    const plantedBug = 'period-counter-wraps';
    const { gaps } = checkEveryTransition(design, config, { statesMax: 100_000, emulator: { plantedBug }, along: 'every-edge' });
    const dir = tempDir();
    const out = new OutputFiles();
    const files = addConformanceTraces(out, gaps.map((g) => replayGap(g, design, config)), design, config, { plantedBug }, (id) => join(dir, `${id}.itf.json`));
    out.commit();
    const replay = await runCli(['replay', files.get('CONFORMANCE')!, '--json']);
    expect(replay.code).toBe(1);
    expect(JSON.parse(replay.stdout).verdict).toMatchObject({ kind: 'violated', at: 6, why: expect.stringMatching(/silenceTicks: model 0, emulator 1/) });
  });

  test.each([
    [['certify', '--check', '--design', 'hardened'], 'SC001'],
    [['certify', '--check', '--dir', '/nonexistent/certs'], 'SC009'],
    [['certify', '--full', '--design', 'hardened'], 'SC001'],
  ])('%j exits 2 with %s', async (args, code) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error ${code}`);
  });
});

// Why: the library's certify returns a typed result; `certify --json` prints the same, and --check takes no --json.
test('certify --json prints what the library returns: per design its verdict and certificate; --junit and report.html; --check --json is SC001', async () => {
  const dir = tempDir();
  const r = await runCli(['certify', '--design', 'patent-lpar-a', '--dir', dir, '--out', join(dir, 'out'), '--json', '--junit', join(dir, 'junit.xml')]);
  const result = JSON.parse(r.stdout);
  // With its report and JUnit: a suite for the design, a case per property, a failure with the replay line.
  expect(readFileSync(join(dir, 'out', 'certify', 'report.html'), 'utf8')).toContain('slotcheck certify');
  const junit = readFileSync(join(dir, 'junit.xml'), 'utf8');
  expect(junit).toContain('<testsuite name="DSN-01 patent-lpar-a"');
  expect(junit).toMatch(/<failure message="INV-09 violated: [^"]*" type="counterexample">[^<]*replay: npx slotcheck replay /);
  expect(result).toMatchObject({ tool: 'slotcheck', command: 'certify', exitCode: 1, designs: [{ design: { name: 'patent-lpar-a', id: 'DSN-01' }, verdict: 'counterexample', certificate: null }] });
  expect(r.code).toBe(1);
  const check = await runCli(['certify', '--check', '--json']);
  expect(check.code).toBe(2);
  expect(check.stderr).toContain('error SC001: --check prints which certificates match; it takes no --json');
});
