import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { z } from 'zod';
import { builtInDesign, type Config, type Design } from '../../model/index.ts';
import type { Certification } from '../../check/certify/certify.ts';
import { certifyToFolder, type CertifySummary } from '../../api/certify-folder.ts';
import { commandFolder, parseShard, shardFolder } from '../../api/folders.ts';
import { certificationPlanSchema, ciPlan } from '../../check/certify/plan.ts';
import { buildCertificate, CERTIFICATE_FORMAT, certificateForCi, certificateText, type Certificate } from '../../reports/certificate.ts';
import { certify as certifyDesign } from '../../check/certify/certify.ts';
import { canonicalJson, nestedBeyond, READ_NESTING_MAX } from '../../reports/canonical-json.ts';
import { designHash } from '../../reports/design-hash.ts';
import { diffJson } from '../../reports/state-diff.ts';
import { TOOL_VERSION } from '../../reports/version.ts';
import { loadDesignFile, resolveDesigns } from '../design-loader.ts';
import { CliError, EXIT, exitLine, type ExitCode } from '../errors.ts';
import { directoryOption, fileOption, threadsOption } from '../options.ts';
import { installInterruptNote, statusLine } from '../progress.ts';
import { shardNote } from './merge.ts';

export interface CertifyCliOptions {
  readonly design?: string[];
  readonly check?: boolean;
  readonly full?: boolean;
  readonly dir?: string;
  readonly out?: string;
  readonly json?: boolean;
  readonly junit?: string;
  readonly shard?: string;
  readonly threads?: string;
}

export const CERTIFICATE_DIR = join('reports', 'certificates');


async function designFromSource(name: string, source: string, file: string): Promise<Design> {
  if (source === 'built-in') {
    const d = builtInDesign(name);
    if (d === undefined) throw new CliError('SC009', `certificate "${file}" is for the built-in design "${name}", which no longer exists`, 'delete the certificate, or restore the design');
    return d;
  }
  if (!source.startsWith('file:')) throw new CliError('SC009', `certificate "${file}": field design.source is "${source}"`, 'a source is "built-in" or "file:<path>"; re-certify the design');
  const path = source.slice('file:'.length);
  const outside = outsideWorkingDirectory(path);
  if (outside !== null) {
    throw new CliError(
      'SC009',
      `certificate "${file}": field design.source is "${source}", ${outside}; a certificate is data, and --check runs only built-in designs and design files inside the working directory`,
      'run `certify --check` from the directory (the repository) that holds the design file, or move the design file into it and re-certify: npx slotcheck certify --design <its path inside>',
    );
  }
  return loadDesignFile(path);
}

/** Why a design file named by a certificate is not one of the working directory's own files, or null if it is. */
function outsideWorkingDirectory(path: string): string | null {
  if (path === '') return 'which names no file';
  if (isAbsolute(path)) return 'an absolute path';
  const leaves = (from: string, to: string) => {
    const rel = relative(from, to);
    return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
  };
  if (leaves(process.cwd(), resolve(path))) return 'a path that leaves the working directory';
  // A symbolic link inside may point outside: what is run is where the path really leads.
  if (existsSync(path) && leaves(realpathSync(process.cwd()), realpathSync(path))) return 'a path that leads out of the working directory through a symbolic link';
  return null;
}

/** Differences a STALE certificate lists; the rest are counted. */
const STALE_DIFFERENCES_SHOWN = 8;

const never = (what: string, kinds: readonly string[]) => (kinds.length === 0 ? '' : `; never ${what}: ${kinds.join(', ')}`);
const space = (c: Config) => `${c.lparCount}×${c.slotCount}, faults ${c.faultBudget}, writes ${c.writeBudget}`;

