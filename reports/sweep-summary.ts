import type { Config, ScriptStep } from '../model/index.ts';
import type { Sweep, SweepRow } from '../check/sweep/sweep-report.ts';
import { designHash } from './design-hash.ts';
import { TOOL_VERSION } from './version.ts';

// What `slotcheck sweep` writes as sweep.json (and prints with --json, with its exit code): per
// ordering its verdicts and failures, no states and no timing. sweep.md and report.html are
// rendered from it alone, so that `slotcheck merge` can write them again from shards' summaries.

export interface SweepFailure {
  readonly id: string;
  readonly steps: number;
  readonly why: string;
  /** The trace file written for it (null when nothing was written). */
  readonly trace: string | null;
}

export interface SweepRowSummary {
  /** 1-based place among all the orderings. */
  readonly index: number;
  readonly script: readonly ScriptStep[];
  /** The base design's own ordering. */
  readonly base: boolean;
  readonly verdict: string;
  readonly states: number;
  readonly transitions: number;
  /** The bound that stopped the exploration, or null. */
  readonly boundHit: string | null;
  /** Property id → verdict. */
  readonly properties: Readonly<Record<string, string>>;
  readonly failures: readonly SweepFailure[];
}

export interface SweepSummary {
  readonly tool: 'slotcheck';
  readonly toolVersion: string;
  readonly command: 'sweep';
  readonly base: { readonly name: string; readonly id: string; readonly hash: string };
  readonly config: Config;
  /** Orderings of the base script. */
  readonly orderings: number;
  /** Rows explored (all orderings, the first --limit, or a shard's share). */
  readonly explored: number;
  /** The properties tabulated (every invariant and liveness property). */
  readonly properties: readonly string[];
  readonly rows: readonly SweepRowSummary[];
}

/** One ordering's row, with the trace file of each failure (property id → path). */
export function sweepRowSummary(row: SweepRow, traces: ReadonlyMap<string, string>): SweepRowSummary {
  const r = row.report;
  return {
    index: row.index, script: row.script, base: row.isBase, verdict: r.verdict, states: r.states, transitions: r.transitions,
    boundHit: r.boundHit === null ? null : r.boundHit.bound,
    properties: Object.fromEntries(r.properties.map((p) => [p.id, p.verdict])),
    failures: r.properties.flatMap((p) => {
      const cx = p.counterexample;
      return cx === null ? [] : [{ id: p.id, steps: cx.steps.length, why: cx.why, trace: traces.get(p.id) ?? null }];
    }),
  };
}

/** The summary of a sweep's rows (in ordering order). */
export function sweepSummary(sweep: Pick<Sweep, 'base' | 'config' | 'orderings' | 'properties'>, rows: readonly SweepRowSummary[]): SweepSummary {
  return {
    tool: 'slotcheck', toolVersion: TOOL_VERSION, command: 'sweep',
    base: { name: sweep.base.name, id: sweep.base.id, hash: designHash(sweep.base) }, config: sweep.config, orderings: sweep.orderings, explored: rows.length, properties: sweep.properties, rows,
  };
}

/** 3 when a bound stopped an ordering, else 0: a failing ordering is a result of the sweep, not its failure. */
export function sweepExitCode(summary: Pick<SweepSummary, 'rows'>): 0 | 3 {
  return summary.rows.some((r) => r.verdict === 'inconclusive') ? 3 : 0;
}
