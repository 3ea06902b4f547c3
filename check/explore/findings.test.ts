import { describe, expect, it } from 'vitest';
import type { Violation } from '../../properties/violations.ts';
import { Findings, violationsOf } from './findings.ts';

// Why this test exists: one shortest counterexample per property relies on asking a system again
// with the properties already found skipped. A system that honours `skip` yields every broken
// property of a state; one that ignores it (allowed by the interface) must not loop forever or
// record a property twice.

const broken: Violation[] = [{ id: 'INV-01', why: 'a' }, { id: 'INV-04', why: 'b' }, { id: 'INV-09', why: 'c' }];
const honouring = (skip: ReadonlySet<string>) => broken.find((v) => !skip.has(v.id)) ?? null;
const ignoring = () => broken[0]!;

describe('violationsOf and Findings', () => {
  it('a system that honours skip yields every broken property not yet skipped, in order', () => {
    expect(violationsOf(honouring, new Set()).map((v) => v.id)).toEqual(['INV-01', 'INV-04', 'INV-09']);
    expect(violationsOf(honouring, new Set(['INV-01'])).map((v) => v.id)).toEqual(['INV-04', 'INV-09']);
  });

  it('a system that ignores skip yields its first violation once, and nothing once that is skipped', () => {
    expect(violationsOf(ignoring, new Set()).map((v) => v.id)).toEqual(['INV-01']);
    expect(violationsOf(ignoring, new Set(['INV-01']))).toEqual([]);
  });

  it('Findings keeps the first locator per property and stops checking once every wanted invariant is found', () => {
    const findings = new Findings(['INV-01', 'INV-04', 'INV-09'], (id) => id !== 'INV-09');
    expect(findings.skip.has('INV-09')).toBe(true);
    findings.record(broken, { kind: 'state', index: 3 });
    findings.record([{ id: 'INV-04', why: 'later' }], { kind: 'state', index: 7 });
    expect([...findings.violations]).toEqual([['INV-01', { why: 'a', at: { kind: 'state', index: 3 } }], ['INV-04', { why: 'b', at: { kind: 'state', index: 3 } }]]);
    expect(findings.anyInvariantOpen).toBe(false);
  });
});
