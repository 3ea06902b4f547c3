// SPIN and the explorer side by side on the same bounded protocol: DSN-01 and DSN-02, 2 LPARs ×
// 1 slot, fault budget 2, write budget 2. Run: `npx tsx bench/spin.ts`. Exit 0 when SPIN and the
// explorer find the same invariants (of those the Promela model checks) violated, 1 when they
// differ, 2 when SPIN (or a C compiler) is missing. Last, both run DSN-02 at fault budget 3 (a
// million states) and their transitions per second are compared.
//
// Why the state counts differ, and by how much: bench/promela/slotcheck.pml holds exactly the
// reference model's state variables (those DSN-01/DSN-02 can change), and each command is one
// d_step of one process, so every model state is one SPIN state at the loop head. SPIN has one
// state more: the one before the initialising d_step. It is compiled with `spin -o2`, because by
// default SPIN drops variables that the Promela never reads (previousServiceOwner: only a witness
// reads it) from the state vector, which merges states the model keeps apart. Transitions differ
// more: SPIN counts stored + matched, which includes a self-loop for each cluster_step the
// model's plan refuses (the Promela guard is only "OS up, clustering program alive").
//
// Times: pan's search is the median of three runs of the compiled pan. The explorer's is given
// twice: cold, its first search of that design in this process, and warm, the median of three
// more. A cold search includes V8 compiling the design's generated successor code while it runs,
// the work spin -a and cc do before pan starts (and which SPIN's search time leaves out); on the
// 2 × 1 rows that is most of a cold search.
import { execFileSync } from 'node:child_process';
import { builtInDesign, type Config } from '../model/index.ts';
import { CHECKED, CONFIG, DESIGNS, exploreChecked, median, onPath, runSpin, violatedIn } from './spin-runner.ts';

/** Searches timed per row after the first: the medians compare a warm explorer with pan, a compiled binary. */
const REPEATS = 3;

/**
 * Wall and CPU time of one call. Not bench/measure.ts: its full collections before and after each
 * run (to measure retained memory) made the explorer's next 2 × 1 search about twice as slow (a
 * collection may drop compiled code that has not run for a while, and it is then compiled again).
 */
