// Why: a scenario is how a person checks the patent's own flows (examples/scenarios/). Its checker
// must list every property a step breaks (issue 18: replay kept only the first, so Fig. 5 step 503
// on DSN-01 showed INV-08 and hid INV-09), decide liveness as replay does, and fail an expectation
// that the run does not bear out, saying what the run showed instead.
import { describe, expect, test } from 'vitest';
import { builtInDesign, initialState, lpar, slot, type Command } from '../../model/index.ts';
import { scenarioConfig } from '../../model/testing.ts';
import { checkScenario, type Scenario } from './scenario.ts';
import { parseStatePath, pathProblem, valueAt } from './state-path.ts';

const dsn01 = builtInDesign('patent-lpar-a')!;
const [L0, L1, S0] = [lpar(0), lpar(1), slot(0)];
/** Fig. 5 on DSN-01: add_pci (500, 501, 503, 504), then 505–506, 507, 508 in LPAR1. */
const FIG5: Command[] = [
  { kind: 'add_pci', issuer: L1, from: L0, slot: S0 },
  { kind: 'guest_sci', lpar: L1 },
  { kind: 'guest_configure', lpar: L1, slot: S0 },
  { kind: 'guest_mount', lpar: L1, slot: S0 },
];

const scenario = (commands: readonly Command[], expectations: Scenario['expect'] = {}, design = dsn01): Scenario => ({
  design, config: scenarioConfig(), commands, expect: expectations, emulator: {},
});

describe('every property broken at a step, not only the first', () => {
  test('Fig. 5 step 503 on DSN-01 breaks INV-08, INV-09 and INV-14 at once, and 507 adds INV-05 (F-01, F-08)', () => {
    const report = checkScenario(scenario(FIG5));
    expect(report.steps.map((s) => s.violations.map((v) => v.id))).toEqual([
      ['INV-08', 'INV-09', 'INV-14'], ['INV-08', 'INV-09', 'INV-14'], ['INV-05', 'INV-08', 'INV-09', 'INV-14'], ['INV-05', 'INV-08', 'INV-09', 'INV-14'],
    ]);
    expect(report.properties.find((p) => p.id === 'INV-09')).toMatchObject({ kind: 'violated', at: [1, 2, 3, 4] });
    expect(report.properties.find((p) => p.id === 'INV-01')).toEqual({ id: 'INV-01', kind: 'holds' });
  });
});

