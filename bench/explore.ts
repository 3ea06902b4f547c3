// Benchmark: the exhaustive explorer (check/explore) over the reference (immer) system and
// over the packed one (check/explore/packed), on fixed configurations.
// Run: `npx tsx bench/explore.ts [--quick]` (--quick skips the reference at fault budget 3, minutes).
//
// Rows, per design and fault budget:
//   explorer · reference           exploreWith(referenceSystem): every property, liveness included
//   explorer · packed              exploreWith(PackedSystem): the same report (tests show it is equal)
//   explorer · packed, no liveness the same with `only` the invariants and witnesses
//   dense bfs · packed             this folder's BFS on PackedSystem's dense ids (invariants and
//                                  witnesses; it holds every state: its B/state is the packed cost)
//   bfs · reference                the generic BFS holding every reference state (its B/state)
//   generation only                successor generation alone, no visited set: one ceiling
// Interning alone, the other ceiling, is measured by bench/explore-rate.ts and bench/interning.ts.
// Ratios (×): rows with every property against `explorer · reference`; rows without liveness
// against `bfs · reference`.
import { builtInDesign, type Config, type Design } from '../model/index.ts';
import { CATALOGUE } from '../properties/catalogue.ts';
import { exploreWith, referenceSystem, type ExploreReport } from '../check/explore/index.ts';
import { PackedSystem } from '../check/explore/packed/system.ts';
import { bfs, type BfsResult } from './bfs.ts';
import { denseBfs } from './dense-bfs.ts';
import { calibrateNanosPerOp, measure, settleMemory, type Measured } from './measure.ts';

const BOUNDS = { depthMax: 10_000, statesMax: 5_000_000, timeLimitMs: 60 * 60_000 };
const SAFETY = CATALOGUE.filter((p) => p.expect !== 'eventually').map((p) => p.id);
const DESIGNS = ['patent-lpar-a', 'patent-lpar-b', 'hardened'] as const;
const FAULTS = [2, 3] as const;
const configFor = (faultBudget: number): Config => ({ lparCount: 2, slotCount: 1, faultBudget, writeBudget: 2 });

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

interface Row {
  readonly label: string;
  readonly states: number;
  readonly transitions: number;
  readonly run: Measured<unknown>;
  /** Memory per state, where the search holds every state (null: the explorer keeps keys only). */
  readonly bytesPerState: number | null;
}

function printRow(row: Row, reference: Row | null): void {
  const { run } = row;
  const ratio = reference === null ? '' : `  ×${fmt(reference.run.cpuSeconds / run.cpuSeconds, 1)} cpu, ×${fmt(reference.run.wallSeconds / run.wallSeconds, 1)} wall`;
  const bytes = row.bytesPerState === null ? '' : `  ${fmt(row.bytesPerState)} B/state`;
  console.log(
    `  ${row.label.padEnd(34)} ${fmt(row.states).padStart(10)} states ${fmt(row.transitions).padStart(10)} transitions` +
    `  wall ${fmt(run.wallSeconds, 2).padStart(6)} s  cpu ${fmt(run.cpuSeconds, 2).padStart(6)} s` +
    `  ${fmt(row.states / run.cpuSeconds).padStart(9)} states/s ${fmt(row.transitions / run.cpuSeconds).padStart(10)} transitions/s${bytes}${ratio}`,
  );
}

/** The explorer's report without its timing. */
function comparable(report: ExploreReport): string {
  const { timing: _timing, ...rest } = report;
  return JSON.stringify(rest);
}

function violatedIn(report: ExploreReport): string {
  const broken = report.properties.filter((p) => p.verdict === 'counterexample');
  return broken.map((p) => `${p.id}@${p.counterexample!.steps.length}`).join(' ') || 'none';
}

function explorerRow(label: string, run: Measured<ExploreReport>): Row {
  return { label, states: run.result.states, transitions: run.result.transitions, run, bytesPerState: null };
}

function bfsRow(label: string, run: Measured<BfsResult>): Row {
  return { label, states: run.result.states, transitions: run.result.transitions, run, bytesPerState: run.retainedBytes / run.result.states };
}

