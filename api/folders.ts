import { join } from 'node:path';
import type { Config } from '../model/index.ts';
import type { Shard } from '../check/shard.ts';
import { configTag } from '../reports/write-traces.ts';
import { wholeIn } from './designs.ts';
import { SlotcheckError } from './errors.ts';

// Where each command writes under --out (`out` in the library): a folder of its own, which it
// replaces whole (summary, traces, reports), so that what lies in it is one run's result. A shard
// of a command (`--shard i/N`) writes a folder of its own inside that one; `slotcheck merge`
// writes the command's folder from the shards' folders.
//
//   <out>/run/                      run-summary.json, traces/, report.html, report.md
//   <out>/explore/                  explore-summary.json, traces/, report.html, report.md
//   <out>/certify/                  certify-summary.json, traces/, report.html, report.md
//   <out>/sweep/<base>-<config>/    sweep.json, sweep.md, traces/, report.html, report.md
//   <out>/mutate/<base>-<config>/   mutate-summary.json, kill-matrix.md, traces/, report.html, report.md
//   <command folder>/shard-2-of-3/  the same files, for the shard's share of the jobs

export type CommandName = 'run' | 'explore' | 'certify' | 'sweep' | 'mutate';

/** The folder of `run`, `explore` or `certify` under `out`. */
export function commandFolder(out: string, command: 'run' | 'explore' | 'certify'): string {
  return join(out, command);
}

/** The folder of a sweep: one per base design and configuration, so a sweep at another bound keeps this one's. */
export function sweepFolder(out: string, baseName: string, config: Config): string {
  return join(out, 'sweep', `${baseName}-${configTag(config)}`);
}

/** The folder of a mutate run: one per base design and configuration. */
export function mutateFolder(out: string, baseName: string, config: Config): string {
  return join(out, 'mutate', `${baseName}-${configTag(config)}`);
}

/** Where a shard writes inside its command's folder (the folder itself without a shard). */
export function shardFolder(folder: string, shard: Shard | undefined): string {
  return shard === undefined ? folder : join(folder, `shard-${shard.index}-of-${shard.count}`);
}

/** What a shard's summary records so that `slotcheck merge` can check the shards make one whole run. */
export interface ShardRecord {
  readonly index: number;
  readonly count: number;
  /** Every job of the whole run, in canonical order (the shard ran those k with k mod count = index − 1). */
  readonly jobs: readonly string[];
  /** What decides the results besides the jobs (configuration, bounds, seeds, design hashes): equal in every shard. */
  readonly parameters: unknown;
  /** The shard's folder as its paths were written (they are rewritten to the merged folder's). */
  readonly folder: string;
}

/** The record a shard's summary carries (none without a shard). */
export function shardRecord(shard: Shard | undefined, folder: string, jobs: readonly string[], parameters: unknown): ShardRecord | undefined {
  return shard === undefined ? undefined : { ...shard, folder, jobs, parameters };
}

export const SHARDS_MAX = 10_000;

/** `--shard i/N` (1-based: shard 1 of 3 is `1/3`); SC002 naming what is wrong otherwise. */
export function parseShard(raw: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(raw);
  const fix = `give --shard as i/N with 1 ≤ i ≤ N ≤ ${SHARDS_MAX.toLocaleString('en-US')}, e.g. --shard 1/3 (1-based: shards 1/3, 2/3 and 3/3 make the whole run)`;
  if (match === null) throw new SlotcheckError('SC002', `--shard is "${raw}", not i/N`, fix);
  const [index, count] = [Number(match[1]), Number(match[2])];
  if (count < 1 || count > SHARDS_MAX || index < 1 || index > count) throw new SlotcheckError('SC002', `--shard is "${raw}": shard ${index} of ${count} does not exist`, fix);
  return { index, count };
}

/** A shard from the library's options, checked (undefined: the whole run). */
export function checkShard(shard: Shard | undefined): Shard | undefined {
  if (shard === undefined) return undefined;
  const count = wholeIn('shard.count', shard.count, 1, SHARDS_MAX);
  return { index: wholeIn('shard.index', shard.index, 1, count), count };
}
