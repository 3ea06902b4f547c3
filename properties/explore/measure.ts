// Throughput of the explorer on fixed configurations, sequential and with worker threads.
// Measurement only (wall-clock time is read here, never in what the explorer returns):
//   npx tsx properties/explore/measure.ts [workers=2] [design ...]
import { builtInDesign, type Config } from '../../model/index.ts';
import { explore } from './explore.ts';
import { exploreInParallel } from './explore-parallel.ts';
import type { ExploreOptions } from './options.ts';
import type { ExploreReport } from './report.ts';

const workers = Number(process.argv[2] ?? 2);
const designs = process.argv.length > 3 ? process.argv.slice(3) : ['patent-lpar-a', 'patent-lpar-b', 'hardened'];
const runs: { readonly config: Config; readonly symmetry: boolean; readonly only?: readonly string[] }[] = [
  { config: { lparCount: 2, slotCount: 1, faultBudget: 2, writeBudget: 2 }, symmetry: false, only: ['INV-01'] },
  { config: { lparCount: 2, slotCount: 1, faultBudget: 2, writeBudget: 2 }, symmetry: false },
  { config: { lparCount: 3, slotCount: 1, faultBudget: 1, writeBudget: 1 }, symmetry: false },
  { config: { lparCount: 3, slotCount: 1, faultBudget: 1, writeBudget: 1 }, symmetry: true },
];

function line(label: string, r: ExploreReport, wallMs: number): string {
  const unreduced = r.unreduced === null ? '' : ` (unreduced ${r.unreduced.states}/${r.unreduced.transitions})`;
  return `${label.padEnd(58)} ${String(r.states).padStart(7)} states ${String(r.transitions).padStart(8)} transitions${unreduced}  search ${r.timing.elapsedMs.toFixed(0).padStart(6)} ms  ${String(r.timing.transitionsPerSecond).padStart(6)} tr/s  wall ${wallMs.toFixed(0)} ms`;
}

for (const name of designs) {
  for (const run of runs) {
    const c = run.config;
    const options: ExploreOptions = {
      design: builtInDesign(name)!, config: c, symmetry: run.symmetry, depthMax: 10_000, statesMax: 5_000_000, timeLimitMs: 10 * 60_000,
      ...(run.only === undefined ? {} : { only: run.only }),
    };
    const label = `${name} ${c.lparCount}x${c.slotCount} f${c.faultBudget} w${c.writeBudget}${run.symmetry ? ' sym' : ''}${run.only ? ` only ${run.only.join(',')}` : ' all'}`;
    let started = performance.now();
    const sequential = explore(options);
    console.log(line(`${label} seq`, sequential, performance.now() - started));
    if (workers > 1) {
      started = performance.now();
      const parallel = await exploreInParallel({ ...options, workers });
      console.log(line(`${label} ${workers} workers`, parallel, performance.now() - started));
    }
  }
}
