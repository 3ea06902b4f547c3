// Why this test exists: a certificate records the catalogue's mutation score at the plan's mutate
// bound (issue 18), so `certify --check` recomputes it and a change in what the catalogue kills is
// a stale certificate. The score must be measured the same way `mutate` measures it, must not
// depend on threads, and is measured only for a design that is certified.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../../cli/testing.ts';
import { builtInDesign } from '../../model/index.ts';
import { buildCertificate, certificateText } from '../../reports/certificate.ts';
import { mutate } from '../mutate/mutate.ts';
import { certify } from './certify.ts';
import { certificationPlanSchema, type CertificationPlan, type MutatePlanItem } from './plan.ts';

const config = { lparCount: 2, slotCount: 1, faultBudget: 2, writeBudget: 2 };
const mutateAt: MutatePlanItem = { config: { ...config, faultBudget: 1, writeBudget: 1 }, statesMax: 100_000, depthMax: 10_000, runs: 30, seed: 1, maxCommands: 40 };
const plan: CertificationPlan = {
  explore: [{ config, symmetry: false, statesMax: 100_000, depthMax: 10_000 }],
  random: [{ config, seed: 1, runs: 60, maxCommands: 60 }],
  conformance: [],
  mutate: [mutateAt],
};

describe('certify with a mutate entry in the plan', () => {
  it('records the mutation score and each mutant as `mutate` judges it, the same on one thread or two', async () => {
    const hardened = builtInDesign('hardened')!;
    const one = await certify(hardened, plan, { threads: 1 });
    expect(one.verdict).toBe('certified');
    const direct = await mutate({ base: hardened, config: mutateAt.config, statesMax: mutateAt.statesMax, depthMax: mutateAt.depthMax, timeLimitMs: 3_600_000, runs: mutateAt.runs, seed: mutateAt.seed, maxCommands: mutateAt.maxCommands });
    expect(one.mutation).toHaveLength(1);
    expect(one.mutation[0]!.score).toEqual(direct.outcome.score);
    expect(one.mutation[0]!.mutants.map((m) => m.status)).toEqual(direct.outcome.mutants.map((m) => m.status));
    expect(one.mutation[0]!.score.killed).toBeGreaterThan(0);
    const text = certificateText(buildCertificate(hardened, 'built-in', plan, one));
    expect(JSON.parse(text)).toMatchObject({ mutation: [{ plan: mutateAt, score: direct.outcome.score }] });
    const two = await certify(hardened, plan, { threads: 2 });
    expect(certificateText(buildCertificate(hardened, 'built-in', plan, two))).toBe(text);

    // certify --check recomputes the score: a certificate that claims one more kill is stale, the true one matches.
    const dir = tempDir();
    writeFileSync(join(dir, 'hardened.json'), text);
    expect((await runCli(['certify', '--check', '--dir', dir])).code).toBe(0);
    const certificate = buildCertificate(hardened, 'built-in', plan, one);
    const claimed = { ...certificate.mutation![0]!, score: { ...certificate.mutation![0]!.score, killed: certificate.mutation![0]!.score.killed + 1 } };
    writeFileSync(join(dir, 'hardened.json'), certificateText({ ...certificate, mutation: [claimed] }));
    const stale = await runCli(['certify', '--check', '--dir', dir]);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toMatch(/STALE[\s\S]*mutation/);
  }, 240_000);

  it('measures nothing for a design that is not certified', async () => {
    const c = await certify(builtInDesign('patent-lpar-a')!, plan);
    expect(c.verdict).toBe('counterexample');
    expect(c.mutation).toEqual([]);
  }, 120_000);

  it('the plan schema checks a mutate entry like the others', () => {
    expect(certificationPlanSchema.safeParse(plan).success).toBe(true);
    const bad = certificationPlanSchema.safeParse({ ...plan, mutate: [{ ...mutateAt, runs: 0 }] });
    expect(bad.error?.issues[0]).toMatchObject({ path: ['mutate', 0, 'runs'], message: expect.stringMatching(/at least 1/) });
  });
});
