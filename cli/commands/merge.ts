import { join } from 'node:path';
import type { Shard } from '../../check/shard.ts';
import { canonicalJson } from '../../reports/canonical-json.ts';
import type { CertifyResult } from '../../api/certify.ts';
import { merge } from '../../api/merge.ts';
import type { MutateApiResult } from '../../api/mutate.ts';
import type { RunResult } from '../../api/results.ts';
import type { SweepApiResult } from '../../api/sweep.ts';
import { exitLine, type ExitCode } from '../errors.ts';
import { directoryOption, fileOption } from '../options.ts';

export interface MergeCliOptions {
  readonly out?: string;
  readonly dir?: string;
  readonly junit?: string;
  readonly json?: boolean;
}

/** What a shard's run says after where it wrote: that it is a share, and how to make the whole. */
export function shardNote(shard: Shard | undefined): string {
  return shard === undefined ? '' : ` (shard ${shard.index} of ${shard.count}: \`npx slotcheck merge\` the ${shard.count} shard folders makes the whole run)`;
}

/** The closing line, as the command unsharded would say it. */
function closingLine(command: string, result: RunResult | SweepApiResult | MutateApiResult | CertifyResult): string {
  if (command === 'run' || command === 'certify') return exitLine(result.exitCode, (result as RunResult | CertifyResult).designs.map((d) => ({ design: d.design, verdict: d.verdict })));
  if (command === 'mutate') {
    const s = (result as MutateApiResult).score;
    return `exit code ${result.exitCode}: mutation score ${s.score} (${s.killed} killed, ${s.survived} survived unexplained, ${s.equivalent} equivalent, ${s.inconclusive} inconclusive)`;
  }
  const rows = (result as SweepApiResult).rows;
  const failing = rows.filter((r) => r.verdict === 'counterexample').length;
  return `exit code ${result.exitCode}: ${result.exitCode === 0 ? 'every ordering explored to the end' : 'a bound stopped an ordering before the end (the table marks it)'}; ${failing} of ${rows.length} ordering(s) break a property`;
}

/** `slotcheck merge DIR…`: the shards' folders made into the folder, reports and exit code of the whole run. */
export async function mergeCommand(dirs: readonly string[], options: MergeCliOptions): Promise<ExitCode> {
  const out = directoryOption('out', options.out, join('reports', 'out'));
  const dir = directoryOption('dir', options.dir, join('reports', 'certificates'));
  const junit = fileOption('junit', options.junit);
  const merged = merge(dirs, { out, dir, ...(junit === undefined ? {} : { junit }) });
  if (options.json) process.stdout.write(canonicalJson(merged.result));
  else process.stdout.write(`${merged.shards} shard(s) of ${merged.command} merged into ${merged.folder}: summary, traces, report.html and report.md as one unsharded run writes them${merged.command === 'certify' ? `; certificates in ${dir}` : ''}\n${closingLine(merged.command, merged.result)}\n`);
  return merged.exitCode;
}
