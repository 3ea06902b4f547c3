// Why (issue 20): a trace is meant for other tools too. Every trace that `run` and `explore` write
// (invariants, lassos, CONFORMANCE) is read here with Quint's own ITF reader (the npm package
// @informalsystems/quint, its `ofItfNormalized`, which also turns each value into Quint's runtime
// values), and what Quint reads must be what our own decoder reads: unit and None as Quint writes
// them, slot masks as sets, the command as mbt::actionTaken and mbt::nondetPicks.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ofItf, ofItfNormalized } from '@informalsystems/quint/dist/src/itf.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { explore, run } from '../index.ts';
import { ACTION_TAKEN, NONDET_PICKS } from './itf.ts';
import { fromItf, type Plain } from './itf-decode.ts';

type QuintEx = ReturnType<typeof ofItf>[number];

/** A Quint expression as our decoder would give it: an int a number, a set or list an array, unit and None null, Some its value. */
function plainOf(ex: QuintEx): Plain {
  switch (ex.kind) {
    case 'int': return Number(ex.value);
    case 'bool':
    case 'str': return ex.value;
    case 'app': {
      const args = ex.args.map(plainOf);
      switch (ex.opcode) {
        case 'List':
        case 'Set': return args;
        case 'Tup': return args.length === 0 ? null : args;
        case 'Rec': return Object.fromEntries(Array.from({ length: args.length / 2 }, (_, i) => [args[2 * i] as string, args[2 * i + 1]!]));
        case 'variant': return args[0] === 'None' ? null : args[0] === 'Some' ? args[1]! : { tag: args[0]!, value: args[1]! };
        default: throw new Error(`Quint read an operator we never write: ${ex.opcode}`);
      }
    }
    default: throw new Error(`Quint read an expression we never write: ${ex.kind}`);
  }
}

/** The Quint expression at a path of record fields (by name) and list elements or variant parts (by index). */
function field(ex: QuintEx, ...path: (string | number)[]): QuintEx {
  for (const key of path) {
    if (ex.kind !== 'app') throw new Error(`${ex.kind} has no part ${key}`);
    const i = typeof key === 'number' ? key : ex.args.findIndex((a, j) => j % 2 === 0 && a.kind === 'str' && a.value === key) + 1;
    if (i < 0 || (typeof key === 'string' && ex.opcode !== 'Rec') || ex.args[i] === undefined) throw new Error(`no ${key} in ${ex.opcode}`);
    ex = ex.args[i]!;
  }
  return ex;
}

const shape = (ex: QuintEx) => (ex.kind === 'app' ? ex.opcode : ex.kind);

let out = '';
let traces: string[] = [];

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'slotcheck-itf-quint-'));
  await run({ designs: ['patent-lpar-a', 'patent-card-rom'], runs: 40, out });
  await run({ designs: ['hardened'], runs: 40, plantedBug: 'enable-before-gatekeeper', out: join(out, 'planted') });
  await explore({ designs: ['patent-lpar-a', 'hardened'], config: { lparCount: 2, faultBudget: 1, writeBudget: 1 }, out });
  traces = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.itf.json')).sort().map((f) => join(out, f));
}, 300_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("Quint's ITF reader", () => {
  test('there are traces of every kind to read: invariants, a lasso, CONFORMANCE', () => {
    const all = traces.map((f) => JSON.parse(readFileSync(f, 'utf8')));
    expect(all.length).toBeGreaterThan(5);
    expect(all.some((t) => t.loop !== undefined)).toBe(true);
    expect(all.some((t) => t['#meta'].property.id === 'CONFORMANCE')).toBe(true);
    expect(all.some((t) => t['#meta'].method === 'explore') && all.some((t) => t['#meta'].method === 'random')).toBe(true);
  });

  test('reads every trace, state by state, as our own decoder does', () => {
    for (const file of traces) {
      const trace = JSON.parse(readFileSync(file, 'utf8'));
      const states = ofItfNormalized(trace);
      expect(states, file).toHaveLength(trace.states.length);
      states.forEach((ex, i) => {
        const ours = fromItf(trace.states[i]) as Record<string, Plain>;
        expect(Object.keys(plainOf(ex) as object).sort(), `${file} state ${i}`).toEqual([...trace.vars].sort());
        expect(plainOf(ex), `${file} state ${i}`).toEqual(ours);
      });
    }
  });

  test('sees None as a variant of unit, a slot mask as a set, the command as mbt::actionTaken and a record of Option picks', () => {
    const file = traces.find((f) => f.includes('INV-09-explore'))!;
    const trace = JSON.parse(readFileSync(file, 'utf8'));
    const [initial, first] = ofItf(trace);
    expect(shape(field(initial!, 'previousServiceOwner'))).toBe('variant');
    expect(plainOf(field(initial!, 'previousServiceOwner', 0))).toBe('None');
    expect(shape(field(initial!, 'previousServiceOwner', 1))).toBe('Tup');
    expect(shape(field(first!, 'lpars', 1, 'gpe', 'insertMask'))).toBe('Set');
    expect(plainOf(field(first!, 'lpars', 1, 'gpe', 'insertMask'))).toEqual([0]);
    expect(plainOf(field(first!, ACTION_TAKEN))).toBe(trace.states[1]['#meta'].command.kind);
    const picks = field(first!, NONDET_PICKS);
    expect(shape(picks)).toBe('Rec');
    expect(plainOf(picks)).toMatchObject(Object.fromEntries(Object.entries(trace.states[1]['#meta'].command).filter(([k]) => k !== 'kind')));
    expect(plainOf(field(initial!, ACTION_TAKEN))).toBe('init');
  });

  test('would read the old encodings as something else: None of an empty record, a mask as a number', () => {
    // Planted: what slotcheck wrote before issue 20. Quint reads them without error, but not as
    // unit and not as a set, so a Quint spec comparing them with its own values would disagree.
    const [old] = ofItf({ vars: ['x', 'm'], states: [{ x: { tag: 'None', value: {} }, m: { '#bigint': '1' } }] });
    expect(shape(field(old!, 'x', 1))).toBe('Rec');
    expect(shape(field(old!, 'm'))).toBe('int');
  });
});
