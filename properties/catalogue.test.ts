// Why: IDs are the project's vocabulary (DESIGN.md §4): every one must exist exactly once. And a
// check that cannot fail proves nothing: each invariant is shown to hold on the initial state and
// to fail on a state or step built to break it, including INV-02 and INV-10, which no built-in
// model design breaks (the emulator and DSN-05 are where they can).
import { describe, expect, test } from 'vitest';
import { builtInDesign, initialState, lpar, slot, type Command, type ModelState, type StepResult } from '../model/index.ts';
import { scenarioConfig } from '../model/testing.ts';
import { CATALOGUE, INVARIANTS, INV_02, INV_10 } from './catalogue.ts';
import type { Transition } from './verdict.ts';

const range = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${String(i + 1).padStart(2, '0')}`);

test('the catalogue holds INV-01…14, LIV-01…06 and WIT-01…09, each once, with names', () => {
  expect(CATALOGUE.map((p) => p.id)).toEqual([...range('INV', 14), ...range('LIV', 6), ...range('WIT', 9)]);
  for (const p of CATALOGUE) expect(p.name.length).toBeGreaterThan(15);
  for (const inv of INVARIANTS) expect(inv.state !== undefined || inv.step !== undefined).toBe(true);
});

describe('invariants hold in the initial state of every built-in design (2 LPARs)', () => {
  for (const name of ['patent-lpar-a', 'patent-lpar-b', 'hardened']) {
    test(name, () => {
      const design = builtInDesign(name)!;
      const state = initialState(scenarioConfig(), design);
      for (const inv of INVARIANTS) expect(inv.state?.(state, design) ?? { holds: true }, inv.id).toEqual({ holds: true });
    });
  }
});

describe('checks that no model design breaks can still fail', () => {
  const design = builtInDesign('hardened')!;
  const before: ModelState = initialState(scenarioConfig(), design);
  const transition = (command: Command, result: Partial<StepResult>): Transition => ({
    before, command, design, result: { state: before, effects: [], outcome: { kind: 'ok' }, ...result },
  });

  test('INV-02 fails when a non-owner access is reported completed', () => {
    const t = transition({ kind: 'stray_mmio', lpar: lpar(1), slot: slot(0) }, {
      effects: [{ kind: 'access', lpar: lpar(1), slot: slot(0), access: 'mmio', result: 'completed' }],
    });
    expect(INV_02.step!(t)).toMatchObject({ holds: false });
    const owner = transition({ kind: 'client_write', lpar: lpar(0) }, {
      effects: [{ kind: 'access', lpar: lpar(0), slot: slot(0), access: 'mmio', result: 'completed' }],
    });
    expect(INV_02.step!(owner)).toEqual({ holds: true });
  });

  test('INV-10 fails when a refusal changes the state, and when a command from a powered-off issuer is accepted', () => {
    const changed = { ...before, writesIssued: 1 };
    const refusedButChanged = transition({ kind: 'tick' }, { state: changed, outcome: { kind: 'rejected', code: 'not-enabled', message: 'x' } });
    expect(INV_10.step!(refusedButChanged)).toMatchObject({ holds: false });
    const offIssuer: ModelState = { ...before, lpars: before.lpars.map((l, i) => (i === 1 ? { ...l, os: 'off' } : l)) };
    const acceptedFromOff: Transition = { before: offIssuer, command: { kind: 'deact', issuer: lpar(1), target: lpar(0) }, design, result: { state: offIssuer, effects: [], outcome: { kind: 'ok' } } };
    expect(INV_10.step!(acceptedFromOff)).toMatchObject({ holds: false });
  });
});