describe('liveness is decided at the end, as replay decides it', () => {
  test('violated when the run settled with an obligation open: OS0 never unmounts after Fig. 5 (LIV-03)', () => {
    const live = checkScenario(scenario(FIG5)).properties.find((p) => p.id === 'LIV-03');
    expect(live).toMatchObject({ kind: 'violated', at: [4], why: expect.stringMatching(/^LPAR0 still uses slot 0.*the run settles there/) });
  });

  test('undecided when an obligation is open but a fair step still moves the run: stopped right after 504', () => {
    const live = checkScenario(scenario(FIG5.slice(0, 1))).properties.find((p) => p.id === 'LIV-02');
    expect(live).toMatchObject({ kind: 'undecided', why: expect.stringMatching(/^LPAR1 owns slot 0 but has not mounted it at the end, and the run has not settled there \(the fair step .*guest_sci/) });
  });

  test('holds once the obligation is discharged (508); LIV-05 applies to DSN-01 too (a device error can occur anywhere) and holds without one', () => {
    const properties = checkScenario(scenario(FIG5)).properties;
    expect(properties.find((p) => p.id === 'LIV-02')).toEqual({ id: 'LIV-02', kind: 'holds' });
    expect(properties.find((p) => p.id === 'LIV-05')).toEqual({ id: 'LIV-05', kind: 'holds' });
  });
});

describe('expectations are judged against the run, each failure with what the run showed', () => {
  test('the patent\'s end state of Fig. 5 and its findings are met', () => {
    const report = checkScenario(scenario(FIG5, {
      state: [{ at: 'end', path: 'slots.0.owner', equals: 1 }, { at: 1, path: 'slots[0].gateKeeper', equals: 1 }, { at: 'end', path: 'lpars.1.devices.0', equals: 'mounted' }],
      breaks: [{ property: 'INV-09', at: 1 }, { property: 'INV-08' }, { property: 'INV-14', at: 1 }, { property: 'INV-05', at: 3 }, { property: 'LIV-03', at: 'end' }, { property: 'LIV-06', at: 'end' }],
      holds: 'all others',
    }));
    expect(report.expectations.filter((e) => !e.met)).toEqual([]);
    expect(report.verdict).toBe('met');
    // "all others": every applicable property not named in breaks (LIV-05 applies to every design).
    // LIV-06 breaks too: the slot went to LPAR1, a standby, from under the active, and nobody serves again.
    expect(report.expectations.filter((e) => e.kind === 'holds').map((e) => e.expected)).toEqual(
      ['INV-01', 'INV-02', 'INV-03', 'INV-04', 'INV-06', 'INV-07', 'INV-10', 'INV-11', 'INV-12', 'INV-13', 'CONFORMANCE', 'LIV-01', 'LIV-02', 'LIV-04', 'LIV-05'].map((id) => `${id} holds`));
  });

  test.each<[string, Scenario['expect'], { expected: string; actual: RegExp }]>([
    ['a wrong value', { state: [{ at: 'end', path: 'slots.0.owner', equals: 0 }] }, { expected: 'at the end (step 4): slots.0.owner = 0', actual: /^1$/ }],
    ['a wrong step', { state: [{ at: 2, path: 'lpars.1.devices.0', equals: 'mounted' }] }, { expected: 'at step 2: lpars.1.devices.0 = "mounted"', actual: /^"inserting"$/ }],
    ['a field inside a null', { state: [{ at: 'end', path: 'lpars.1.cluster.script.step', equals: 0 }] }, { expected: 'at the end (step 4): lpars.1.cluster.script.step = 0', actual: /^\(absent\)$/ }],
    ['a break at the wrong step', { breaks: [{ property: 'INV-05', at: 1 }] }, { expected: 'INV-05 breaks at step 1', actual: /^INV-05 violated at steps 3, 4: LPAR1, a standby/ }],
    ['a property that holds, expected to break', { breaks: [{ property: 'INV-01' }] }, { expected: 'INV-01 breaks', actual: /^INV-01 holds$/ }],
    ['a finding, expected to hold', { holds: ['INV-09'] }, { expected: 'INV-09 holds', actual: /^INV-09 violated at steps 1, 2, 3, 4: LPAR0 believes/ }],
    ['every other property, hiding a finding', { breaks: [{ property: 'INV-08' }, { property: 'INV-14' }, { property: 'INV-05' }, { property: 'LIV-03' }, { property: 'LIV-06' }], holds: 'all others' }, { expected: 'INV-09 holds', actual: /^INV-09 violated/ }],
    ['a witness the run never reaches', { reaches: ['WIT-03'] }, { expected: 'WIT-03 reached', actual: /^WIT-03 not reached$/ }],
  ])('%s is unmet', (_what, expectations, failure) => {
    const report = checkScenario(scenario(FIG5, expectations));
    expect(report.verdict).toBe('unmet');
    const unmet = report.expectations.filter((e) => !e.met);
    expect(unmet).toHaveLength(1);
    expect(unmet[0]!.expected).toBe(failure.expected);
    expect(unmet[0]!.actual).toMatch(failure.actual);
  });

  test('a scenario that expects nothing is met, whatever breaks (the breaks are still reported)', () => {
    const report = checkScenario(scenario(FIG5));
    expect(report.verdict).toBe('met');
    expect(report.properties.filter((p) => p.kind === 'violated').map((p) => p.id)).toEqual(['INV-05', 'INV-08', 'INV-09', 'INV-14', 'LIV-03', 'LIV-06']);
  });
});

describe('state paths', () => {
  const state = initialState(scenarioConfig(), dsn01);

  test.each([
    ['serviceOwner', ['serviceOwner'], 0],
    ['slots.0.owner', ['slots', 0, 'owner'], 0],
    ['slots[0].owner', ['slots', 0, 'owner'], 0],
    ['lpars.1.gpe.insertMask', ['lpars', 1, 'gpe', 'insertMask'], 0],
    ['lpars[0].devices[0]', ['lpars', 0, 'devices', 0], 'mounted'],
  ])('%s reads the field replay prints as the same path', (text, path, value) => {
    const parsed = parseStatePath(text);
    expect(parsed).toEqual({ ok: true, path });
    expect(valueAt(state, path)).toEqual(value);
    expect(pathProblem(state, path)).toBeNull();
  });

  test.each([['', /does not start with a field name/], ['.slots', /does not start/], ['slots..0', /from "\.\.0" on/], ['slots.0.owner!', /from "!" on/], ['slots[x]', /from "\[x\]" on/]])('"%s" is not a path', (text, why) => {
    const parsed = parseStatePath(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.why).toMatch(why);
  });

  test.each<[(string | number)[], RegExp]>([
    [['slots', 0, 'onwer'], /^slots\.0 has no field "onwer"; its fields are card, owner, enabled/],
    [['slots', 1, 'owner'], /^slots has items 0 to 0 in this configuration, not 1$/],
    [['lpars', 'first'], /^lpars is a list: its items are 0 to 1, not "first"$/],
    [['serviceOwner', 'id'], /^serviceOwner is 0, which has no field "id"$/],
  ])('%j names no field of the state: %s', (path, problem) => {
    expect(pathProblem(state, path)).toMatch(problem);
  });

  test('a field inside one that is null in the initial state cannot be checked yet, and passes', () => {
    expect(pathProblem(state, ['lpars', 1, 'cluster', 'script', 'victim'])).toBeNull();
  });
});