function summarize(design: Design, c: Certification): string {
  const lines = [`${design.id} ${design.name}: ${c.verdict.toUpperCase()}`];
  for (const e of c.explored) lines.push(`  exhaustive ${space(e.plan.config)}${e.plan.symmetry ? ', symmetry' : ''}${e.probabilistic === true ? `, PROBABILISTIC (hash compaction, P(a state was missed) ≤ ${e.omissionProbability!.toExponential(1)}, liveness not checked)` : ''}: ${e.states} states, ${e.transitions} transitions${e.boundHit === null ? '' : `, bound hit (${e.boundHit})`}${never('taken', e.neverTaken)}`);
  for (const r of c.randomRuns) lines.push(`  random ${r.plan.config.lparCount}×${r.plan.config.slotCount}, seed ${r.plan.seed}, ${r.plan.runs} runs against the emulator: ${r.commandsExecuted} commands${never('accepted', r.neverAccepted)}`);
  for (const e of c.conformance) {
    lines.push(`  emulator against the model on every transition, ${space(e.plan.config)}: ${e.states} states, ${e.pairs} (state, command) pairs${e.plan.along === 'every-edge' ? `, also from the emulator of every other edge into a state (${e.otherEdges} edges)` : ''}${e.boundHit ? ', bound hit (statesMax)' : ''}`);
    for (const g of e.gaps) lines.push(`    ${g.id}: ${g.why}\n      after ${g.path.length} step(s): ${[...g.path, g.command].map((cmd) => JSON.stringify(cmd)).join(' ')}`);
  }
  for (const m of c.mutation) {
    const survivors = m.mutants.filter((r) => r.status === 'survived' || r.status === 'inconclusive');
    lines.push(`  mutants ${space(m.plan.config)}: mutation score ${m.score.killed}/${m.score.total - m.score.equivalent} = ${m.score.score} (${m.score.total} mutants: ${m.score.killed} killed, ${m.score.equivalent} justified, ${m.score.survived} survived unexplained, ${m.score.inconclusive} inconclusive)`);
    for (const r of survivors) lines.push(`    ${r.status}: ${r.description}`);
  }
  for (const p of c.properties) if (p.verdict !== 'holds' && p.verdict !== 'reached' && p.verdict !== 'not-applicable') lines.push(`  ${p.id} ${p.verdict}: ${p.name}`);
  return lines.join('\n');
}

/** The lines that say what was written for each design: its certificate, or the line that replays each counterexample. */
function writtenLines(summary: CertifySummary, dir: string): string[] {
  return summary.designs.map(({ design, certificate }) => {
    if (certificate !== null) return `${design.name}: certificate written to ${join(dir, `${design.name}.json`)}`;
    const traces = [
      ...summary.methods.exhaustive.filter((e) => e.design.name === design.name).flatMap((e) => e.properties.flatMap((p) => (p.counterexample?.trace == null ? [] : [[p.id, p.counterexample.trace]]))),
      ...summary.methods.random.filter((r) => r.design.name === design.name).flatMap((r) => r.properties.flatMap((p) => (p.counterexample?.trace == null ? [] : [[p.id, p.counterexample.trace]]))),
      ...summary.methods.everyTransition.filter((t) => t.design === design.name).map((t) => [t.property, t.trace]),
    ];
    return [`${design.name}: no certificate written`, ...traces.map(([id, f]) => `  ${id}: npx slotcheck replay ${f}`)].join('\n');
  });
}

/** `slotcheck certify --design X`: write a certificate if every property holds, or the counterexamples. */
async function certifyDesigns(options: CertifyCliOptions): Promise<ExitCode> {
  const dir = directoryOption('dir', options.dir, CERTIFICATE_DIR);
  const out = directoryOption('out', options.out, join('reports', 'out'));
  const designs = await resolveDesigns(options.design);
  const junit = fileOption('junit', options.junit);
  const shard = options.shard === undefined ? undefined : parseShard(options.shard);
  const verdicts: { readonly design: Design; readonly verdict: string }[] = [];
  const status = statusLine(options.json !== true);
  // Certificates, traces and reports are written together once every design is done, or none of
  // them (reports/output-files.ts); what each design wrote is printed after that. After a design's
  // summary, Ctrl-C says that nothing was written (it takes effect between designs).
  const removeInterruptNote = installInterruptNote();
  const summary = await certifyToFolder({
    designs, out, dir, threads: threadsOption(options.threads), ...(junit === undefined ? {} : { junit }), ...(shard === undefined ? {} : { shard }),
    onProgress: (name, what) => status.show(`certifying ${name}: ${what}`),
    onCertification: (design, _given, c) => {
      status.clear();
      if (options.json !== true) process.stdout.write(`${summarize(design, c)}\n`);
      verdicts.push({ design, verdict: c.verdict });
    },
  }).finally(removeInterruptNote);
  const { methods: _methods, ...result } = summary;
  if (options.json === true) process.stdout.write(canonicalJson(result));
  else process.stdout.write(`${[...writtenLines(summary, dir), `reports and traces: ${shardFolder(commandFolder(out, 'certify'), shard)}${shardNote(shard)}`].join('\n')}\n${exitLine(result.exitCode, verdicts)}\n`);
  return result.exitCode;
}

