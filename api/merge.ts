import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../model/index.ts';
import { committedJustifications } from '../check/mutate/equivalents.ts';
import { staleJustifications } from '../check/mutate/mutate.ts';
import type { MutantRow } from '../check/mutate/mutate-report.ts';
import { mutateJunitReport } from '../reports/junit.ts';
import { OutputFiles } from '../reports/output-files.ts';
import type { DesignRunSummary } from '../reports/run-summary.ts';
import { sweepExitCode, type SweepRowSummary, type SweepSummary } from '../reports/sweep-summary.ts';
import { addCertifyFolder, type CertifySummary } from './certify-folder.ts';
import { certifyResult, type CertifyResult } from './certify.ts';
import { SlotcheckError } from './errors.ts';
import { commandFolder, mutateFolder, sweepFolder } from './folders.ts';
import { addMutateFolder, mutateResult, type MutateApiResult } from './mutate.ts';
import { addJunit } from './reports.ts';
import { addRunFolder, runResult, type RunResult } from './run.ts';
import { readShards, relocated, tracesNamed, type ShardedCommand, type ShardFolder } from './shard-folders.ts';
import { addSweepFolder, type SweepApiResult } from './sweep.ts';

// `slotcheck merge DIR…`: the shards of one run (`--shard i/N` on N machines) made into the folder,
// the summary, the traces, report.html and report.md, the JUnit XML and the exit code that the run
// unsharded gives, byte for byte: each shard's summary is moved to the merged folder (its paths
// rewritten), its jobs' results put back in the canonical job order, what depends on all of them
// (exit code, mutation score, stale justifications) computed again, and the folder written by the
// same code as the unsharded command's.

export interface MergeApiOptions {
  /** As the command's --out: the merged folder is `<out>/run/`, `<out>/sweep/<design>-<bound>/`, … (default reports/out). */
  readonly out?: string;
  /** certify: where the certificates go (default reports/certificates). */
  readonly dir?: string;
  /** Also write JUnit XML (run, certify, mutate), as the command's --junit. */
  readonly junit?: string;
}

export interface MergeResult {
  readonly command: ShardedCommand;
  readonly shards: number;
  /** The merged folder. */
  readonly folder: string;
  readonly exitCode: RunResult['exitCode'];
  /** What the command unsharded returns (prints with --json). */
  readonly result: RunResult | SweepApiResult | MutateApiResult | CertifyResult;
}

/** Each job's result, from whichever shard ran it, in the canonical job order. */
function inJobOrder<T>(shards: readonly ShardFolder[], key: (item: T) => string, items: (s: ShardFolder) => readonly T[]): T[] {
  const byKey = new Map<string, T>();
  for (const s of shards) {
    const expected = s.shard.jobs.filter((_, k) => k % s.shard.count === s.shard.index - 1);
    const held = items(s).map(key);
    if (held.join('\n') !== expected.join('\n')) throw new SlotcheckError('SC011', `"${s.dir}" holds ${held.join(', ') || 'no job'}; shard ${s.shard.index} of ${s.shard.count} of this run is ${expected.join(', ') || 'no job'}`, 'rerun that shard; a shard folder is not to be edited');
    for (const item of items(s)) byKey.set(key(item), item);
  }
  return shards[0]!.shard.jobs.map((job) => byKey.get(job)!);
}

