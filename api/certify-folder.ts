import { join } from 'node:path';
import type { Design } from '../model/index.ts';
import type { Certification } from '../check/certify/certify.ts';
import { planFor } from '../check/certify/plan.ts';
import { replayGap } from '../check/conformance/exhaustive.ts';
import { canonicalJson } from '../reports/canonical-json.ts';
import { certificateText } from '../reports/certificate.ts';
import { designHash } from '../reports/design-hash.ts';
import { exploreSummary, type ExploreSummary } from '../reports/explore-summary.ts';
import { OutputFiles } from '../reports/output-files.ts';
import { summarizeSuite, type DesignRunSummary } from '../reports/run-summary.ts';
import { addConformanceTraces, addExploreTraces, addSuiteTraces, conformanceTraceFile, exploreTraceFile } from '../reports/write-traces.ts';
import { certify, type CertifyApiOptions, type CertifyResult } from './certify.ts';
import { resolveDesignInputs } from './designs.ts';
import { checkShard, commandFolder, shardFolder, shardRecord, type ShardRecord } from './folders.ts';
import { addJunit, addReports } from './reports.ts';

// `slotcheck certify --design …` writes: a certificate per certified design into --dir, and into
// <out>/certify/ the summary of every method (certify-summary.json: what --json prints, and the
// random suites', explorations' and every-transition comparisons' summaries with the trace of each
// counterexample), those traces, report.html and report.md. All at once, or nothing.

/** A trace of an every-transition comparison: the emulator and the model parted there. */
export interface ConformanceTrace {
  readonly design: string;
  readonly property: string;
  readonly trace: string;
}

/** certify-summary.json: the result, and the summary of every method behind it (in design order). */
export interface CertifySummary extends CertifyResult {
  readonly methods: {
    readonly random: readonly DesignRunSummary[];
    readonly exhaustive: readonly ExploreSummary[];
    readonly everyTransition: readonly ConformanceTrace[];
  };
}

export interface CertifyFolderOptions extends CertifyApiOptions {
  /** As --out: the root; the command writes `<out>/certify/` (a shard `<out>/certify/shard-i-of-N/`). */
  readonly out: string;
  /** Where certificates go (--dir). */
  readonly dir: string;
  readonly junit?: string;
}

/** Certify the designs and write everything; returns the summary written (what --json prints is its CertifyResult part). */
export async function certifyToFolder(options: CertifyFolderOptions): Promise<CertifySummary> {
  const shard = checkShard(options.shard);
  const folder = shardFolder(commandFolder(options.out, 'certify'), shard);
  const files = new OutputFiles();
  const random: DesignRunSummary[] = [];
  const exhaustive: ExploreSummary[] = [];
  const everyTransition: ConformanceTrace[] = [];
  const result = await certify({
    ...options,
    onCertification: (design, given, c) => {
      const methods = certificationSummaries(files, folder, design, given, c);
      random.push(...methods.random);
      exhaustive.push(...methods.exhaustive);
      everyTransition.push(...methods.everyTransition);
      options.onCertification?.(design, given, c);
    },
  });
  const summary: CertifySummary = { ...result, methods: { random, exhaustive, everyTransition } };
  const designs = resolveDesignInputs(options.designs);
  const record = shardRecord(shard, folder, designs.map((d) => d.design.name), { designs: designs.map((d) => ({ given: d.given, hash: designHash(d.design), plan: options.plan ?? planFor(d.design.name) })) });
  addCertifyFolder(files, folder, options.dir, summary, options.junit, record);
  files.commit();
  return summary;
}

/** Each method's summary of one design's certification, with a trace per counterexample added to `files` (none for a certified design). */
function certificationSummaries(files: OutputFiles, folder: string, design: Design, given: string, c: Certification): CertifySummary['methods'] {
  const certified = c.verdict === 'certified';
  const none = () => new Map<string, string>();
  return {
    exhaustive: c.exploreReports.map((r) => exploreSummary(r, designHash(design), certified ? none() : addExploreTraces(files, r, design, (id) => exploreTraceFile(folder, design.name, id, r.config, r.symmetry.applied)))),
    random: c.suiteReports.map((r) => summarizeSuite(r, `npx slotcheck certify --design ${given}`, certified ? none() : addSuiteTraces(files, r, folder, { plantedBug: null }))),
    everyTransition: certified ? [] : c.conformance.flatMap((e) => {
      const traces = addConformanceTraces(files, e.gaps.map((g) => replayGap(g, design, e.plan.config)), design, e.plan.config, { plantedBug: null }, (id) => conformanceTraceFile(folder, design.name, id, e.plan.config));
      return [...traces].map(([property, trace]) => ({ design: design.name, property, trace }));
    }),
  };
}

/** Certificates into `dir`; certify-summary.json (with a shard's record), report.html and report.md into `folder`, which then holds exactly the traces added with them; JUnit XML to `junit`. */
export function addCertifyFolder(files: OutputFiles, folder: string, dir: string, summary: CertifySummary, junit: string | undefined, shard?: ShardRecord): void {
  for (const d of summary.designs) if (d.certificate !== null) files.add(join(dir, `${d.design.name}.json`), certificateText(d.certificate));
  files.add(join(folder, 'certify-summary.json'), canonicalJson(shard === undefined ? summary : { ...summary, shard }));
  const sources = { runSummaries: summary.methods.random, exploreSummaries: summary.methods.exhaustive, title: `slotcheck certify${shard === undefined ? '' : `, shard ${shard.index} of ${shard.count}`}` };
  addReports(files, folder, sources);
  if (junit !== undefined) addJunit(files, junit, sources);
  files.replaceTraces(join(folder, 'traces'));
}
