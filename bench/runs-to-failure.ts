// Runs to failure (issue 18): how strong the random suite is for its budget. For every property
// the explorer finds broken at 2 LPARs × 1 slot, fault budget 2, 2 writes (`explore`'s default
// bound) on every built-in design, and on every mutant of hardened that the explorer kills there
// (`mutate --design hardened`'s kill list), the random suite runs on seeds 1–20, checking that
// property alone (model only, as the explorer), until it first fails or a cap of runs is spent.
// Printed per property: the median number of runs to the first failure (a seed that never found
// it counts as infinitely many: a median past the cap is a gap, never a pass), how many seeds
// found it, and the shrunk counterexample's steps against the explorer's shortest (median and
// worst ratio over the seeds that found it). Targets: median ≤ 50 runs, ratio ≤ 1.5.
//
// Run: npx tsx bench/runs-to-failure.ts [--seeds 20] [--cap 2000] [--designs a,b] [--mutants M001,M002] [--no-mutants] [--json FILE]
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { BUILT_IN_DESIGNS, builtInDesign, type Config, type Design } from '../model/index.ts';
import { DEFAULT_BOUNDS, explore } from '../check/explore/index.ts';
import { generateMutants } from '../check/mutate/mutants.ts';
import { runSuite } from '../check/random/suite.ts';
import { DEFAULT_SUITE } from '../check/random/suite-report.ts';

const CONFIG: Config = { lparCount: 2, slotCount: 1, faultBudget: 2, writeBudget: 2 };
const TARGET_RUNS = 50;
const TARGET_RATIO = 1.5;

const { values: args } = parseArgs({
  options: {
    seeds: { type: 'string', default: '20' }, cap: { type: 'string', default: '2000' },
    designs: { type: 'string' }, mutants: { type: 'string' }, 'no-mutants': { type: 'boolean', default: false }, json: { type: 'string' },
  },
});
const seeds = Number(args.seeds);
const cap = Number(args.cap);

/** One property a design breaks, as the explorer found it. */
interface Target {
  readonly design: Design;
  /** What it is: a built-in design, or a mutant with its change. */
  readonly label: string;
  readonly id: string;
  readonly explorerSteps: number;
}

interface Row extends Target {
  /** Runs to the first failure per seed; null: not within the cap. */
  readonly runs: readonly (number | null)[];
  /** Shrunk counterexample steps per seed that found it. */
  readonly shrunk: readonly number[];
  readonly shrinkBoundHits: number;
  readonly cpuMs: number;
}

const explorerFailures = (design: Design): Map<string, number> => {
  const report = explore({ design, config: CONFIG, symmetry: false, engine: 'packed', ...DEFAULT_BOUNDS });
  if (report.boundHit !== null) throw new Error(`${design.name}: the explorer hit its ${report.boundHit.bound} bound`);
  return new Map(report.properties.filter((p) => p.verdict === 'counterexample').map((p) => [p.id, p.counterexample!.steps.length]));
};

function targets(): Target[] {
  const wanted = args.designs?.split(',') ?? null;
  const out: Target[] = [];
  for (const design of BUILT_IN_DESIGNS.filter((d) => wanted === null || wanted.includes(d.name))) {
    for (const [id, steps] of explorerFailures(design)) out.push({ design, label: `${design.id} ${design.name}`, id, explorerSteps: steps });
  }
  if (args['no-mutants']) return out;
  const base = builtInDesign('hardened')!;
  const baseFailing = explorerFailures(base);
  const wantedMutants = args.mutants?.split(',') ?? null;
  for (const mutant of generateMutants(base).mutants.filter((m) => wantedMutants === null || wantedMutants.includes(m.id))) {
    for (const [id, steps] of explorerFailures(mutant.design)) {
      if (!baseFailing.has(id)) out.push({ design: mutant.design, label: `${mutant.id} ${mutant.description}`, id, explorerSteps: steps });
    }
  }
  return out;
}

