// Why this test exists: a certification plan may explore a configuration with hash compaction
// (`store: "compact"`, issue 21). The certificate must then say that the entry's verdicts are
// probabilistic, with the omission probability, and stay byte-reproducible; the entry checks no
// liveness, so it must neither veto LIV-* that an exact entry proves nor pass them on its own.
import { describe, expect, it } from 'vitest';
import { builtInDesign } from '../../model/index.ts';
import { buildCertificate, certificateText } from '../../reports/certificate.ts';
import { certify } from './certify.ts';
import { certificationPlanSchema, type CertificationPlan, type ExplorePlanItem } from './plan.ts';

const small: ExplorePlanItem = { config: { lparCount: 2, slotCount: 1, faultBudget: 1, writeBudget: 1 }, symmetry: false, statesMax: 100_000, depthMax: 10_000 };
const compact: ExplorePlanItem = { ...small, config: { ...small.config, lparCount: 3 }, symmetry: true, store: 'compact' };
const plan = (...explore: ExplorePlanItem[]): CertificationPlan => ({ explore, random: [], conformance: [] });
const hardened = builtInDesign('hardened')!;

describe('certify with a compact exploration in the plan', () => {
  it('records it as probabilistic with its omission probability, beside an exact entry that carries no such field', async () => {
    const c = await certify(hardened, plan(small, compact));
    expect(c.explored[0]).not.toHaveProperty('probabilistic');
    expect(c.explored[1]).toMatchObject({ probabilistic: true, fingerprintBits: 64 });
    expect(c.explored[1]!.omissionProbability).toBeGreaterThan(0);
    expect(c.explored[1]!.omissionProbability).toBeLessThan(1e-9);
    const inv01 = c.properties.find((p) => p.id === 'INV-01')!;
    expect(inv01.evidence).toEqual([
      { method: 'exhaustive', plan: 0, verdict: 'pass' },
      { method: 'exhaustive', plan: 1, verdict: 'pass', probabilistic: true },
    ]);
    // LIV-01: the exact entry's pass alone; the compact entry did not check it.
    expect(c.properties.find((p) => p.id === 'LIV-01')).toMatchObject({ verdict: 'holds', evidence: [{ method: 'exhaustive', plan: 0, verdict: 'pass' }] });
    // Every catalogue property is decided; CONFORMANCE is not, as this plan compares no emulator.
    expect(c.properties.filter((p) => !['holds', 'reached', 'not-applicable'].includes(p.verdict)).map((p) => p.id)).toEqual(['CONFORMANCE']);
    const text = certificateText(buildCertificate(hardened, 'built-in', plan(small, compact), c));
    expect(text).toMatch(/"probabilistic": ?true/);
    expect(certificateText(buildCertificate(hardened, 'built-in', plan(small, compact), await certify(hardened, plan(small, compact))))).toBe(text);
  }, 60_000);

  it('with compact entries alone, liveness is inconclusive (no method checked it), not not-applicable', async () => {
    const c = await certify(hardened, plan(compact));
    expect(c.properties.find((p) => p.id === 'LIV-01')).toMatchObject({ verdict: 'inconclusive', evidence: [] });
    expect(c.verdict).toBe('inconclusive');
  }, 60_000);

  it('the plan schema takes store "compact" and nothing else', async () => {
    expect(certificationPlanSchema.safeParse(plan(small, compact)).success).toBe(true);
    const bad = certificationPlanSchema.safeParse({ ...plan(small), explore: [{ ...small, store: 'exact' }] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ['explore', 0, 'store'], message: expect.stringMatching(/must be "compact"/) });
  });
});
