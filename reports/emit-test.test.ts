// Why: an emitted test embeds the trace and names what it pins. The embedded literal must be the
// trace itself (a test that replays something else pins nothing), a design that is not built in
// must travel with the test, and the names a test prints must survive any quote in a sentence.
import { describe, expect, test } from 'vitest';
import { emittedTestSource, traceLiteral, type EmittedTestSource } from './emit-test.ts';

const trace = { vars: ['a'], states: [{ '#meta': { index: 0 }, a: { '#bigint': '0' } }, { '#meta': { index: 1, command: { kind: 'tick' } }, a: { '#bigint': '1' } }], '#meta': { format: 'ITF', description: "it's \"quoted\"" }, loop: 1 };

const source = (over: Partial<EmittedTestSource> = {}): string => emittedTestSource({
  trace, property: { id: 'INV-09', name: "an OS's mounted device is owned" }, traceDesign: 'patent-lpar-a',
  pins: [{ expect: 'violated', on: null, violatedAt: 1 }], importFrom: 'slotcheck', writtenBy: 'slotcheck replay t.itf.json --emit-test t.test.ts --expect violated', about: ['line one\nline two'],
  ...over,
});

describe('the emitted test', () => {
  test('embeds the trace as it is, one state per line, in canonical key order', () => {
    const literal = traceLiteral(trace);
    expect(JSON.parse(literal)).toEqual(trace);
    expect(literal.split('\n')).toHaveLength(1 + 1 + 1 + 1 + trace.states.length + 1 + 1 + 1);
    expect(literal.split('\n')[1]).toMatch(/^ {2}"#meta": \{"description"/);
    expect(source()).toContain(`const trace = ${literal};`);
  });

  test('imports replay from the given module and asserts the pinned step', () => {
    const text = source();
    expect(text).toContain("import { replay } from 'slotcheck';");
    expect(text).toContain("toMatchObject({ kind: 'violated', at: 1 })");
    expect(text).toContain("test('INV-09 is violated at step 1 on patent-lpar-a: an OS\\'s mounted device is owned'");
    expect(text).toMatch(/^\/\/ line one\n\/\/ line two$/m);
  });

  test('a fix on a built-in design names it; a design of one\'s own is embedded beside the trace', () => {
    const named = source({ pins: [{ expect: 'holds', on: { name: 'hardened', embed: null }, violatedAt: null }] });
    expect(named).toContain("await replay(trace, { design: 'hardened' })");
    expect(named).toContain("toEqual({ kind: 'holds' })");
    const own = source({ pins: [{ expect: 'holds', on: { name: 'mine', embed: { name: 'mine', failoverScript: ['deact'] } }, violatedAt: null }] });
    expect(own).toContain('const design1 = {\n  "failoverScript": [\n    "deact"\n  ],\n  "name": "mine"\n};');
    expect(own).toContain('await replay(trace, { design: design1 })');
  });
});