const certificateHead = z.object({
  format: z.literal(CERTIFICATE_FORMAT),
  toolVersion: z.string(),
  design: z.object({ name: z.string(), hash: z.string(), source: z.string() }).passthrough(),
  plan: certificationPlanSchema,
}).passthrough();

/** A committed certificate, read and checked, with the design it names loaded. */
interface CommittedCertificate {
  readonly file: string;
  readonly text: string;
  readonly json: unknown;
  readonly recorded: z.infer<typeof certificateHead>;
  readonly design: Design;
}

/** Read one certificate; SC009 naming the field when it cannot be used (before anything is recomputed). */
async function readCertificate(file: string): Promise<CommittedCertificate> {
  let text: string;
  let json: unknown;
  try {
    text = readFileSync(file, 'utf8');
    json = JSON.parse(text);
  } catch (error) {
    throw new CliError('SC009', `certificate "${file}" is not JSON: ${(error as Error).message}`, 'restore it from version control, or re-certify the design');
  }
  const deep = nestedBeyond(json, READ_NESTING_MAX);
  if (deep !== null) {
    throw new CliError('SC009', `certificate "${file}": field ${deep.slice(0, 6).join('.')}${deep.length > 6 ? '…' : ''}: nests arrays and objects more than ${READ_NESTING_MAX} levels deep; a certificate has no such field`, 'restore it from version control, or re-certify the design');
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (typeof format === 'string' && format.startsWith('slotcheck-certificate/') && format !== CERTIFICATE_FORMAT) {
    throw new CliError('SC009', `certificate "${file}" has format ${format}; this tool writes ${CERTIFICATE_FORMAT}`, `re-certify the design with this tool: npx slotcheck certify --design <name>`);
  }
  const head = certificateHead.safeParse(json);
  if (!head.success) {
    const issue = head.error.issues[0]!;
    const field = issue.path.length === 0 ? '(top level)' : issue.path.map(String).join('.');
    const fix = issue.path[0] === 'plan'
      ? 'a plan asks for no more than the tool\'s own commands may (the message names the limit): restore the certificate from version control, or re-certify the design'
      : 'restore it from version control, or re-certify the design';
    throw new CliError('SC009', `certificate "${file}": field ${field}: ${issue.message}`, fix);
  }
  const recorded = head.data;
  const design = await designFromSource(recorded.design.name, recorded.design.source, file);
  return { file, text, json, recorded, design };
}

/** The committed certificate without its `recheck: full` entries; '' when it lacks their shape (it cannot match then). */
function ciText(json: unknown): string {
  try {
    return certificateText(certificateForCi(json as Certificate));
  } catch {
    return '';
  }
}

/** `slotcheck certify --check`: recompute every committed certificate; fail when one no longer matches. */
async function checkCertificates(options: CertifyCliOptions): Promise<ExitCode> {
  const dir = directoryOption('dir', options.dir, CERTIFICATE_DIR, 'read');
  const names = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];
  if (names.length === 0) throw new CliError('SC009', `there are no certificates in "${dir}"`, 'certify a design first: npx slotcheck certify --design <name>');
  // Every certificate is checked before any is recomputed: a bad one is refused at once, not after minutes of work on the others.
  const certificates: CommittedCertificate[] = [];
  for (const name of names) certificates.push(await readCertificate(join(dir, name)));
  let stale = 0;
  for (const { file, text, json, recorded, design } of certificates) {
    if (designHash(design) !== recorded.design.hash) {
      process.stdout.write(`${file}: STALE — design ${design.name} changed since it was certified (hash ${recorded.design.hash.slice(0, 12)}…, now ${designHash(design).slice(0, 12)}…); re-certify: npx slotcheck certify --design ${recorded.design.source === 'built-in' ? design.name : recorded.design.source.slice(5)}\n`);
      stale += 1;
      continue;
    }
    // Without --full the entries marked `recheck: full` are taken from the certificate: the rest is recomputed and compared.
    const ci = ciPlan(recorded.plan);
    const skipped = options.full === true ? 0 : recorded.plan.explore.length - ci.kept.length;
    const plan = skipped === 0 ? recorded.plan : ci.plan;
    const expected = skipped === 0 ? text : ciText(json);
    const now = certificateText(buildCertificate(design, recorded.design.source, plan, await certifyDesign(design, plan, { threads: threadsOption(options.threads) })));
    if (now === expected) {
      const trusted = skipped === 0 ? '' : `; ${skipped} exploration(s) marked recheck: full taken from the certificate, recomputed by \`certify --check --full\` (npm run certify:full)`;
      process.stdout.write(`${file}: matches (${design.name}, slotcheck ${recorded.toolVersion})${trusted}\n`);
    } else {
      const fresh = JSON.parse(now) as { verdict: string };
      const why = recorded.toolVersion !== TOOL_VERSION ? `it was made by slotcheck ${recorded.toolVersion}; this is ${TOOL_VERSION}` : `the tool's results changed (verdict ${fresh.verdict === (json as { verdict?: unknown }).verdict ? `still ${fresh.verdict}` : `now ${fresh.verdict}`})`;
      const differences = diffJson(skipped === 0 || expected === '' ? json : JSON.parse(expected), fresh);
      const shown = differences.length === 0 ? '\n  (the same JSON, written differently)' : differences.slice(0, STALE_DIFFERENCES_SHOWN).map((d) => `\n  ${d}`).join('');
      const more = differences.length > STALE_DIFFERENCES_SHOWN ? `\n  … and ${differences.length - STALE_DIFFERENCES_SHOWN} more` : '';
      process.stdout.write(`${file}: STALE — recomputing gives a different certificate: ${why}; re-certify, or find out what changed (recorded → recomputed):${shown}${more}\n`);
      stale += 1;
    }
  }
  process.stdout.write(stale === 0 ? `exit code 0: all ${names.length} certificate(s) match their designs and this tool\n` : `exit code 1: ${stale} of ${names.length} certificate(s) are STALE (above: which, and what differs)\n`);
  return stale === 0 ? EXIT.holds : EXIT.failed;
}

