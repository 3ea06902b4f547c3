// Runs SPIN on bench/promela/slotcheck.pml (DSN-01, or DSN-02 with -DDSN02) and the packed
// explorer on the same bounds; shared by bench/spin.ts (the side-by-side report) and
// bench/spin.test.ts (the agreement check where SPIN is installed).
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtInDesign, type Config } from '../model/index.ts';
import { exploreWith, type ExploreReport } from '../check/explore/index.ts';
import { PackedSystem } from '../check/explore/packed/system.ts';
import { ParallelPackedSystem } from '../check/explore/packed/parallel-system.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const PROMELA_MODEL = path.join(HERE, 'promela', 'slotcheck.pml');
const OUT = path.join(HERE, 'out', 'spin');
export const CHECKED: readonly string[] = ['INV-01', 'INV-03', 'INV-04', 'INV-06', 'INV-07'];
export const CONFIG = { lparCount: 2, slotCount: 1, faultBudget: 2, writeBudget: 2 } as const;
export const DESIGNS = [
  { name: 'patent-lpar-a', defines: [] as string[] },
  { name: 'patent-lpar-b', defines: ['-DDSN02'] },
] as const;

/** The explorer on the packed system, checking the invariants the Promela model checks. */
export function exploreChecked(name: string, config: Config = CONFIG, searchThreads = 1): ExploreReport {
  const design = builtInDesign(name)!;
  const bounds = { depthMax: 10_000, statesMax: 10_000_000, timeLimitMs: 600_000, only: CHECKED };
  if (searchThreads === 1) return exploreWith(new PackedSystem(design, config), bounds);
  // One search on several threads (explore --search-threads): the same report; the pool of workers outlives the search.
  const system = new ParallelPackedSystem(design, config, { symmetry: false, threads: searchThreads });
  try {
    return exploreWith(system, bounds);
  } finally {
    system.close();
  }
}

/** The invariants the explorer found a counterexample for. */
export function violatedIn(report: ExploreReport): string[] {
  return report.properties.filter((p) => p.verdict === 'counterexample').map((p) => p.id).sort();
}

export function onPath(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status === 0;
}

function timed(tool: string, args: readonly string[], cwd: string): { seconds: number; output: string } {
  const start = process.hrtime.bigint();
  const output = execFileSync(tool, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, output };
}

export interface PanReport {
  readonly states: number;
  readonly transitions: number;
  readonly depth: number;
  readonly errors: number;
  readonly violated: readonly string[];
  readonly truncated: boolean;
  /** pan's own search time (its "elapsed time"), without process start, in seconds. */
  readonly elapsedSeconds: number;
}

export function parsePan(output: string): PanReport {
  const number = (re: RegExp) => Number(re.exec(output)?.[1] ?? NaN);
  const violated = new Set<string>();
  for (const m of output.matchAll(/assertion violated \(*INV_(\d\d)/g)) violated.add(`INV-${m[1]}`);
  return {
    states: number(/(\d+) states, stored/),
    transitions: number(/(\d+) transitions \(= stored\+matched\)/),
    depth: number(/depth reached (\d+)/),
    errors: number(/errors: (\d+)/),
    violated: [...violated].sort(),
    truncated: /max search depth too small/.test(output),
    elapsedSeconds: number(/pan: elapsed time ([\d.e+-]+) seconds/),
  };
}

/** SPIN on the Promela model: spin -a and cc once, then pan `searchRuns` times; `search` is the median pan wall time, `report` the last run's. */
export function runSpin(name: string, defines: readonly string[], outDir = OUT, searchRuns = 1) {
  const dir = path.join(outDir, name);
  mkdirSync(dir, { recursive: true });
  copyFileSync(PROMELA_MODEL, path.join(dir, 'slotcheck.pml'));
  const generate = timed('spin', ['-o2', ...defines, '-a', 'slotcheck.pml'], dir);
  const compile = timed('cc', ['-O2', '-DSAFETY', '-o', 'pan', 'pan.c'], dir);
  // -c0: do not stop at the first assertion violation, so the search covers the whole space and
  // reports every invariant broken; -m: a DFS stack deep enough for the whole space.
  const searches = Array.from({ length: searchRuns }, () => timed('./pan', ['-c0', '-n', '-m1000000'], dir));
  const report = parsePan(searches.at(-1)!.output);
  return {
    generate: generate.seconds, compile: compile.seconds, search: median(searches.map((s) => s.seconds)),
    elapsed: median(searches.map((s) => parsePan(s.output).elapsedSeconds)), report,
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
