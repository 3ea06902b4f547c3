// Benchmark: the exhaustive search over the reference (immer) model and over the packed system
// (properties/explore/fast), on fixed configurations. Run: `npx tsx bench/explore.ts [--quick]`
// (--quick skips the reference at fault budget 3, which takes minutes).
//
// Rows: the reference system and the packed one under the same generic search; the packed one
// under the search that uses its dense ids, on this thread; and the same with 1 and 2 worker
// threads generating successors (./parallel-bfs.ts: identical ids, counts and counterexamples).
//
// The explorer (properties/explore/, another branch) is not merged yet, so the searches here are
// this folder's own: `bfs` (generic over any TransitionSystem, the same code for both systems)
// and `denseBfs` (the packed system's dense ids used as the visited set). To measure the
// explorer instead, replace `explore` below with its `exploreWith(system, options)` and map its
// result to the printed fields.
import { builtInDesign, type Config } from '../model/index.ts';
import { FastSystem } from '../properties/explore/fast/system.ts';
import { bfs, type BfsResult } from './bfs.ts';
import { denseBfs } from './dense-bfs.ts';
import { calibrateNanosPerOp, measure, measureAsync, settleMemory, type Measured } from './measure.ts';
import { parallelBfs } from './parallel-bfs.ts';
import { referenceSystem } from './reference-system.ts';

const MAX_STATES = 5_000_000;
const explore = bfs;

const DESIGNS = ['patent-lpar-a', 'patent-lpar-b', 'hardened'] as const;
const FAULTS = [2, 3] as const;
const configFor = (faultBudget: number): Config => ({ lparCount: 2, slotCount: 1, faultBudget, writeBudget: 2 });

