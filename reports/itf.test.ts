// Why: other tools read our traces by the ITF rules (Apalache ADR-015, Quint's itf.ts), and
// `replay` compares states in this encoding byte for byte. Each rule Quint relies on is pinned:
// unit and None as Quint writes them, a slot mask as the set of its slots, the command as
// `mbt::actionTaken` / `mbt::nondetPicks`, a type for every variable, every variable in every
// state, and the lasso convention told in the description.
import { describe, expect, test } from 'vitest';
import { builtInDesign, initialState, lpar, slot, step, type Command, type ModelState } from '../model/index.ts';
import { ACTION_TAKEN, actionToItf, encodeItf, itfVarTypes, ITF_VARS, lassoConvention, NONDET_PICKS, stateToItf, TRACE_VARS } from './itf.ts';
import { fromItf } from './itf-decode.ts';
import { buildTrace } from './trace.ts';

const design = builtInDesign('patent-lpar-a')!;
const config = { lparCount: 2, slotCount: 3, faultBudget: 4, writeBudget: 2 };
const NONE = { tag: 'None', value: { '#tup': [] } };

/** Fig. 5: LPAR1 adds slot 0 from LPAR0 (step 503 reassigns it, 504 raises LPAR1's insertion SCI). */
function afterAddPci(): { initial: ModelState; command: Command; after: ModelState } {
  const initial = initialState(config, design);
  const command: Command = { kind: 'add_pci', issuer: lpar(1), from: lpar(0), slot: slot(0) };
  return { initial, command, after: step(initial, command, design).state };
}

describe('values', () => {
  test('a bit-per-slot mask is the set of its slots, in slot order', () => {
    expect(encodeItf({ kind: 'slotSet' }, 0b101, 'm')).toEqual({ '#set': [{ '#bigint': '0' }, { '#bigint': '2' }] });
    expect(encodeItf({ kind: 'slotSet' }, 0, 'm')).toEqual({ '#set': [] });
    const { after } = afterAddPci();
    expect(after.lpars[1]!.gpe.insertMask).toBe(1);
    expect((stateToItf(after, design).lpars as any)[1].gpe.insertMask).toEqual({ '#set': [{ '#bigint': '0' }] });
  });

  test("None is Quint's variant with unit, {\"#tup\": []}; Some carries the value", () => {
    const slots = stateToItf(afterAddPci().after, design).slots as any;
    expect(slots[0].pendingAdd).toEqual(NONE);
    expect(slots[0].owner).toEqual({ tag: 'Some', value: { '#bigint': '1' } });
    expect(stateToItf(afterAddPci().initial, design).previousServiceOwner).toEqual(NONE);
  });

  test('gpe.sciEdge is in every state of an edge-triggered design\'s trace, typed Bool, and in no level design\'s', () => {
    const { after } = afterAddPci();
    expect(Object.keys((stateToItf(after, design).lpars as any)[1].gpe).sort()).toEqual(['ejectMask', 'enabled', 'insertMask', 'status']);
    expect(itfVarTypes(design).lpars).toContain('gpe: { ejectMask: Set(Int), enabled: Bool, insertMask: Set(Int), status: Bool }');
    const edge = { ...design, sciTrigger: 'edge' } as const;
    const start = initialState(config, edge);
    const latched = step(start, { kind: 'add_pci', issuer: lpar(1), from: lpar(0), slot: slot(0) }, edge).state;
    expect((stateToItf(latched, edge).lpars as any)[1].gpe.sciEdge).toBe(true);
    expect((stateToItf(start, edge).lpars as any)[1].gpe.sciEdge).toBe(false);
    expect(itfVarTypes(edge).lpars).toContain('gpe: { ejectMask: Set(Int), enabled: Bool, insertMask: Set(Int), sciEdge: Bool, status: Bool }');
    // A level design's state that somehow carried the latch is refused, naming the field.
    expect(() => stateToItf(latched, design)).toThrow(/gpe\.sciEdge has no ITF type/);
  });

  test('cluster.stepsThisTick is in every state of a design with a CPU step budget, typed Int (0 when absent), and in no other design\'s', () => {
    expect(Object.keys((stateToItf(afterAddPci().after, design).lpars as any)[1].cluster).sort()).toEqual(['alive', 'peerServiceFailed', 'script', 'silenceTicks']);
    expect(itfVarTypes(design).lpars).toContain('cluster: { alive: Bool, peerServiceFailed: Bool, script: None(UNIT) | Some({ falsePositive: Bool, slotMask: Set(Int), step: Int, victim: Int }), silenceTicks: Int }');
    const budget = { ...design, clusterStepsPerTickAtFullCpu: 100 } as const;
    const start = initialState(config, budget);
    const crashed = step(step(step(start, { kind: 'os_crash', lpar: lpar(0) }, budget).state, { kind: 'tick' }, budget).state, { kind: 'tick' }, budget).state;
    const detected = step(crashed, { kind: 'cluster_step', lpar: lpar(1) }, budget).state;
    expect(detected.lpars[1]!.cluster.stepsThisTick).toBe(1);
    expect((stateToItf(detected, budget).lpars as any)[1].cluster.stepsThisTick).toEqual({ '#bigint': '1' });
    expect((stateToItf(start, budget).lpars as any)[1].cluster.stepsThisTick).toEqual({ '#bigint': '0' });
    expect(itfVarTypes(budget).lpars).toContain('silenceTicks: Int, stepsThisTick: Int }');
    // With an edge-triggered SCI too, both fields are typed.
    expect(itfVarTypes({ ...budget, sciTrigger: 'edge' }).lpars).toMatch(/sciEdge: Bool.*stepsThisTick: Int|stepsThisTick: Int.*sciEdge: Bool/);
    expect(() => stateToItf(detected, design)).toThrow(/cluster\.stepsThisTick has no ITF type/);
  });

  test('a field the ITF type does not know, or a value of the wrong type, is refused naming it', () => {
    const { after } = afterAddPci();
    const extra = { ...after, disk: { ...after.disk, checksum: 7 } } as unknown as ModelState;
    expect(() => stateToItf(extra, design)).toThrow(/disk\.checksum has no ITF type/);
    const wrong = { ...after, disk: { ...after.disk, writeId: 1.5 } } as unknown as ModelState;
    expect(() => stateToItf(wrong, design)).toThrow(/disk\.writeId = 1\.5 .* as Int/);
    expect(() => encodeItf({ kind: 'slotSet' }, -1, 'm')).toThrow(/m = -1/);
  });

  test('decoding for people reads sets, units and options back', () => {
    const plain = fromItf(stateToItf(afterAddPci().after, design)) as any;
    expect(plain.lpars[1].gpe.insertMask).toEqual([0]);
    expect(plain.slots[0].pendingAdd).toBeNull();
    expect(plain.slots[0].owner).toBe(1);
  });
});

