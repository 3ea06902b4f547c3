import type { Config, Design, ScriptStep } from '../../model/index.ts';
import { INVARIANTS, LIVENESS } from '../../properties/catalogue.ts';
import { exploreMany, type ExploreReport } from '../explore/index.ts';
import { shareOf, type Shard } from '../shard.ts';
import { orderingLabel, scriptOrderings } from './orderings.ts';
import type { Sweep, SweepRow } from './sweep-report.ts';

export type { Sweep, SweepRow };

export interface SweepOptions {
  readonly base: Design;
  readonly config: Config;
  readonly statesMax: number;
  readonly depthMax: number;
  /** Explore only the first N orderings (the report says so). */
  readonly limit?: number;
  readonly onOrdering?: (done: number, total: number) => void;
  /** Threads exploring orderings side by side, this one included (default 1). */
  readonly threads?: number;
  /** Explore only this shard's share of the (first `limit`) orderings: ordering k goes to shard k mod count + 1. */
  readonly shard?: Shard;
}

/** The property ids a sweep tabulates: every invariant and liveness property. */
export const SWEEP_PROPERTIES = [...INVARIANTS, ...LIVENESS].map((p) => p.id);

/** The base design with another script: a design of its own, named after the ordering. */
export function withScript(base: Design, script: readonly ScriptStep[]): Design {
  return { ...base, name: `${base.name}--${script.join('-')}`, title: `${base.title}, script ${orderingLabel(script)}`, failoverScript: script };
}

/** The orderings a sweep explores, in canonical order: every ordering of the base script, or the first `limit`. */
export function sweepOrderings(base: Design, limit: number | undefined): ScriptStep[][] {
  const all = scriptOrderings(base.failoverScript);
  return limit === undefined ? all : all.slice(0, limit);
}

/**
 * Explore the base design once per ordering of its fail-over script, on `threads` threads
 * (explore-many.ts; default 1). The rows are the same whatever the threads.
 */
export async function sweep(options: SweepOptions): Promise<Sweep> {
  const all = scriptOrderings(options.base.failoverScript);
  const chosen = shareOf(sweepOrderings(options.base, options.limit), options.shard);
  const baseLabel = orderingLabel(options.base.failoverScript);
  const designs = chosen.map(({ job: script }) => withScript(options.base, script));
  const reports = exploreMany(designs.map((design) => ({
    design, config: options.config, symmetry: false, engine: 'packed', statesMax: options.statesMax, depthMax: options.depthMax, timeLimitMs: 3_600_000, only: SWEEP_PROPERTIES,
  })), options.threads ?? 1);
  const rows: SweepRow[] = [];
  for (const [i, { job: script, k }] of chosen.entries()) {
    options.onOrdering?.(i, chosen.length);
    rows.push({ index: k + 1, script, label: orderingLabel(script), isBase: orderingLabel(script) === baseLabel, design: designs[i]!, report: await reports[i]! });
  }
  return { base: options.base, config: options.config, orderings: all.length, explored: rows.length, properties: SWEEP_PROPERTIES, rows };
}
