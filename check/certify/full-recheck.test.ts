// Why this test exists: a plan may mark explorations `recheck: full` (DSN-07's 3 × 2 with three
// faults, minutes long). `certify --check` then recomputes the rest and compares it with the
// certificate less those entries; `--check --full` recomputes everything. The projection must be
// exactly what certifying the shorter plan gives, and a certificate edited in a full-only entry
// must pass the CI check (it is taken on trust, and the check says so) but fail --full.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInDesign } from '../../model/index.ts';
import { buildCertificate, certificateForCi, certificateText } from '../../reports/certificate.ts';
import { runCli, tempDir } from '../../cli/testing.ts';
import { certify } from './certify.ts';
import { ciPlan, planFor, type CertificationPlan, type ExplorePlanItem } from './plan.ts';

const small: ExplorePlanItem = { config: { lparCount: 2, slotCount: 1, faultBudget: 1, writeBudget: 1 }, symmetry: false, statesMax: 100_000, depthMax: 10_000 };
const wider: ExplorePlanItem = { ...small, config: { ...small.config, lparCount: 3 }, symmetry: true, recheck: 'full' };
const plan: CertificationPlan = { explore: [wider, small], random: [], conformance: [] };
const hardened = builtInDesign('hardened')!;

describe('explorations rechecked only by certify --check --full', () => {
  it('DSN-07 is certified at 3 × 2 with three faults and 4 × 2 with two, both full-only; every other design at the default plan', async () => {
    const fenceAll = planFor('hardened-fence-all');
    expect(fenceAll.explore.filter((p) => p.recheck === 'full').map((p) => p.config)).toEqual([
      { lparCount: 3, slotCount: 2, faultBudget: 3, writeBudget: 2 }, { lparCount: 4, slotCount: 2, faultBudget: 2, writeBudget: 2 },
    ]);
    expect(planFor('hardened').explore.some((p) => p.recheck === 'full')).toBe(false);
  });

  it('the certificate less its full-only entries is byte for byte the certificate of the plan without them', async () => {
    const whole = buildCertificate(hardened, 'built-in', plan, await certify(hardened, plan));
    const { plan: short, kept } = ciPlan(plan);
    expect(kept).toEqual([1]);
    const direct = buildCertificate(hardened, 'built-in', short, await certify(hardened, short));
    expect(certificateText(certificateForCi(whole))).toBe(certificateText(direct));
    // The full-only entry's evidence is gone, the other's renumbered.
    expect(certificateForCi(whole).properties.find((p) => p.id === 'INV-01')!.evidence).toEqual([{ method: 'exhaustive', plan: 0, verdict: 'pass' }]);
  }, 120_000);

  it('an edit to a full-only entry passes certify --check, which says it took that entry on trust, and fails --check --full', async () => {
    const dir = tempDir();
    const certificate = buildCertificate(hardened, 'built-in', plan, await certify(hardened, plan));
    const file = join(dir, 'hardened.json');
    writeFileSync(file, certificateText({ ...certificate, explored: certificate.explored.map((e, i) => (i === 0 ? { ...e, states: e.states + 1 } : e)) }));
    const ci = await runCli(['certify', '--check', '--dir', dir]);
    expect(ci.code).toBe(0);
    expect(ci.stdout).toMatch(/matches .*1 exploration\(s\) marked recheck: full taken from the certificate/);
    const full = await runCli(['certify', '--check', '--full', '--dir', dir]);
    expect(full.code).toBe(1);
    expect(full.stdout).toMatch(/STALE/);
    // An edit to an entry CI recomputes is caught without --full.
    const other = tempDir();
    writeFileSync(join(other, 'hardened.json'), certificateText({ ...certificate, explored: certificate.explored.map((e, i) => (i === 1 ? { ...e, states: e.states + 1 } : e)) }));
    expect((await runCli(['certify', '--check', '--dir', other])).code).toBe(1);
  }, 240_000);
});