/** Successor generation alone over every state of an explored space: unpack, guards, apply, pack, flags. */
function generationOnly(system: PackedSystem): { transitions: number; cpuSeconds: number } {
  const words = system.store.readRange(0, system.stateCount);
  const width = system.layout.words;
  let transitions = 0;
  let sink = 0;
  const cpu0 = process.cpuUsage();
  for (let s = 0; s < system.stateCount; s += 1) {
    system.generator.expand(words, s * width, (command, m) => {
      transitions += 1;
      sink ^= m.w[0]! ^ m.flags ^ command;
    });
  }
  const cpu = process.cpuUsage(cpu0);
  if (sink === 0.5) console.log(''); // keep the work
  return { transitions, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

/** Run every search once on a small space first, so that no row pays for compiling the code. */
function warmUp(): void {
  const design = builtInDesign('hardened')!;
  const config = configFor(1);
  exploreWith(referenceSystem(design, config, { symmetry: false }), BOUNDS);
  exploreWith(new PackedSystem(design, config), BOUNDS);
  denseBfs(new PackedSystem(design, config), BOUNDS.statesMax);
  bfs(referenceSystem(design, config, { symmetry: false }), BOUNDS.statesMax);
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  warmUp();
  console.log(`slotcheck exhaustive-search benchmark. Machine: ${fmt(calibrateNanosPerOp(), 2)} ns per trivial typed-array op (lower is faster; the machine is shared, so numbers vary).`);
  console.log('Rates use CPU time of this thread (steadier on a shared machine). Time to proof: wall time of the search with every check.');
  const proof = new Map<string, number>();
  for (const faults of FAULTS) {
    const config = configFor(faults);
    console.log(`\n2 LPARs × 1 slot, fault budget ${faults}, write budget 2`);
    for (const name of DESIGNS) {
      const design = builtInDesign(name)!;
      console.log(`${design.id} ${name}`);
      const rows: Row[] = [];
      const skipReference = quick && faults === 3;
      const reference = skipReference ? null : explorerRow('explorer · reference', measure(() => exploreWith(referenceSystem(design, config, { symmetry: false }), BOUNDS)));
      await settleMemory();
      const packed = explorerRow('explorer · packed', measure(() => exploreWith(new PackedSystem(design, config), BOUNDS)));
      const safety = explorerRow('explorer · packed, no liveness', measure(() => exploreWith(new PackedSystem(design, config), { ...BOUNDS, only: SAFETY })));
      await settleMemory();
      const ownSystem = new PackedSystem(design, config);
      const denseRun = measure(() => denseBfs(ownSystem, BOUNDS.statesMax));
      const dense = bfsRow('dense bfs · packed, no liveness', denseRun);
      const generated = generationOnly(ownSystem);
      denseRun.result.held = null;
      await settleMemory();
      const holdingRun = skipReference ? null : measure(() => bfs(referenceSystem(design, config, { symmetry: false }), BOUNDS.statesMax));
      const holding = holdingRun === null ? null : bfsRow('bfs · reference, no liveness', holdingRun);
      if (holdingRun !== null) holdingRun.result.held = null;
      await settleMemory();
      rows.push(...[reference, packed, safety, dense, holding].filter((r): r is Row => r !== null));
      if (reference === null) console.log(`  ${'explorer · reference'.padEnd(34)} skipped (--quick)`);
      // Ratios: every property against the explorer on the reference system; no liveness against the reference BFS.
      for (const row of rows) printRow(row, row === reference || row === holding ? null : row.label.includes('no liveness') ? holding : reference);
      console.log(`  ${'generation only · packed'.padEnd(34)} ${fmt(generated.transitions).padStart(28)} transitions  cpu ${fmt(generated.cpuSeconds, 2).padStart(6)} s  ${fmt(generated.transitions / generated.cpuSeconds).padStart(10)} transitions/s (no visited set, no checks)`);
      console.log(`  packed state: ${ownSystem.layout.words} words (${ownSystem.layout.words * 4} B), ${fmt(ownSystem.store.bytesPerState)} B with its hash-table share`);
      const reports = [reference, packed].filter((r): r is Row => r !== null).map((r) => comparable(r.run.result as ExploreReport));
      const agree = reports.every((r) => r === reports[0]);
      const report = packed.run.result as ExploreReport;
      console.log(`  verdict ${report.verdict}; violated (shortest counterexample length): ${violatedIn(report)}; depth ${report.maxDepth}`);
      console.log(`  explorer reports ${agree ? 'identical' : 'DIFFER'} on the reference and packed systems (timing aside)`);
      if (!agree) process.exitCode = 1;
      if (faults === 2 && name !== 'hardened') {
        proof.set(`reference ${name}`, reference?.run.wallSeconds ?? NaN);
        proof.set(`packed ${name}`, packed.run.wallSeconds);
      }
    }
  }
  const total = (prefix: string) => [...proof].filter(([k]) => k.startsWith(prefix)).reduce((s, [, v]) => s + v, 0);
  console.log(`\nDefault configuration (DSN-01 and DSN-02, fault budget 2, every property): time to proof ${fmt(total('reference'), 2)} s on the reference system, ${fmt(total('packed'), 2)} s packed (wall).`);
}

await main();
