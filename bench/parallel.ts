// One search on two threads (issue 21): `explore --search-threads 2` against one thread, at a
// fixed bound. Measurement only: never asserted in a test (parallel-search.test.ts checks the
// reports are equal).
// Run: npx tsx bench/parallel.ts [--quick]      each run in a process of its own
//      npx tsx bench/parallel.ts --run T L S F W one run here (what the parent runs)
//
// Row: hardened, 3 × 2, fault budget 3, write budget 2, --symmetry, every property with liveness
// (--quick: fault budget 2). Per run: wall time of explore() (worker start included), peak
// resident memory (maxRSS), and a hash of the report without its timing, which must be equal.
// With two threads, the search's thread also says how long it waited for a chunk or expanded one
// itself (parallel-system.ts `stats`): the rest of its time is its own serial work (interning,
// the search's tables), the Amdahl bound on the speed-up.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { builtInDesign, type Config } from '../model/index.ts';
import { explore, exploreParallel } from '../check/explore/explore.ts';
import type { ExploreOptions } from '../check/explore/options.ts';
import { ParallelPackedSystem } from '../check/explore/packed/parallel-system.ts';

interface Run {
  readonly threads: number;
  readonly states: number;
  readonly transitions: number;
  readonly seconds: number;
  /** The breadth-first search alone (the report's timing): the liveness check after it runs in one thread. */
  readonly searchSeconds: number;
  readonly peakMiB: number;
  readonly reportHash: string;
  /** Two threads or more: the search's thread's own time (not waiting, not expanding), s; chunks it expanded of all. */
  readonly serialSeconds: number | null;
  readonly chunksHere: number | null;
  readonly chunks: number | null;
  /** Two threads or more: the share of successors whose id the expanding thread found in the shared table. */
  readonly knownShare: number | null;
  readonly load: string;
  /** CPU seconds (user + system, /proc/self/task) of the search's thread, and of every other thread (workers, the garbage collector's helpers). */
  readonly mainCpu: number;
  readonly otherCpu: number;
}

/** CPU seconds per thread of this process, from /proc (Linux): [this thread's, the others' sum]. */
function threadCpu(): [number, number] {
  const ticks = 100; // USER_HZ
  let main = 0;
  let others = 0;
  for (const tid of readdirSync('/proc/self/task')) {
    // Fields after the command name (which is in parentheses and may hold spaces): utime is the 12th, stime the 13th.
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const seconds = (Number(fields[11]) + Number(fields[12])) / ticks;
    if (Number(tid) === process.pid) main += seconds;
    else others += seconds;
  }
  return [main, others];
}

function runHere(args: string[]): Run {
  const [threads, l, s, f, w] = args.map(Number) as [number, number, number, number, number];
  const config: Config = { lparCount: l, slotCount: s, faultBudget: f, writeBudget: w };
  const options: ExploreOptions = {
    design: builtInDesign('hardened')!, config, symmetry: true, engine: 'packed', depthMax: 10_000, statesMax: 200_000_000, timeLimitMs: 3_600_000, searchThreads: threads,
  };
  const load = loadavg().map((x) => x.toFixed(2)).join(' ');
  const t0 = performance.now();
  let system: ParallelPackedSystem | null = null;
  let report;
  if (threads > 1) {
    system = new ParallelPackedSystem(options.design, config, { symmetry: true, threads });
    report = exploreParallel(options, system);
  } else {
    report = explore(options);
  }
  const seconds = (performance.now() - t0) / 1000;
  const [mainCpu, otherCpu] = threadCpu();
  const { timing: _timing, ...rest } = report;
  return {
    threads, states: report.states, transitions: report.transitions, seconds, searchSeconds: report.timing.elapsedMs / 1000,
    peakMiB: process.resourceUsage().maxRSS / 1024,
    reportHash: createHash('sha256').update(JSON.stringify(rest)).digest('hex').slice(0, 16),
    serialSeconds: system === null ? null : (report.timing.elapsedMs - system.stats.waitingMs) / 1000,
    chunksHere: system?.stats.chunksHere ?? null, chunks: system?.stats.chunks ?? null,
    knownShare: system === null ? null : system.stats.known / Math.max(1, system.stats.successors), load, mainCpu, otherCpu,
  };
}

function spawnRun(args: string[]): Run {
  const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--run', ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Run;
}

const argv = process.argv.slice(2);
if (argv[0] === '--run') {
  console.log(JSON.stringify(runHere(argv.slice(1))));
} else {
  const row = argv.includes('--quick') ? ['3', '2', '2', '2'] : ['3', '2', '3', '2'];
  console.log(`hardened ${row[0]} × ${row[1]} f${row[2]} w${row[3]} --symmetry, every property (one process per run; load = /proc/loadavg when the run started)`);
  const one = spawnRun(['1', ...row]);
  console.log(`  1 thread : ${one.seconds.toFixed(1)} s (search ${one.searchSeconds.toFixed(1)} s), ${one.states.toLocaleString('en-US')} states, ${one.transitions.toLocaleString('en-US')} transitions, peak ${one.peakMiB.toFixed(0)} MiB, load ${one.load}`);
  const two = spawnRun(['2', ...row]);
  console.log(`  2 threads: ${two.seconds.toFixed(1)} s (search ${two.searchSeconds.toFixed(1)} s), peak ${two.peakMiB.toFixed(0)} MiB, load ${two.load}; the search's thread: ${two.serialSeconds!.toFixed(1)} s of its own work (${(100 * two.serialSeconds! / one.seconds).toFixed(0)}% of one thread's time), expanded ${two.chunksHere} of ${two.chunks} chunks; ${(100 * two.knownShare!).toFixed(0)}% of successors came with their id`);
  const cpu = (r: Run) => `CPU: the search's thread ${r.mainCpu.toFixed(1)} s, other threads ${r.otherCpu.toFixed(1)} s`;
  console.log(`  ${cpu(one)} (one thread); ${cpu(two)} (two)`);
  // On two idle cores the search's thread runs its own work alone while the rest is shared out:
  // the time is at least its CPU time, and at least half of all CPU time.
  const idle = one.mainCpu / Math.max(two.mainCpu, (two.mainCpu + two.otherCpu) / 2);
  console.log(`  estimate on two idle cores from CPU times: one thread's CPU / max(the search's thread's CPU, all CPU / 2) = ×${idle.toFixed(2)}`);
  console.log(`  ratio one / two threads: ×${(one.seconds / two.seconds).toFixed(2)} (search ×${(one.searchSeconds / two.searchSeconds).toFixed(2)}); reports ${one.reportHash === two.reportHash ? 'identical' : 'DIFFERENT'}; peak memory ×${(two.peakMiB / one.peakMiB).toFixed(2)}`);
}
