// Why: `slotcheck scenario FILE` is how a person runs a flow written by hand. It must print every
// property each step breaks (Fig. 5 step 503 on DSN-01: INV-08 and INV-09), say which expectation
// failed and what the run showed (exit 1), and refuse a malformed file with a code (exit 2).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli, tempDir } from './testing.ts';

const FIG5 = join('examples', 'scenarios', 'fig5-hot-add.json');
const FIG10 = join('examples', 'scenarios', 'fig10-failover-a.json');

/** A copy of a scenario file, edited, in a folder of its own. */
function edited(file: string, edit: (s: Record<string, any>) => void): string {
  const s = JSON.parse(readFileSync(file, 'utf8'));
  edit(s);
  const copy = join(tempDir(), 'scenario.json');
  writeFileSync(copy, JSON.stringify(s, null, 2));
  return copy;
}

describe('slotcheck scenario', () => {
  test('Fig. 10 on DSN-01: each step with the patent\'s numbers, every expectation met, exit 0', async () => {
    const r = await runCli(['scenario', FIG10, '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('running 12 step(s) on DSN-01 patent-lpar-a, 2 LPARs × 1 slot, on the model and the emulator');
    expect(r.stdout).toContain('    7. cluster LPAR1: add_pci slot 0 from LPAR0 (1103, 500, 501, 503, 504)');
    expect(r.stdout).toContain('  ✓ at the end (step 12): lpars.0.role = "standby"');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('exit code 0: every expectation holds (43)'); // INV-13, INV-14, LIV-05 and LIV-06 apply and hold there too
  });

  test('every property a step breaks is printed, not only the first: Fig. 5 step 503 breaks INV-08 and INV-09', async () => {
    const r = await runCli(['scenario', FIG5]);
    expect(r.code).toBe(0);
    const step1 = r.stdout.slice(r.stdout.indexOf('    1. add_pci'), r.stdout.indexOf('    2. guest_sci'));
    expect(step1).toContain('slots[0].owner: 0 → 1');
    expect(step1).toMatch(/✗ INV-08: LPAR0's OS still holds slot 0[\s\S]*✗ INV-09: LPAR0 believes the disk in slot 0 is mounted/);
    expect(r.stdout).toContain('  LIV-03 violated at step 4: LPAR0 still uses slot 0');
  });

  test('--json prints the result: per step every violation, per property its verdict, per expectation met and actual', async () => {
    const r = await runCli(['scenario', FIG5, '--json']);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ file: FIG5, design: { id: 'DSN-01', name: 'patent-lpar-a' }, exitCode: 0 });
    expect(json.steps[0].violations.map((v: { id: string }) => v.id)).toEqual(['INV-08', 'INV-09', 'INV-14']);
    expect(json.properties.find((p: { id: string }) => p.id === 'LIV-03')).toMatchObject({ kind: 'violated', at: [4] });
    expect(json.expectations.every((e: { met: boolean }) => e.met)).toBe(true);
  });

  test('a wrong expectation is exit 1, marked with what the run showed', async () => {
    const file = edited(FIG10, (s) => { s.expect.state.push({ at: 'end', path: 'slots.0.owner', equals: 0 }); });
    const r = await runCli(['scenario', file, '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('  ✗ at the end (step 12): slots.0.owner = 0; actual: 1');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('exit code 1: 1 of 44 expectation(s) do not hold (marked ✗ above, each with what the run showed)');
  });

  test('--design runs the file on another design: Fig. 5 on hardened, where the findings it expects do not occur, is exit 1', async () => {
    const r = await runCli(['scenario', FIG5, '--design', 'hardened', '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('add_pci slot 0 from LPAR0 (by LPAR1) [FLT-09/FLT-10] → refused unauthorized');
    expect(r.stdout).toContain('  ✗ INV-09 breaks at step 1; actual: INV-09 holds');
  });

  test('a design file the scenario names is found from the scenario\'s folder', async () => {
    const file = edited(FIG5, (s) => { s.design = './mine.json'; });
    writeFileSync(join(file, '..', 'mine.json'), JSON.stringify({ extends: 'patent-lpar-a', name: 'mine', title: 'DSN-01 under another name' }));
    const r = await runCli(['scenario', file, '--quiet']);
    expect(r.stdout).toContain('on user mine,');
    expect(r.code).toBe(0);
  });

  test('a malformed file is exit 2: SC010 naming the field and the format, nothing on stdout (with --json only the error)', async () => {
    const file = edited(FIG5, (s) => { s.expect.breaks[0].at = 9; });
    const r = await runCli(['scenario', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error SC010: ".*scenario\.json": field expect\.breaks\.0\.at: step 9 is past the end/);
    expect(r.stderr).toContain('\n  fix: fix that field; a scenario is {"design"');
    expect(r.stdout).toBe('');
    const json = await runCli(['scenario', file, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { code: 'SC010' }, exitCode: 2 });
  });

  test('an unknown design is SC003; a missing file SC004', async () => {
    const unknown = await runCli(['scenario', edited(FIG5, (s) => { s.design = 'patent-lpar-z'; })]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^error SC003: there is no design "patent-lpar-z"/);
    const missing = await runCli(['scenario', join(tempDir(), 'none.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^error SC004: cannot read ".*none\.json": ENOENT/);
  });
});
