import type { Config, Design, ScriptStep } from '../../model/index.ts';
import { INVARIANTS, LIVENESS } from '../catalogue.ts';
import { explore, type ExploreReport } from '../explore/index.ts';
import { orderingLabel, scriptOrderings } from './orderings.ts';

export interface SweepOptions {
  readonly base: Design;
  readonly config: Config;
  readonly statesMax: number;
  readonly depthMax: number;
  /** Explore only the first N orderings (the report says so). */
  readonly limit?: number;
  readonly onOrdering?: (done: number, total: number) => void;
}

export interface SweepRow {
  readonly script: readonly ScriptStep[];
  readonly label: string;
  /** The base design's own ordering. */
  readonly isBase: boolean;
  readonly design: Design;
  readonly report: ExploreReport;
}

export interface Sweep {
  readonly base: Design;
  readonly config: Config;
  readonly orderings: number;
  readonly explored: number;
  readonly properties: readonly string[];
  readonly rows: readonly SweepRow[];
}

/** The property ids a sweep tabulates: every invariant and liveness property. */
export const SWEEP_PROPERTIES = [...INVARIANTS, ...LIVENESS].map((p) => p.id);

/** The base design with another script: a design of its own, named after the ordering. */
export function withScript(base: Design, script: readonly ScriptStep[]): Design {
  return { ...base, name: `${base.name}--${script.join('-')}`, title: `${base.title}, script ${orderingLabel(script)}`, failoverScript: script };
}

/** Explore the base design once per ordering of its fail-over script. */
export function sweep(options: SweepOptions): Sweep {
  const all = scriptOrderings(options.base.failoverScript);
  const chosen = options.limit === undefined ? all : all.slice(0, options.limit);
  const baseLabel = orderingLabel(options.base.failoverScript);
  const rows = chosen.map((script, i) => {
    options.onOrdering?.(i, chosen.length);
    const design = withScript(options.base, script);
    const report = explore({ design, config: options.config, symmetry: false, engine: 'packed', statesMax: options.statesMax, depthMax: options.depthMax, timeLimitMs: 3_600_000, only: SWEEP_PROPERTIES });
    return { script, label: orderingLabel(script), isBase: orderingLabel(script) === baseLabel, design, report };
  });
  return { base: options.base, config: options.config, orderings: all.length, explored: rows.length, properties: SWEEP_PROPERTIES, rows };
}
