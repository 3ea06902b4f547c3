import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { z } from 'zod';
import { canonicalJson, nestedBeyond, READ_NESTING_MAX } from '../reports/canonical-json.ts';
import { TOOL_VERSION } from '../reports/version.ts';
import { SlotcheckError } from './errors.ts';
import type { ShardRecord } from './folders.ts';

// Reading the folders `--shard i/N` wrote, for `slotcheck merge`: each found by its summary file,
// checked to be a shard, and checked against the others to make one whole run: the same command,
// tool version, job list and parameters, every shard 1…N exactly once.

/** The summary file each shardable command writes. */
export const SUMMARY_FILES = { 'run-summary.json': 'run', 'sweep.json': 'sweep', 'mutate-summary.json': 'mutate', 'certify-summary.json': 'certify' } as const;
export type ShardedCommand = (typeof SUMMARY_FILES)[keyof typeof SUMMARY_FILES];

/** How deep below a given folder shard folders are looked for (an artifact download nests them). */
const SEARCH_DEPTH = 8;

export interface ShardFolder {
  /** Where it is now (paths inside its summary name where it was written: `shard.folder`). */
  readonly dir: string;
  readonly command: ShardedCommand;
  readonly shard: ShardRecord;
  /** The summary without its shard record. */
  readonly summary: Record<string, unknown>;
}

const shardSchema = z.object({
  index: z.number().int().min(1), count: z.number().int().min(1), jobs: z.array(z.string()), parameters: z.unknown(), folder: z.string().min(1),
}).strict();

const fix = 'give the folders `--shard i/N` wrote (reports/out/<command>/shard-i-of-N/, or folders holding them), all N of one run';

function readShard(dir: string, file: keyof typeof SUMMARY_FILES): ShardFolder | null {
  const path = join(dir, file);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new SlotcheckError('SC004', `"${path}" cannot be read as JSON: ${(error as Error).message}`, 'rerun the shard that wrote it');
  }
  if (nestedBeyond(json, READ_NESTING_MAX) !== null || json === null || typeof json !== 'object') throw new SlotcheckError('SC011', `"${path}" is not a summary slotcheck wrote`, fix);
  const { shard, ...summary } = json as Record<string, unknown>;
  if (shard === undefined) return null;
  const parsed = shardSchema.safeParse(shard);
  if (!parsed.success) throw new SlotcheckError('SC011', `"${path}": field shard.${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`, fix);
  if (summary.command !== SUMMARY_FILES[file]) throw new SlotcheckError('SC011', `"${path}": its command is ${String(summary.command)}, not ${SUMMARY_FILES[file]}`, fix);
  return { dir, command: SUMMARY_FILES[file], shard: parsed.data as ShardRecord, summary };
}

/** Every shard folder at or below `dir` (a whole run's folder given directly is refused: it is no shard). */
function shardsBelow(dir: string, depth: number, given: boolean): ShardFolder[] {
  const found: ShardFolder[] = [];
  for (const file of Object.keys(SUMMARY_FILES) as (keyof typeof SUMMARY_FILES)[]) {
    if (!statSync(join(dir, file), { throwIfNoEntry: false })?.isFile()) continue;
    const shard = readShard(dir, file);
    if (shard !== null) found.push(shard);
    else if (given) throw new SlotcheckError('SC011', `"${dir}" holds a whole ${SUMMARY_FILES[file]} (${file} without a shard record), not a shard`, fix);
  }
  if (found.length > 0 || depth === 0) return found;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) found.push(...shardsBelow(join(dir, entry.name), depth - 1, false));
  }
  return found;
}

/** The shards in the given folders, checked to make one whole run, in shard order. */
export function readShards(dirs: readonly string[]): ShardFolder[] {
  if (dirs.length === 0) throw new SlotcheckError('SC001', 'merge needs the shard folders', fix);
  const shards: ShardFolder[] = [];
  for (const dir of dirs) {
    if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new SlotcheckError('SC004', `"${dir}" is not a folder`, fix);
    const below = shardsBelow(dir, SEARCH_DEPTH, true);
    if (below.length === 0) throw new SlotcheckError('SC011', `"${dir}" holds no shard folder (no summary with a shard record)`, fix);
    shards.push(...below);
  }
  const [first] = shards as [ShardFolder];
  const where = (s: ShardFolder) => `"${s.dir}" (shard ${s.shard.index} of ${s.shard.count})`;
  for (const s of shards) {
    if (s.summary.toolVersion !== TOOL_VERSION) throw new SlotcheckError('SC011', `${where(s)} was written by slotcheck ${String(s.summary.toolVersion)}; this is ${TOOL_VERSION}`, 'merge with the version that wrote the shards, or rerun them with this one');
    if (s.command !== first.command) throw new SlotcheckError('SC011', `${where(s)} is a shard of ${s.command}, ${where(first)} of ${first.command}`, fix);
    if (s.shard.count !== first.shard.count) throw new SlotcheckError('SC011', `${where(s)} and ${where(first)} split the run in different numbers of shards`, fix);
    if (canonicalJson(s.shard.jobs) !== canonicalJson(first.shard.jobs) || canonicalJson(s.shard.parameters) !== canonicalJson(first.shard.parameters)) {
      throw new SlotcheckError('SC011', `${where(s)} and ${where(first)} are shards of different runs (other jobs, configuration, bounds, seeds or designs)`, 'merge the shards of one command line, run with the same options and designs on every machine');
    }
  }
  const byIndex = new Map<number, ShardFolder>();
  for (const s of shards) {
    const twice = byIndex.get(s.shard.index);
    if (twice !== undefined) throw new SlotcheckError('SC011', `shard ${s.shard.index} of ${s.shard.count} is given twice: "${twice.dir}" and "${s.dir}"`, 'give each shard folder once');
    byIndex.set(s.shard.index, s);
  }
  const missing = Array.from({ length: first.shard.count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) throw new SlotcheckError('SC011', `shard(s) ${missing.map((i) => `${i}/${first.shard.count}`).join(', ')} missing: only ${[...byIndex.keys()].sort((a, b) => a - b).map((i) => `${i}/${first.shard.count}`).join(', ')} given`, `run the missing shard(s) (--shard ${missing[0]}/${first.shard.count} …) and give every shard folder`);
  return [...byIndex.values()].sort((a, b) => a.shard.index - b.shard.index);
}

/** `value` with every path under the folder a shard wrote into (`from`) rewritten to `to`. */
export function relocated<T>(value: T, from: string, to: string): T {
  const move = (v: unknown): unknown => {
    if (typeof v === 'string') return v === from ? to : v.split(`${from}${sep}`).join(`${to}${sep}`);
    if (Array.isArray(v)) return v.map(move);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, move(x)]));
    return v;
  };
  return move(value) as T;
}

/** The trace files a relocated summary names (every string that is a path under `folder`/traces/). */
export function tracesNamed(value: unknown, folder: string): string[] {
  const prefix = join(folder, 'traces') + sep;
  const found = new Set<string>();
  const visit = (v: unknown): void => {
    if (typeof v === 'string' && v.startsWith(prefix) && v.endsWith('.itf.json')) found.add(v);
    else if (Array.isArray(v)) v.forEach(visit);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(visit);
  };
  visit(value);
  return [...found].sort();
}
