// Why: the reducer's contracts (DESIGN.md §3, STYLE.md 2–3): pure, total on any input, a refused
// command returns the very same state with a reason code, and enabledCommands lists exactly the
// commands step accepts — the explorer relies on that.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { BUILT_IN_DESIGNS } from './designs/index.ts';
import { allCommands, enabledCommands } from './enabled-commands.ts';
import { initialState } from './initial-state.ts';
import { stateKey } from './key.ts';
import { step } from './step.ts';
import { walk } from './testing.ts';
import type { Command } from './commands.ts';
import type { Config } from './config.ts';

const configs: Config[] = [
  { lparCount: 2, slotCount: 1, faultBudget: 3, writeBudget: 2 },
  { lparCount: 3, slotCount: 2, faultBudget: 3, writeBudget: 2 },
  { lparCount: 4, slotCount: 3, faultBudget: 2, writeBudget: 1 },
];
const designArb = fc.constantFrom(...BUILT_IN_DESIGNS);
const configArb = fc.constantFrom(...configs);
const picksArb = fc.array(fc.nat(), { maxLength: 40 });

describe('step on bad input', () => {
  // Commands parsed from JSON can be anything; none may throw or change the state.
  const junkCommand = fc.oneof(
    fc.record({ kind: fc.constantFrom('deact', 'act', 'rem_pci', 'add_pci', 'tick', 'cluster_step', 'nonsense'), issuer: fc.anything(), target: fc.anything(), lpar: fc.anything(), slot: fc.anything(), from: fc.anything() }, { requiredKeys: ['kind'] }),
    fc.dictionary(fc.string(), fc.jsonValue()),
  );

  test.prop([designArb, configArb, picksArb, junkCommand], { seed: 20261126 })('never throws; a refusal returns the same state object with a code', (design, config, picks, junk) => {
    const state = walk(design, config, picks);
    const result = step(state, junk as unknown as Command, design);
    if (result.outcome.kind === 'rejected') {
      expect(result.state).toBe(state);
      expect(result.effects).toEqual([]);
      expect(result.outcome.code).toMatch(/^[a-z-]+$/);
      expect(result.outcome.message.length).toBeGreaterThan(10);
    }
  });

  test('unknown kinds, missing and out-of-range arguments get their own codes', () => {
    const design = BUILT_IN_DESIGNS[0]!;
    const state = initialState(configs[0]!, design);
    const code = (c: unknown) => {
      const r = step(state, c as Command, design);
      return r.outcome.kind === 'rejected' ? r.outcome.code : 'ok';
    };
    expect(code({ kind: 'reboot_everything' })).toBe('malformed');
    expect(code({ kind: 'deact', issuer: 1 })).toBe('unknown-lpar');
    expect(code({ kind: 'deact', issuer: 1, target: 7 })).toBe('unknown-lpar');
    expect(code({ kind: 'deact', issuer: 1, target: 0.5 })).toBe('unknown-lpar');
    expect(code({ kind: 'rem_pci', issuer: 1, target: 0, slot: 3 })).toBe('unknown-slot');
    expect(code({ kind: 'rem_pci', issuer: 1, target: 0, slot: '0' })).toBe('unknown-slot');
    expect(code({ kind: 'add_pci', issuer: 1, from: 1, slot: 0 })).toBe('same-lpar');
    expect(code({ kind: 'deact', issuer: 1, target: 0 })).toBe('ok');
  });
});

describe('enabledCommands', () => {
  test.prop([designArb, configArb, picksArb], { seed: 7 })('lists exactly the commands step accepts, in the order of allCommands', (design, config, picks) => {
    const state = walk(design, config, picks);
    const enabled = new Set(enabledCommands(state, design).map((c) => JSON.stringify(c)));
    for (const command of allCommands(config)) {
      const accepted = step(state, command, design).outcome.kind === 'ok';
      expect(accepted, JSON.stringify(command)).toBe(enabled.has(JSON.stringify(command)));
    }
    const order = allCommands(config).map((c) => JSON.stringify(c)).filter((c) => enabled.has(c));
    expect(enabledCommands(state, design).map((c) => JSON.stringify(c))).toEqual(order);
  });
});

describe('purity and determinism', () => {
  test.prop([designArb, configArb, picksArb], { seed: 11 })('the same commands give the same states; the prior state is untouched', (design, config, picks) => {
    const a = walk(design, config, picks);
    const b = walk(design, config, picks);
    expect(stateKey(a)).toBe(stateKey(b));
    const keyBefore = stateKey(a);
    for (const command of enabledCommands(a, design)) step(a, command, design);
    expect(stateKey(a)).toBe(keyBefore);
  });

  test.prop([designArb, configArb, picksArb], { seed: 13 })('stateKey is equal exactly when the states are deeply equal', (design, config, picks) => {
    const a = walk(design, config, picks);
    const b = walk(design, config, [...picks, 1]);
    expect(stateKey(a) === stateKey(b)).toBe(JSON.stringify(a) === JSON.stringify(b));
  });
});
