import type { Config, Design, ScriptStep } from '../../model/index.ts';
import type { ExploreReport } from '../explore/report.ts';

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
