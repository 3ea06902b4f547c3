import type { Config, Design, ScriptStep } from '../../model/index.ts';
import type { ExploreReport } from '../explore/report.ts';

export interface SweepRow {
  /** 1-based place of the ordering among all the orderings (the same in a shard as in the whole sweep). */
  readonly index: number;
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
  /** Rows explored: the first `limit` orderings, or a shard's share of them. */
  readonly explored: number;
  readonly properties: readonly string[];
  readonly rows: readonly SweepRow[];
}

/** An ordering as a reader sees it: `deact → await-fenced → rem_pci → …`. */
export function orderingLabel(script: readonly ScriptStep[]): string {
  return script.join(' → ');
}