describe('the command taken, as Quint model-based tests read it', () => {
  test('the initial state is "init" with nothing picked; a step names its kind and picks its arguments', () => {
    const picks = actionToItf(null)[NONDET_PICKS] as Record<string, unknown>;
    expect(actionToItf(null)[ACTION_TAKEN]).toBe('init');
    expect(Object.keys(picks)).toEqual(['from', 'issuer', 'lpar', 'slot', 'target', 'window']);
    expect(Object.values(picks).every((p) => JSON.stringify(p) === JSON.stringify(NONE))).toBe(true);
    const { command } = afterAddPci();
    const taken = actionToItf(command);
    expect(taken[ACTION_TAKEN]).toBe('add_pci');
    expect(taken[NONDET_PICKS]).toEqual({
      from: { tag: 'Some', value: { '#bigint': '0' } }, issuer: { tag: 'Some', value: { '#bigint': '1' } }, lpar: NONE,
      slot: { tag: 'Some', value: { '#bigint': '0' } }, target: NONE, window: NONE,
    });
  });
});

describe('the trace', () => {
  const { initial, command, after } = afterAddPci();
  const steps = [{ command, outcome: { kind: 'ok' as const }, state: after, phase: 'explored' as const }, { command: { kind: 'tick' } as Command, outcome: { kind: 'ok' as const }, state: after, phase: 'explored' as const }];
  const trace = (loop: number | null) => buildTrace({
    design, config, method: 'explore', seed: null, path: null, replayPath: null, loop, emulator: null,
    property: { id: 'LIV-03', name: 'n', why: 'w' }, violationStep: 2, initial, steps,
  });

  test('every state defines every variable of `vars`, and #meta.varTypes types each one', () => {
    const t = trace(null);
    expect(t.vars).toEqual(ITF_VARS);
    expect(Object.keys(itfVarTypes(design)).sort()).toEqual([...ITF_VARS].sort());
    for (const s of t.states) expect(Object.keys(s).filter((k) => k !== '#meta').sort()).toEqual([...ITF_VARS].sort());
    expect(t['#meta'].varTypes.lpars).toMatch(/^Seq\(\{ cluster: \{ .*script: None\(UNIT\) \| Some\(\{ .*slotMask: Set\(Int\)/);
    expect(t['#meta'].varTypes[NONDET_PICKS]).toBe('{ from: None(UNIT) | Some(Int), issuer: None(UNIT) | Some(Int), lpar: None(UNIT) | Some(Int), slot: None(UNIT) | Some(Int), target: None(UNIT) | Some(Int), window: None(UNIT) | Some(Int) }');
    expect(t.states[1]![ACTION_TAKEN]).toBe('add_pci');
    expect(TRACE_VARS.every((v) => itfVarTypes(design)[v] !== undefined)).toBe(true);
  });

  test('a lasso says in #meta.description that its last state repeats states[loop]; a finite trace says nothing of it', () => {
    expect(trace(1)['#meta'].description).toContain(lassoConvention(1, 2));
    expect(lassoConvention(1, 2)).toMatch(/the last state, 2, is the same state as states\[1\].*taking step 2 again/);
    expect(lassoConvention(2, 2)).toMatch(/settles in state 2/);
    expect(trace(null)['#meta'].description).not.toMatch(/lasso/i);
    expect(trace(1).loop).toBe(1);
  });
});