export async function certifyCommand(options: CertifyCliOptions): Promise<ExitCode> {
  if (options.check && options.junit !== undefined) throw new CliError('SC001', '--check writes nothing; it takes no --junit', 'give --junit to `certify --design <name>`');
  if (options.check && options.json) throw new CliError('SC001', '--check prints which certificates match; it takes no --json', 'run `certify --check` for the check, or `certify --design <name> --json` for a certification as JSON');
  if (options.check && options.design !== undefined) throw new CliError('SC001', '--check recomputes every committed certificate and takes no --design', 'run either `certify --design <name>` or `certify --check`');
  if (options.check && options.shard !== undefined) throw new CliError('SC001', '--check recomputes every committed certificate; it takes no --shard', 'give --shard to `certify --design <name>` (or to `certify` for every built-in design)');
  if (options.full === true && !options.check) throw new CliError('SC001', '--full goes with --check (it recomputes every entry of each committed certificate\'s plan)', 'run `certify --check --full`, or leave --full out');
  if (options.check && options.out !== undefined) throw new CliError('SC001', '--check writes nothing; it takes no --out', 'leave --out out of `certify --check`; give it to `certify --design <name>`, where it says where counterexample traces go');
  return options.check ? checkCertificates(options) : certifyDesigns(options);
}
