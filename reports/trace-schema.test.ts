// Why: `replay` trusts what parseTrace accepts. A trace edited by hand (or by another tool) must be
// refused naming the field, never replayed into a misleading verdict: a property id that is no
// counterexample's, a configuration the model cannot build, a lasso that loops to no state.
import { describe, expect, test } from 'vitest';
import { builtInDesign, initialState, step, type Command } from '../model/index.ts';
import { INV_07 } from '../properties/invariants/failover.ts';
import { buildTrace } from './trace.ts';
import { parseTrace } from './trace-schema.ts';

const design = builtInDesign('patent-lpar-a')!;
const config = { lparCount: 2, slotCount: 1, faultBudget: 2, writeBudget: 2 };

/** The README's INV-07 trace of DSN-01: a queued write, add_pci (Fig. 5 step 503), the card's DMA. */
function inv07Trace(): Record<string, any> {
  const commands = [{ kind: 'client_write', lpar: 0 }, { kind: 'add_pci', issuer: 1, from: 0, slot: 0 }, { kind: 'device_dma', slot: 0 }] as unknown as Command[];
  let state = initialState(config, design);
  const initial = state;
  const steps = commands.map((command) => {
    const result = step(state, command, design);
    state = result.state;
    return { command, outcome: result.outcome, state, phase: 'explored' as const };
  });
  const trace = buildTrace({
    design, config, method: 'explore', seed: null, path: null, replayPath: null, loop: null, emulator: null,
    property: { id: INV_07.id, name: INV_07.name, why: 'write 1 was acknowledged but the disk holds data fetched from the wrong memory window' },
    violationStep: 3, initial, steps,
  });
  return JSON.parse(JSON.stringify(trace));
}

describe('parseTrace', () => {
  test('accepts the trace the tool writes', () => {
    const parsed = parseTrace(inv07Trace());
    expect(parsed.ok).toBe(true);
  });

  // Issue 20: a trace written by hand (or by another tool) may give the commands alone; replay then runs them and compares nothing.
  test('accepts a commands-only trace (each state only its #meta): its states are not recorded, its commands are', () => {
    const trace = inv07Trace();
    trace.states = trace.states.map((s: Record<string, unknown>) => ({ '#meta': s['#meta'] }));
    const parsed = parseTrace(trace);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.trace.states).toEqual([null, null, null, null]);
    expect(parsed.trace.commands.map((c) => c.kind)).toEqual(['client_write', 'add_pci', 'device_dma']);
  });

  test.each<[string, (t: Record<string, any>) => void, string, RegExp]>([
    ['an unknown property id', (t) => { t['#meta'].property.id = 'INV-99'; }, '#meta.property.id', /not a property a counterexample can be for/],
    ['a witness id', (t) => { t['#meta'].property.id = 'WIT-01'; }, '#meta.property.id', /an INV-\*, a LIV-\* or CONFORMANCE/],
    ['another property\'s id, with INV-07\'s name', (t) => { t['#meta'].property.id = 'LIV-01'; }, '#meta.property.name', /does not name LIV-01/],
    ['9 LPARs', (t) => { t['#meta'].config.lparCount = 9; }, '#meta.config.lparCount', /lparCount must be an integer from 2 to 4, got 9/],
    ['no slot', (t) => { t['#meta'].config.slotCount = 0; }, '#meta.config.slotCount', /slotCount must be an integer from 1/],
    ['a negative fault budget', (t) => { t['#meta'].config.faultBudget = -1; }, '#meta.config.faultBudget', /faultBudget must be an integer from 0/],
    ['a loop past the last state', (t) => { t['#meta'].loop = 99; t.loop = 99; }, '#meta.loop', /loop 99 is not a state of the trace \(0 to 3\)/],
    ['a loop only in #meta', (t) => { t['#meta'].loop = 1; }, 'loop', /differs from #meta.loop 1/],
    ['a violation past the end', (t) => { t['#meta'].violationStep = 4; }, '#meta.violationStep', /past the last state/],
    ['an unknown command', (t) => { t.states[2]['#meta'].command = { kind: 'reboot_all' }; }, 'states.2.#meta.command.kind', /./],
    ['a command argument too many', (t) => { t.states[1]['#meta'].command.slot = 0; }, 'states.1.#meta.command.slot', /client_write takes no "slot"/],
    ['states out of order', (t) => { t.states[2]['#meta'].index = 5; }, 'states.2.#meta.index', /state 2 says it is state 5/],
    ['no states', (t) => { t.states = []; }, 'states', /./],
    ['a state half recorded', (t) => { delete t.states[2].slots; }, 'states.2.slots', /^state 2 records lpars, disk, .* but not slots: a state records every variable \(lpars, slots, .*\) or none \(a commands-only trace/],
  ])('refuses %s, naming the field', (_what, edit, field, message) => {
    const trace = inv07Trace();
    edit(trace);
    const parsed = parseTrace(trace);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.field).toBe(field);
    expect(parsed.message).toMatch(message);
  });

  // Both once reached replay: a deep field overflowed the stack in canonicalJson's key sort.
  test('refuses a field nested 100,000 levels deep, naming it, without overflowing the stack', () => {
    const text = JSON.stringify(inv07Trace()).replace('{"#meta":{', `{"#meta":{"extra":${'['.repeat(100_000)}${']'.repeat(100_000)},`);
    const parsed = parseTrace(JSON.parse(text));
    expect(parsed).toEqual({ ok: false, field: '#meta.extra.0.0.0.0…', message: 'nests arrays and objects more than 64 levels deep; a trace has no such field' });
  });

  test('refuses a command with an own __proto__ key, as JSON.parse makes it from the text', () => {
    const trace = inv07Trace();
    trace.states[1]['#meta'].command = 'COMMAND';
    const parsed = parseTrace(JSON.parse(JSON.stringify(trace).replace('"COMMAND"', '{"kind":"tick","__proto__":{}}')));
    expect(parsed).toMatchObject({ ok: false, field: 'states.1.#meta.command.__proto__', message: expect.stringMatching(/tick takes no "__proto__"/) });
  });
});
