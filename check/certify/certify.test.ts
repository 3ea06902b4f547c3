// Why: a certificate's CONFORMANCE rests on the random suites and on the emulator compared with
// the model on every transition of small spaces. That comparison must be able to refuse a
// certificate (the planted emulator bug), and a bound it hits must make it inconclusive, never a
// pass.
import { describe, expect, it } from 'vitest';
import { builtInDesign } from '../../model/index.ts';
import { certify } from './certify.ts';
import type { CertificationPlan } from './plan.ts';

const onlyEveryTransition = (statesMax: number, along: 'shortest-path' | 'every-edge' = 'every-edge'): CertificationPlan => ({
  explore: [], random: [], conformance: [{ config: { lparCount: 2, slotCount: 1, faultBudget: 1, writeBudget: 1 }, statesMax, along }],
});
const conformanceOf = (c: Awaited<ReturnType<typeof certify>>) => c.properties.find((p) => p.id === 'CONFORMANCE')!;

describe('certify: the emulator against the model on every transition', () => {
  it('holds for hardened, with its evidence', async () => {
    const c = await certify(builtInDesign('hardened')!, onlyEveryTransition(100_000));
    expect(conformanceOf(c)).toMatchObject({ verdict: 'holds', evidence: [{ method: 'every-transition', plan: 0, verdict: 'pass' }] });
    expect(c.conformance[0]).toMatchObject({ states: 370, boundHit: false, gaps: [] });
    expect(c.conformance[0]!.otherEdges).toBeGreaterThan(0);
  });

  it('refuses the certificate for a bug only another edge into a state shows, and only when the plan says every-edge', async () => {
    const planted = { emulator: { plantedBug: 'period-counter-wraps' as const } };
    expect(conformanceOf(await certify(builtInDesign('hardened')!, onlyEveryTransition(100_000, 'shortest-path'), planted)).verdict).toBe('holds');
    const c = await certify(builtInDesign('hardened')!, onlyEveryTransition(100_000), planted);
    expect(conformanceOf(c).verdict).toBe('counterexample');
    expect(c.conformance[0]!.gaps[0]).toMatchObject({ id: 'CONFORMANCE', command: { kind: 'tick' } });
  });

  it('refuses the certificate when the emulator has the planted bug', async () => {
    const c = await certify(builtInDesign('hardened')!, onlyEveryTransition(100_000), { emulator: { plantedBug: 'enable-before-gatekeeper' } });
    expect(conformanceOf(c).verdict).toBe('counterexample');
    expect(c.verdict).toBe('counterexample');
    expect(c.conformance[0]!.gaps[0]).toMatchObject({ id: 'CONFORMANCE', command: { kind: 'cluster_step', lpar: 1 } });
  });

  it('is inconclusive when statesMax is hit', async () => {
    const c = await certify(builtInDesign('hardened')!, onlyEveryTransition(20));
    expect(conformanceOf(c).verdict).toBe('inconclusive');
    expect(c.verdict).toBe('inconclusive');
  });
});