function measure(target: Target): Row {
  const runs: (number | null)[] = [];
  const shrunk: number[] = [];
  let shrinkBoundHits = 0;
  const cpu0 = process.cpuUsage();
  for (let seed = 1; seed <= seeds; seed += 1) {
    const report = runSuite({ ...DEFAULT_SUITE, design: target.design, config: CONFIG, seed, runs: cap, only: [target.id], engine: 'packed' });
    const p = report.properties.find((q) => q.id === target.id)!;
    if (p.verdict !== 'counterexample' || p.counterexample === null) {
      runs.push(null);
      continue;
    }
    runs.push(p.runs);
    shrunk.push(p.counterexample.steps.length);
    if (p.counterexample.shrinkBoundHit) shrinkBoundHits += 1;
  }
  const cpu = process.cpuUsage(cpu0);
  return { ...target, runs, shrunk, shrinkBoundHits, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** The median, a missing value counting as larger than any (null when it is one of those). */
function median(values: readonly (number | null)[]): number | null {
  const sorted = [...values].sort((a, b) => (a ?? Infinity) - (b ?? Infinity));
  const n = sorted.length;
  if (n === 0) return null;
  const lo = sorted[(n - 1) >> 1] ?? null;
  const hi = sorted[n >> 1] ?? null;
  return lo === null || hi === null ? null : (lo + hi) / 2;
}

const t0 = performance.now();
const list = targets();
process.stderr.write(`${list.length} properties to measure, ${seeds} seeds each, at most ${cap} runs per seed\n`);
const rows: Row[] = [];
for (const [i, target] of list.entries()) {
  rows.push(measure(target));
  process.stderr.write(`\r${i + 1}/${list.length} ${target.label.slice(0, 50).padEnd(50)} ${target.id}`);
}
process.stderr.write('\n');

const header = ['design or mutant', 'property', 'explorer steps', 'median runs', 'found', 'shrunk (median)', 'ratio (median / worst)', 'meets'];
const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
let gaps = 0;
for (const row of rows) {
  const m = median(row.runs);
  const found = row.runs.filter((r) => r !== null).length;
  const shrunkMedian = median(row.shrunk);
  // A violation in the initial state is 0 steps for both: ratio 1.
  const ratio = (steps: number) => (row.explorerSteps === 0 ? (steps === 0 ? 1 : Infinity) : steps / row.explorerSteps);
  const ratioMedian = shrunkMedian === null ? null : ratio(shrunkMedian);
  const ratioWorst = row.shrunk.length === 0 ? null : ratio(Math.max(...row.shrunk));
  const meets = m !== null && m <= TARGET_RUNS && ratioMedian !== null && ratioMedian <= TARGET_RATIO;
  if (!meets) gaps += 1;
  const ratios = ratioMedian === null ? '-' : `${ratioMedian.toFixed(2)} / ${ratioWorst!.toFixed(2)}${row.shrinkBoundHits > 0 ? ` (bound hit ×${row.shrinkBoundHits})` : ''}`;
  lines.push(`| ${[row.label, row.id, row.explorerSteps, m === null ? `> ${cap} (not found within the cap)` : m, `${found}/${seeds}`, shrunkMedian ?? '-', ratios, meets ? 'yes' : '**gap**'].join(' | ')} |`);
}
console.log(lines.join('\n'));
console.log(`\n${rows.length} properties, ${rows.length - gaps} meet both targets (median ≤ ${TARGET_RUNS} runs, ratio ≤ ${TARGET_RATIO}), ${gaps} gap(s); ${((performance.now() - t0) / 1000).toFixed(0)} s wall`);
if (args.json !== undefined) writeFileSync(args.json, JSON.stringify(rows.map((r) => ({ label: r.label, id: r.id, explorerSteps: r.explorerSteps, runs: r.runs, shrunk: r.shrunk, shrinkBoundHits: r.shrinkBoundHits, cpuMs: r.cpuMs })), null, 2));
