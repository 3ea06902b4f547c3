import type { Design } from '../model/index.ts';
import { certificationVerdict, combineVerdicts, type Certification, type Evidence } from '../check/certify/certify-report.ts';
import { ciPlan, type CertificationPlan } from '../check/certify/plan.ts';
import { canonicalJson } from './canonical-json.ts';
import { designHash } from './design-hash.ts';
import { TOOL_VERSION } from './version.ts';

// 2: each exploration and random suite names the command kinds it never exercised; emulator and
// model compared on every transition of small spaces (plan.conformance).
// 3: that comparison also from the emulator of every edge into a state (plan.conformance[].along,
// conformance[].otherEdges).
// 4: the catalogue's mutation score at the plan's mutate bounds (plan.mutate, mutation).
export const CERTIFICATE_FORMAT = 'slotcheck-certificate/4';

/**
 * A certificate: the design (name, content hash, parameters, where it came from), the plan it was
 * certified with, the tool version, per property each method's verdict, and per method the command
 * kinds it never exercised (its verdicts say nothing about those handlers). No timestamps and no
 * timings: certifying the same design with the same tool gives the same bytes.
 */
export function buildCertificate(design: Design, source: string, plan: CertificationPlan, c: Certification) {
  return {
    format: CERTIFICATE_FORMAT,
    toolVersion: TOOL_VERSION,
    design: { name: design.name, id: design.id, title: design.title, hash: designHash(design), source, parameters: design },
    plan,
    verdict: c.verdict,
    explored: c.explored,
    random: c.randomRuns,
    conformance: c.conformance.map(({ gaps: _gaps, ...counts }) => counts), // written only when there are none
    ...(plan.mutate === undefined ? {} : { mutation: c.mutation }),
    properties: c.properties,
  };
}

export type Certificate = ReturnType<typeof buildCertificate>;

export function certificateText(certificate: Certificate): string {
  return canonicalJson(certificate);
}

/**
 * The certificate as its plan without the `recheck: full` entries would have made it: those
 * explorations, and the evidence they gave, left out; verdicts combined again. `certify --check`
 * compares this with a recomputation of that plan (the full entries it takes on trust, and says so).
 */
export function certificateForCi(certificate: Certificate): Certificate {
  const { plan, kept } = ciPlan(certificate.plan);
  const properties = certificate.properties.map((p) => {
    const evidence = p.evidence.flatMap((e): Evidence[] => (e.method !== 'exhaustive' ? [e] : kept.includes(e.plan) ? [{ ...e, plan: kept.indexOf(e.plan) }] : []));
    return { ...p, evidence, verdict: combineVerdicts(p.expect, evidence.map((e) => e.verdict)) };
  });
  return { ...certificate, plan, explored: kept.map((i) => certificate.explored[i]!), properties, verdict: certificationVerdict(properties, false) };
}
