// Why: these files are the patent's own flows as data (Fig. 5 with and without a card, Fig. 6 to an
// active and to an inactive LPAR, Fig. 10, Fig. 11, Fig. 14–15, Fig. 17), each asserting the end
// state the patent describes and every property, the literal design's findings included. They
// must keep passing; and the check that passes them must fail a wrong expectation (exit 1) and
// refuse a malformed file (exit 2, with a code naming the field).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FIG10_SCENARIO, scenario, SlotcheckError } from '../../api/index.ts';
import { tempDir } from '../../cli/testing.ts';

const DIR = join('examples', 'scenarios');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
const read = (file: string) => JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Record<string, any>;

/** Each figure's file and the design the patent describes it on (first embodiment DSN-01/02, third DSN-04). */
const FIGURES: Record<string, string> = {
  'fig5-hot-add.json': 'patent-lpar-a',
  'fig5-hot-add-empty-slot.json': 'patent-lpar-a',
  'fig6-hot-remove-active.json': 'patent-lpar-a',
  'fig6-hot-remove-inactive.json': 'patent-lpar-a',
  'fig10-failover-a.json': 'patent-lpar-a',
  'fig11-failover-b.json': 'patent-lpar-b',
  'fig14-15-card-rom-hot-plug.json': 'patent-card-rom',
  'fig17-device-error.json': 'patent-card-rom',
};

describe('the patent\'s flows as scenario files', () => {
  test('one file per figure, each on the design the patent describes it on', () => {
    expect(FILES).toEqual(Object.keys(FIGURES).sort());
    for (const file of FILES) expect(read(file).design, file).toBe(FIGURES[file]);
  });

  test.each(FILES)('%s: every expectation holds (exit 0)', async (file) => {
    const result = await scenario(join(DIR, file));
    expect(result.expectations.filter((e) => !e.met)).toEqual([]);
    expect(result.exitCode).toBe(0);
    // Each asserts an end state and decides every property, not merely that the commands ran.
    expect(result.expectations.some((e) => e.kind === 'state' && e.expected.startsWith('at the end'))).toBe(true);
    expect(read(file).expect.holds).toBe('all others');
  });

  test('Fig. 10 is the chart\'s scenario: the same design and commands as FIG10_SCENARIO', () => {
    const fig10 = read('fig10-failover-a.json');
    expect(fig10.design).toBe(FIG10_SCENARIO.design);
    expect(fig10.commands).toEqual(FIG10_SCENARIO.commands);
  });

  test('a finding of the literal design is expected, not hidden: Fig. 5 step 503 on DSN-01 breaks INV-08 and INV-09 at once', async () => {
    const result = await scenario(join(DIR, 'fig5-hot-add.json'));
    expect(result.steps[0]!.violations.map((v) => v.id)).toEqual(['INV-08', 'INV-09', 'INV-14']);
    expect(result.steps[0]!.label).toBe('add_pci slot 0 from LPAR0 (by LPAR1) (500, 501, 503, 504) [FLT-09/FLT-10]');
  });
});

describe('the check can fail', () => {
  test('a wrong end state is exit 1, naming the expectation and what the run showed', async () => {
    const fig10 = read('fig10-failover-a.json');
    fig10.expect.state.push({ at: 'end', path: 'slots.0.owner', equals: 0 });
    const result = await scenario(fig10);
    expect(result.exitCode).toBe(1);
    expect(result.expectations.filter((e) => !e.met)).toEqual([{ kind: 'state', expected: 'at the end (step 12): slots.0.owner = 0', met: false, actual: '1' }]);
  });

  test('the same file on a design that closes the findings is exit 1: hardened refuses add_pci from a standby (F-08 closed), so INV-09 never breaks', async () => {
    const result = await scenario(join(DIR, 'fig5-hot-add.json'), { design: 'hardened' });
    expect(result.exitCode).toBe(1);
    expect(result.steps[0]!.outcome).toMatchObject({ kind: 'rejected', code: 'unauthorized' });
    expect(result.expectations.find((e) => e.expected === 'INV-09 breaks at step 1')).toMatchObject({ met: false, actual: 'INV-09 holds' });
  });

  const fig5 = () => read('fig5-hot-add.json');
  test.each<[string, (s: Record<string, any>) => void, string, RegExp]>([
    ['an unknown field', (s) => { s.expectations = {}; }, '(top level)', /expectations/],
    ['no design', (s) => { delete s.design; }, 'design', /./],
    ['an unknown command kind', (s) => { s.commands[1] = { kind: 'reboot_all' }; }, 'commands.1.kind', /unknown command kind "reboot_all"; the kinds are deact/],
    ['a command argument too many', (s) => { s.commands[1].slot = 0; }, 'commands.1.slot', /guest_sci takes no "slot" \(it takes lpar\)/],
    ['nine LPARs', (s) => { s.config = { lparCount: 9 }; }, 'config.lparCount', /lparCount must be an integer from 2 to 4, got 9/],
    ['a step past the end', (s) => { s.expect.state[0].at = 5; }, 'expect.state.0.at', /step 5 is past the end: the scenario has steps 0 \(the initial state\) to 4, or "end"/],
    ['a state expectation without a value', (s) => { delete s.expect.state[0].equals; }, 'expect.state.0.equals', /missing: the value/],
    ['a path that is no path', (s) => { s.expect.state[0].path = 'slots/0/owner'; }, 'expect.state.0.path', /not a path from "\/0\/owner" on; a path is field names and indexes joined by dots/],
    ['a property no scenario decides', (s) => { s.expect.breaks[0].property = 'WIT-01'; }, 'expect.breaks.0.property', /"WIT-01" is not a property a scenario decides .*witnesses go in "reaches"/],
    ['a property that must both hold and break', (s) => { s.expect.holds = ['INV-08']; }, 'expect.holds.0', /INV-08 is also in "breaks"/],
    ['an unknown witness', (s) => { s.expect.reaches = ['WIT-99']; }, 'expect.reaches.0', /"WIT-99" is not a witness/],
    ['a path naming no field of the state', (s) => { s.expect.state[0].path = 'slots.0.onwer'; }, 'expect.state.0.path', /slots\.0 has no field "onwer"; its fields are card, owner/],
  ])('%s is exit 2: SC010 naming the field', async (_what, edit, field, message) => {
    const s = fig5();
    edit(s);
    const error = await scenario(s).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlotcheckError);
    expect((error as SlotcheckError).code).toBe('SC010');
    expect((error as SlotcheckError).message).toContain(`field ${field}: `);
    expect((error as SlotcheckError).message).toMatch(message);
    expect((error as SlotcheckError).fix).toContain('a scenario is {"design"');
  });

  test('a value nested 100,000 levels deep is SC010 naming the field, not a stack overflow', async () => {
    const text = JSON.stringify(fig5()).replace('"equals":0', `"equals":${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    await expect(scenario(JSON.parse(text))).rejects.toMatchObject({ code: 'SC010', message: expect.stringMatching(/field expect\.state\.0\.equals\.0\.0…: nests arrays and objects more than 64 levels deep/) });
  });

  test('an unknown design is the unknown-design error, SC003; a file that is not JSON is SC004', async () => {
    const s = fig5();
    s.design = 'patent-lpar-z';
    await expect(scenario(s)).rejects.toMatchObject({ code: 'SC003', message: expect.stringContaining('patent-lpar-z') });
    const file = join(tempDir(), 'broken.json');
    writeFileSync(file, '{"design": "patent-lpar-a",');
    await expect(scenario(file)).rejects.toMatchObject({ code: 'SC004' });
  });
});