function timed<T>(work: () => T): { result: T; wallSeconds: number; cpuSeconds: number } {
  const wall0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const result = work();
  const cpu = process.cpuUsage(cpu0);
  return { result, wallSeconds: Number(process.hrtime.bigint() - wall0) / 1e9, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

/**
 * The explorer on one row: its first search of the design in this process (cold: V8 compiles the
 * design's generated successor code as it runs, as spin -a and cc compile pan before its search),
 * then the median of REPEATS more (warm).
 */
function explorerRuns(name: string, config: Config) {
  const cold = timed(() => exploreChecked(name, config, SEARCH_THREADS));
  const warm = Array.from({ length: REPEATS }, () => timed(() => exploreChecked(name, config, SEARCH_THREADS)));
  return { cold, result: cold.result, warmWall: median(warm.map((r) => r.wallSeconds)), warmCpu: median(warm.map((r) => r.cpuSeconds)) };
}

// `--search-threads N`: the explorer's search on N threads (explore --search-threads), else one.
const at = process.argv.indexOf('--search-threads');
const SEARCH_THREADS = at < 0 ? 1 : Number(process.argv[at + 1]);
if (!Number.isInteger(SEARCH_THREADS) || SEARCH_THREADS < 1) throw new Error('--search-threads takes a whole number ≥ 1');

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function main(): number {
  for (const tool of ['spin', 'cc']) {
    if (!onPath(tool)) {
      console.error(`${tool} is not on PATH. bench/spin.ts needs SPIN and a C compiler: apt-get install -y spin gcc`);
      return 2;
    }
  }
  exploreChecked('hardened', CONFIG, SEARCH_THREADS); // warm up the explorer, so that the first design's time is not compile time
  console.log(`SPIN (${execFileSync('spin', ['-V'], { encoding: 'utf8' }).trim()}) and the explorer on the packed system, 2 LPARs × 1 slot, fault budget 2, write budget 2.`);
  console.log(`Checked on both sides: ${CHECKED.join(', ')} (state and step parts), each on its own. SPIN: DFS, full search (-c0); explorer: BFS, exploreWith(PackedSystem, only those five), on ${SEARCH_THREADS} thread(s).`);
  let agreeAll = true;
  for (const { name, defines } of DESIGNS) {
    const design = builtInDesign(name)!;
    const spin = runSpin(name, defines, undefined, REPEATS);
    const run = explorerRuns(name, CONFIG);
    const explored = run.result;
    const spinViolated = spin.report.violated;
    const explorerViolated = violatedIn(explored);
    const agree = spinViolated.join() === explorerViolated.join() && !spin.report.truncated && explored.boundHit === null;
    agreeAll &&= agree;
    const spinTotal = spin.generate + spin.compile + spin.search;
    console.log(`\n${design.id} ${name}`);
    console.log(`  SPIN      ${fmt(spin.report.states).padStart(8)} states  ${fmt(spin.report.transitions).padStart(9)} transitions  depth ${spin.report.depth}` +
      `  search ${fmt(spin.search, 3)} s (spin -a ${fmt(spin.generate, 3)} s, cc ${fmt(spin.compile, 2)} s, total ${fmt(spinTotal, 2)} s)` +
      `${spin.report.truncated ? '  INCONCLUSIVE: max search depth too small' : ''}`);
    console.log(`  explorer  ${fmt(explored.states).padStart(8)} states  ${fmt(explored.transitions).padStart(9)} transitions  depth ${explored.maxDepth}  search ${fmt(run.warmWall, 3)} s warm, ${fmt(run.cold.wallSeconds, 3)} s cold (wall, with its counterexamples)`);
    console.log(`  time ratio explorer / SPIN search: warm ${fmt(run.warmWall / spin.search, 2)}, cold ${fmt(run.cold.wallSeconds / spin.search, 2)}; explorer cold / SPIN including spin -a and cc: ${fmt(run.cold.wallSeconds / spinTotal, 2)}`);
    console.log(`  state counts: SPIN ${fmt(spin.report.states)} = explorer ${fmt(explored.states)} + ${spin.report.states - explored.states} (SPIN's state before initialisation; see the comment at the top of bench/spin.ts)`);
    console.log(`  violated, SPIN:     ${spinViolated.join(', ') || 'none'} (${fmt(spin.report.errors)} assertion failures)`);
    console.log(`  violated, explorer: ${explorerViolated.join(', ') || 'none'}`);
    console.log(`  ${agree ? 'AGREE' : 'DISAGREE'}`);
  }
  agreeAll &&= throughput();
  return agreeAll ? 0 : 1;
}

/**
 * Transitions per second of both on a larger space, where start-up is amortised: DSN-02 at fault
 * budget 3 (about a million states). SPIN's rate is over pan's own elapsed time; the explorer's
 * over the CPU time of its search.
 */
function throughput(): boolean {
  const config = { ...CONFIG, faultBudget: 3 };
  const spin = runSpin('patent-lpar-b-f3', ['-DDSN02', '-DFAULT_BUDGET=3'], undefined, REPEATS);
  const run = explorerRuns('patent-lpar-b', config);
  const explored = run.result;
  const spinRate = spin.report.transitions / spin.elapsed;
  const explorerRate = explored.transitions / run.warmCpu;
  console.log(`\nThroughput, DSN-02 at fault budget 3 (the same five invariants)`);
  console.log(`  SPIN      ${fmt(spin.report.states).padStart(9)} states  ${fmt(spin.report.transitions).padStart(10)} transitions (stored + matched)  ${fmt(spin.elapsed, 2)} s  ${fmt(spinRate).padStart(10)} transitions/s`);
  console.log(`  explorer  ${fmt(explored.states).padStart(9)} states  ${fmt(explored.transitions).padStart(10)} transitions                     ${fmt(run.warmCpu, 2)} s  ${fmt(explorerRate).padStart(10)} transitions/s (cpu, warm)`);
  console.log(`  explorer / SPIN transitions per second: ${fmt(explorerRate / spinRate, 2)}; search time explorer (wall, ${SEARCH_THREADS} thread(s)) / SPIN: warm ${fmt(run.warmWall, 2)} s / ${fmt(spin.elapsed, 2)} s = ${fmt(run.warmWall / spin.elapsed, 2)}, cold ${fmt(run.cold.wallSeconds / spin.elapsed, 2)}`);
  const agree = spin.report.states === explored.states + 1 && violatedIn(explored).join() === spin.report.violated.join();
  console.log(`  ${agree ? 'AGREE' : 'DISAGREE'} (states +1, same invariants violated)`);
  return agree;
}

process.exitCode = main();
