// Why: a mutation score is only as good as its mutants. Every mutant must be a design the schema
// accepts, differ from the base in exactly one decision, and keep its number from run to run, so
// that a kill matrix and a justification mean the same thing tomorrow.
import { describe, expect, test } from 'vitest';
import { checkDesign } from '../../model/design-schema.ts';
import { builtInDesign, type Design } from '../../model/index.ts';
import { behaviourKey, generateMutants, scriptCandidates } from './mutants.ts';

const hardened = builtInDesign('hardened')!;

/** The behaviour fields in which two designs differ. */
function changedFields(a: Design, b: Design): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((k) => !['name', 'id', 'title'].includes(k)));
  return [...keys].filter((k) => JSON.stringify((a as unknown as Record<string, unknown>)[k]) !== JSON.stringify((b as unknown as Record<string, unknown>)[k]));
}

describe('mutants of hardened', () => {
  const set = generateMutants(hardened);

  test('53 mutants: 15 enum and boolean changes of the decisions, 11 script changes, 16 for the later fields, 2 steps of LIV-06\'s recoveryBoundSteps, 7 numeric steps, 2 ends of the CPU step budget', () => {
    expect(set.mutants).toHaveLength(53);
    expect(set.mutants.filter((m) => m.field === 'failoverScript')).toHaveLength(6 + 5); // each of 6 steps dropped, 5 adjacent swaps
    expect(set.mutants.filter((m) => /Ticks|Percent/.test(m.field))).toHaveLength(7); // 2 × 4 steps, less a period of 0
    expect(set.mutants.filter((m) => m.field === 'recoveryBoundSteps').map((m) => m.description)).toEqual(['recoveryBoundSteps: (absent) → 24', 'recoveryBoundSteps: (absent) → 26']);
    expect(set.mutants.filter((m) => m.field === 'clusterStepsPerTickAtFullCpu').map((m) => m.description)).toEqual(['clusterStepsPerTickAtFullCpu: (absent) → 1', 'clusterStepsPerTickAtFullCpu: (absent) → 100']);
    expect(set.mutants.map((m) => m.id)).toEqual(Array.from({ length: 53 }, (_, i) => `M${String(i + 1).padStart(3, '0')}`));
  });

  test('the candidates the schema refuses are listed, not checked: every duplicated script step, a heartbeat period of 0', () => {
    expect(set.invalid.map((m) => m.description)).toEqual([
      ...hardened.failoverScript.map((s) => `failoverScript: duplicate ${s}`),
      'heartbeatPeriodTicks: 1 → 0',
    ]);
    expect(set.invalid[0]!.message).toBe('step "deact" appears twice');
  });

  test('every mutant is a valid design that changes one field of the base, and no two behave alike', () => {
    for (const m of set.mutants) {
      expect(checkDesign(m.design).ok, m.description).toBe(true);
      expect(changedFields(hardened, m.design), m.description).toEqual([m.field]);
      expect(m.design.name).toBe(`hardened--${m.id.toLowerCase()}`);
      expect(m.design.id).toBe('user');
    }
    const keys = set.mutants.map((m) => behaviourKey(m.design));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).not.toContain(behaviourKey(hardened));
    expect(new Set(set.mutants.map((m) => m.description)).size).toBe(53);
  });

  test('deterministic: the same base gives the same mutants, numbers and descriptions', () => {
    expect(generateMutants({ ...hardened }).mutants).toEqual(set.mutants);
    expect(set.mutants.find((m) => m.id === 'M005')!.description).toBe('addWhileEnabled: reject → reassign');
    expect(set.mutants.find((m) => m.id === 'M016')!.description).toBe('failoverScript: drop deact');
    // Fields added after the numbers were published come last in the schema, so earlier numbers stay.
    expect(set.mutants.slice(-9).map((m) => `${m.id} ${m.description}`)).toEqual([
      'M045 gateKeeperOrder: (absent) → enable-then-rewrite', 'M046 quiesceBy: (absent) → reset-at-rem-pci', 'M047 quiesceBy: (absent) → drain-at-add-pci',
      'M048 sciHandler: (absent) → one-event-per-sci', 'M049 gpeStatusClear: (absent) → clear-on-read', 'M050 hotRemoveSci: (absent) → skip',
      'M051 sciTrigger: (absent) → edge',
      'M052 clusterStepsPerTickAtFullCpu: (absent) → 1', 'M053 clusterStepsPerTickAtFullCpu: (absent) → 100',
    ]);
  });
});

describe('what a change is', () => {
  test('an absent optional field set to what absence means is the base itself, not a mutant', () => {
    const explicit = { ...hardened, failoverVictims: 'service-owner', scriptSlots: 'at-detection' } as const;
    expect(behaviourKey(explicit)).toBe(behaviourKey(hardened));
    const set = generateMutants(explicit);
    expect(set.mutants.map((m) => m.description)).toContain('failoverVictims: service-owner → slot-holders');
    expect(set.mutants).toHaveLength(53);
  });

  test('a script step is dropped, swapped with its neighbour, duplicated in place', () => {
    const c = scriptCandidates(['deact', 'rem_pci', 'add_pci']);
    expect(c.map((x) => x.description)).toEqual([
      'failoverScript: drop deact', 'failoverScript: drop rem_pci', 'failoverScript: drop add_pci',
      'failoverScript: swap deact ↔ rem_pci', 'failoverScript: swap rem_pci ↔ add_pci',
      'failoverScript: duplicate deact', 'failoverScript: duplicate rem_pci', 'failoverScript: duplicate add_pci',
    ]);
    expect(c[4]!.value).toEqual(['deact', 'add_pci', 'rem_pci']);
    expect(c[6]!.value).toEqual(['deact', 'rem_pci', 'rem_pci', 'add_pci']);
  });

  test('numbers step by one within the schema: a period of 1 has no step down', () => {
    const set = generateMutants(hardened);
    expect(set.mutants.filter((m) => m.field === 'heartbeatPeriodTicks').map((m) => m.description)).toEqual(['heartbeatPeriodTicks: 1 → 2']);
    expect(set.mutants.filter((m) => m.field === 'cpuStandbyPercent').map((m) => m.description)).toEqual(['cpuStandbyPercent: 3 → 2', 'cpuStandbyPercent: 3 → 4']);
  });

  test('an absent step budget (unbounded, no neighbour) takes the schema\'s two ends; a set one steps by one, within 1–100', () => {
    const steps = (d: Design) => generateMutants(d).mutants.filter((m) => m.field === 'clusterStepsPerTickAtFullCpu').map((m) => m.description);
    expect(steps({ ...hardened, clusterStepsPerTickAtFullCpu: 10 })).toEqual(['clusterStepsPerTickAtFullCpu: 10 → 9', 'clusterStepsPerTickAtFullCpu: 10 → 11']);
    expect(steps({ ...hardened, clusterStepsPerTickAtFullCpu: 1 })).toEqual(['clusterStepsPerTickAtFullCpu: 1 → 2']);
    const top = generateMutants({ ...hardened, clusterStepsPerTickAtFullCpu: 100 });
    expect(top.mutants.filter((m) => m.field === 'clusterStepsPerTickAtFullCpu').map((m) => m.description)).toEqual(['clusterStepsPerTickAtFullCpu: 100 → 99']);
    expect(top.invalid.map((m) => m.description)).toContain('clusterStepsPerTickAtFullCpu: 100 → 101');
  });
});
