import type { ExploreSummary } from '../reports/explore-summary.ts';
import type { DesignRunSummary } from '../reports/run-summary.ts';
import type { ExitCode } from './errors.ts';

// What the checkers return: exactly what their commands print with --json.

/** What `slotcheck run --json` prints. */
export interface RunResult {
  readonly tool: 'slotcheck';
  readonly toolVersion: string;
  readonly command: 'run';
  readonly exitCode: ExitCode;
  readonly designs: readonly DesignRunSummary[];
}

/** What `slotcheck explore --json` prints. */
export interface ExploreResult {
  readonly tool: 'slotcheck';
  readonly toolVersion: string;
  readonly command: 'explore';
  readonly exitCode: ExitCode;
  readonly designs: readonly ExploreSummary[];
}
