import { relative } from 'node:path';
import { builtInDesign, type Design } from '../model/index.ts';
import { certify as certifyDesign, type Certification, type CertifiedProperty } from '../check/certify/certify.ts';
import { certificationPlanSchema, planFor, type CertificationPlan } from '../check/certify/plan.ts';
import { buildCertificate } from '../reports/certificate.ts';
import { designHash } from '../reports/design-hash.ts';
import { TOOL_VERSION } from '../reports/version.ts';
import { shareOf, type Shard } from '../check/shard.ts';
import { resolveDesignInputs, type DesignInput } from './designs.ts';
import { exitCodeOf, SlotcheckError, type ExitCode } from './errors.ts';
import { checkShard } from './folders.ts';

export interface CertifyApiOptions {
  /** Default: every built-in design. */
  readonly designs?: readonly DesignInput[];
  /** Default: each design's own plan, `planFor` (the certification bound, README "What is proven"). */
  readonly plan?: CertificationPlan;
  readonly onProgress?: (design: string, what: string) => void;
  /** Certify only this shard's designs (design k goes to shard k mod count + 1). */
  readonly shard?: Shard;
  /** Threads checking a certified design's mutants side by side (default 1); the results do not depend on it. */
  readonly threads?: number;
  /** Each design's full certification (explorations, random suites, every-transition comparisons) as it is done. */
  readonly onCertification?: (design: Design, given: string, certification: Certification) => void;
}

export interface DesignCertification {
  readonly design: { readonly name: string; readonly id: string; readonly hash: string };
  readonly verdict: Certification['verdict'];
  readonly properties: readonly CertifiedProperty[];
  /** The certificate, when every property holds: what `certify` writes to reports/certificates/<design>.json. */
  readonly certificate: ReturnType<typeof buildCertificate> | null;
}

/** What `slotcheck certify --json` prints. */
export interface CertifyResult {
  readonly tool: 'slotcheck';
  readonly toolVersion: string;
  readonly command: 'certify';
  readonly exitCode: ExitCode;
  readonly designs: readonly DesignCertification[];
}

/** Where a design came from, as a certificate records it, so that `certify --check` can find it again. */
export function designSource(given: string, design: Design): string {
  return builtInDesign(given)?.name === design.name ? 'built-in' : `file:${relative(process.cwd(), given).split('\\').join('/')}`;
}

/** Certify designs before they change (`slotcheck certify`): every method of the plan, a certificate for each design on which everything holds. Writes nothing. */
export async function certify(options: CertifyApiOptions = {}): Promise<CertifyResult> {
  const designs = resolveDesignInputs(options.designs);
  if (options.plan !== undefined) {
    const parsed = certificationPlanSchema.safeParse(options.plan);
    if (!parsed.success) throw new SlotcheckError('SC002', `plan.${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`, 'keep the plan within the tool\'s limits (check/certify/plan.ts CHECK_LIMITS)');
  }
  const results: DesignCertification[] = [];
  for (const { job: { given, design } } of shareOf(designs, checkShard(options.shard))) {
    const plan: CertificationPlan = options.plan ?? planFor(design.name);
    const c = await certifyDesign(design, plan, {
      ...(options.threads === undefined ? {} : { threads: options.threads }),
      ...(options.onProgress === undefined ? {} : { onProgress: (what: string) => options.onProgress!(design.name, what) }),
    });
    options.onCertification?.(design, given, c);
    await new Promise((resolveTurn) => setImmediate(resolveTurn)); // let a Ctrl-C in between designs
    results.push({
      design: { name: design.name, id: design.id, hash: designHash(design) }, verdict: c.verdict, properties: c.properties,
      certificate: c.verdict === 'certified' ? buildCertificate(design, designSource(given, design), plan, c) : null,
    });
  }
  return certifyResult(results);
}

/** What `certify` returns for these designs' certifications (in design order). */
export function certifyResult(designs: readonly DesignCertification[]): CertifyResult {
  const exitCode = exitCodeOf(designs.map((r) => (r.verdict === 'certified' ? 'pass' : r.verdict)));
  return { tool: 'slotcheck', toolVersion: TOOL_VERSION, command: 'certify', exitCode, designs };
}