interface Row {
  readonly label: string;
  readonly run: Measured<BfsResult> | null;
  readonly bytesPerPackedState: number | null;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function verdictOf(r: BfsResult): string {
  const violated = r.violations.map((v) => `${v.id}@${v.depth}`).join(' ');
  const bound = r.outcome.kind === 'inconclusive' ? ` INCONCLUSIVE (${r.outcome.bound})` : '';
  return (violated === '' ? 'all invariants hold' : `violated: ${violated}`) + bound;
}

function summary(r: BfsResult, traces = false): string {
  const violations = r.violations.map((v) => [v.id, v.depth, ...(traces ? [v.trace.map((c) => JSON.stringify(c)).join(' ')] : [])]);
  return JSON.stringify([r.states, r.transitions, r.maxDepth, violations, r.witnesses, r.outcome]);
}

function printRow(row: Row, reference: Measured<BfsResult> | null): void {
  if (row.run === null) {
    console.log(`  ${row.label.padEnd(22)} skipped (--quick)`);
    return;
  }
  const { result: r, wallSeconds, cpuSeconds, retainedBytes } = row.run;
  const ratio = reference === null ? '' : `  ×${fmt(reference.cpuSeconds / cpuSeconds, 1)} (cpu)`;
  const packed = row.bytesPerPackedState === null ? '' : ` (packed ${fmt(row.bytesPerPackedState)} B)`;
  console.log(
    `  ${row.label.padEnd(22)} ${fmt(r.states).padStart(10)} states ${fmt(r.transitions).padStart(11)} transitions` +
    `  wall ${fmt(wallSeconds, 2).padStart(7)} s  cpu ${fmt(cpuSeconds, 2).padStart(7)} s` +
    `  ${fmt(r.states / cpuSeconds).padStart(10)} states/s ${fmt(r.transitions / cpuSeconds).padStart(11)} transitions/s` +
    `  ${fmt(retainedBytes / r.states).padStart(6)} B/state${packed}${ratio}`,
  );
}

/** Run every search once on a small space first, so that no row pays for compiling the code. */
async function warmUp(): Promise<void> {
  const design = builtInDesign('hardened')!;
  const config = configFor(1);
  explore(referenceSystem(design, config), MAX_STATES);
  explore(new FastSystem(design, config), MAX_STATES);
  denseBfs(new FastSystem(design, config), MAX_STATES);
  await parallelBfs(design, config, 1, MAX_STATES);
}

/**
 * Successor generation alone over every state of an explored space: unpack, guards, apply,
 * pack, the step flags; no visited set, no state checks. The ceiling for any search over the
 * packed system on this machine.
 */
function generationOnly(system: FastSystem): { transitions: number; cpuSeconds: number } {
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

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  await warmUp();
  console.log(`slotcheck exhaustive-search benchmark. Machine: ${fmt(calibrateNanosPerOp(), 2)} ns per trivial typed-array op (lower is faster).`);
  console.log('Rates use CPU time (steadier than wall time when the machine is shared); "time to proof" is the wall time of the full search with every check.');
  console.log('B/state: memory the search holds per distinct state after a full GC (states, visited set, parents); "packed": the state words and their hash-table share.');
  console.log('CPU time of a worker search counts this thread only; with workers, compare wall times.');
  const proof = new Map<string, number>();
  for (const faults of FAULTS) {
    const config = configFor(faults);
    console.log(`\n2 LPARs × 1 slot, fault budget ${faults}, write budget 2`);
    for (const name of DESIGNS) {
      const design = builtInDesign(name)!;
      console.log(`${design.id} ${name}`);
      const reference = quick && faults === 3 ? null : measure(() => explore(referenceSystem(design, config), MAX_STATES));
      let packedBytes = 0;
      const generic = measure(() => {
        const system = new FastSystem(design, config);
        const result = explore(system, MAX_STATES);
        packedBytes = system.store.bytesPerState;
        return result;
      });
      const dense = measure(() => denseBfs(new FastSystem(design, config), MAX_STATES));
      const generated = generationOnly((dense.result.held as { system: FastSystem }).system);
      await settleMemory();
      const oneWorker = await measureAsync(() => parallelBfs(design, config, 1, MAX_STATES));
      await settleMemory();
      const twoWorkers = await measureAsync(() => parallelBfs(design, config, 2, MAX_STATES));
      printRow({ label: 'reference (immer)', run: reference, bytesPerPackedState: null }, null);
      printRow({ label: 'packed, generic bfs', run: generic, bytesPerPackedState: packedBytes }, reference);
      printRow({ label: 'packed, dense-id bfs', run: dense, bytesPerPackedState: packedBytes }, reference);
      printRow({ label: 'packed, 1 worker', run: oneWorker, bytesPerPackedState: packedBytes }, reference);
      printRow({ label: 'packed, 2 workers', run: twoWorkers, bytesPerPackedState: packedBytes }, reference);
      console.log(`  ${'packed, generation only'.padEnd(22)} ${fmt(generated.transitions).padStart(30)} transitions  cpu ${fmt(generated.cpuSeconds, 2).padStart(7)} s  ${fmt(generated.transitions / generated.cpuSeconds).padStart(11)} transitions/s (no visited set, no checks)`);
      const results = [reference, generic, dense].filter((m) => m !== null).map((m) => summary(m.result));
      const withTraces = [dense, oneWorker, twoWorkers].map((m) => summary(m.result, true));
      const agree = results.every((s) => s === results[0]) && withTraces.every((s) => s === withTraces[0]);
      console.log(`  verdict: ${verdictOf(dense.result)}; witnesses ${dense.result.witnesses.join(',')}; depth ${dense.result.maxDepth}`);
      console.log(`  the searches ${agree ? 'agree on states, transitions, violations (id, depth), witnesses; the packed ones also on every counterexample trace' : 'DISAGREE: ' + [...results, ...withTraces].join(' | ')}`);
      if (faults === 2 && name !== 'hardened') {
        proof.set(`reference ${name}`, reference?.wallSeconds ?? NaN);
        proof.set(`packed ${name}`, dense.wallSeconds);
        proof.set(`2 workers ${name}`, twoWorkers.wallSeconds);
      }
      if (!agree) process.exitCode = 1;
      for (const m of [reference, generic, dense, oneWorker, twoWorkers]) if (m !== null) m.result.held = null; // free before the next measurement
      await settleMemory();
    }
  }
  const total = (prefix: string) => [...proof].filter(([k]) => k.startsWith(prefix)).reduce((s, [, v]) => s + v, 0);
  console.log(`\nDefault configuration (DSN-01 and DSN-02, faults 2): time to proof ${fmt(total('reference'), 2)} s on the reference, ${fmt(total('packed'), 2)} s packed, ${fmt(total('2 workers'), 2)} s packed with 2 workers (wall).`);
}

await main();