/** Merge the shard folders in `dirs` (each a shard's folder, or a folder holding them). */
export function merge(dirs: readonly string[], options: MergeApiOptions = {}): MergeResult {
  const out = options.out ?? join('reports', 'out');
  const found = readShards(dirs);
  const first = found[0]!;
  const target = targetFolder(first, out);
  // Each summary as if its shard had written into the merged folder.
  const shards = found.map((s) => ({ ...s, summary: relocated(s.summary, s.shard.folder, target) }));
  const files = new OutputFiles();
  for (const s of shards) {
    for (const trace of tracesNamed(s.summary, target)) {
      const from = join(s.dir, trace.slice(target.length + 1));
      let text: string;
      try {
        text = readFileSync(from, 'utf8');
      } catch {
        throw new SlotcheckError('SC004', `"${s.dir}" lacks ${trace.slice(target.length + 1)}, which its summary lists`, 'copy the shard\'s whole folder (traces/ included), or rerun that shard');
      }
      files.add(trace, text);
    }
  }
  if (options.junit !== undefined && first.command === 'sweep') throw new SlotcheckError('SC002', 'merge --junit: sweep writes no JUnit XML', 'leave out --junit when merging sweep shards');
  const result = mergedResult(shards, target, files, options);
  files.commit();
  return { command: first.command, shards: shards.length, folder: target, exitCode: result.exitCode, result };
}

function targetFolder(s: ShardFolder, out: string): string {
  const summary = s.summary as { base?: { name: string }; config?: Config; design?: { name: string }; bound?: { config: Config } };
  switch (s.command) {
    case 'run': return commandFolder(out, 'run');
    case 'certify': return commandFolder(out, 'certify');
    case 'sweep': return sweepFolder(out, summary.base!.name, summary.config!);
    case 'mutate': return mutateFolder(out, summary.design!.name, summary.bound!.config);
  }
}

/** The merged result, with its summary and reports added to `files` as the unsharded command adds them. */
function mergedResult(shards: readonly ShardFolder[], target: string, files: OutputFiles, options: MergeApiOptions): MergeResult['result'] {
  const first = shards[0]!.summary;
  switch (shards[0]!.command) {
    case 'run': {
      const result = runResult(inJobOrder<DesignRunSummary>(shards, (d) => d.design.name, (s) => (s.summary as unknown as RunResult).designs));
      addRunFolder(files, target, result);
      if (options.junit !== undefined) addJunit(files, options.junit, { run: result });
      return result;
    }
    case 'sweep': {
      const rows = inJobOrder<SweepRowSummary>(shards, (r) => r.script.join(' → '), (s) => (s.summary as unknown as SweepSummary).rows);
      const summary: SweepSummary = { ...(first as unknown as SweepSummary), explored: rows.length, rows };
      addSweepFolder(files, target, summary);
      return { ...summary, exitCode: sweepExitCode(summary) };
    }
    case 'mutate': {
      const answer = first as unknown as MutateApiResult;
      const mutants = inJobOrder<MutantRow>(shards, (m) => m.id, (s) => (s.summary as unknown as MutateApiResult).mutants);
      const stale = staleJustifications(mutants, committedJustifications(answer.design.name, answer.bound.config));
      const result = mutateResult({ ...answer, mutants, stale }, target);
      addMutateFolder(files, target, result);
      if (options.junit !== undefined) files.add(options.junit, mutateJunitReport(result));
      return result;
    }
    case 'certify': {
      const designs = inJobOrder<CertifyResult['designs'][number]>(shards, (d) => d.design.name, (s) => (s.summary as unknown as CertifyResult).designs);
      const ofDesigns = <T>(pick: (m: CertifySummary['methods']) => readonly T[], designOf: (item: T) => string): T[] => designs.flatMap(({ design }) =>
        shards.flatMap((s) => pick((s.summary as unknown as CertifySummary).methods).filter((item) => designOf(item) === design.name)));
      const summary: CertifySummary = {
        ...certifyResult(designs),
        methods: {
          random: ofDesigns((m) => m.random, (r) => r.design.name),
          exhaustive: ofDesigns((m) => m.exhaustive, (e) => e.design.name),
          everyTransition: ofDesigns((m) => m.everyTransition, (t) => t.design),
        },
      };
      addCertifyFolder(files, target, options.dir ?? join('reports', 'certificates'), summary, options.junit);
      const { methods: _methods, ...result } = summary;
      return result;
    }
  }
}
