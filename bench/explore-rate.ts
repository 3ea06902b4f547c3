// Transitions per second of the packed explorer, as a user meets it: `slotcheck explore` runs one
// design on one system in one process. Measurement only: never asserted in a test.
// Run: npx tsx bench/explore-rate.ts [--faults K]   (default 3; 2 is the default configuration)
//
// Each row runs in its own process (bench/explore.ts runs every system in one process, where the
// search's code sees reference and packed states and the heap holds earlier rows; its
// packed rates come out lower), warms up on fault budget 1, then times the search three times (15
// at fault budget 2, whose searches take a tenth of a second) and prints the median: distinct
// states per second (wall) for the rows that store states, and transitions per second. Rows, on
// 2 LPARs × 1 slot, fault budget 3 (or --faults), write budget 2:
//   explorer            exploreWith(PackedSystem): every invariant, witness and liveness property
//   explorer, no liveness  the same, `only` the invariants and witnesses
//   dense bfs           bench/dense-bfs.ts: ids as BFS order, no liveness (the packed system's own search)
//   generation only     successor generation over the explored states, no visited set, no checks
//   interning only      every successor looked up in a fresh store, no generation, no checks
// The target is 10 million transitions per second on one core; the last column is the
// rate as a share of it. CPU time counts the garbage collector's helper threads.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { builtInDesign, type Config } from '../model/index.ts';
import { CATALOGUE } from '../properties/catalogue.ts';
import { exploreWith } from '../check/explore/index.ts';
import { StateStore } from '../check/explore/packed/store.ts';
import { PackedSystem } from '../check/explore/packed/system.ts';
import { denseBfs } from './dense-bfs.ts';
import { exploredSpace, successorsByLevel } from './successors.ts';

const TARGET_PER_SECOND = 10_000_000;
const BOUNDS = { depthMax: 10_000, statesMax: 5_000_000, timeLimitMs: 60 * 60_000 };
const SAFETY = CATALOGUE.filter((p) => p.expect !== 'eventually').map((p) => p.id);
const ROWS = ['explorer', 'explorer, no liveness', 'dense bfs', 'generation only', 'interning only'] as const;
type RowKind = (typeof ROWS)[number];
const DESIGNS = ['patent-lpar-a', 'patent-lpar-b', 'hardened'] as const;

const configFor = (faultBudget: number): Config => ({ lparCount: 2, slotCount: 1, faultBudget, writeBudget: 2 });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

interface Timing {
  /** Distinct states the row stores (0 for the rows that store none). */
  readonly states: number;
  readonly transitions: number;
  readonly cpuSeconds: number;
  readonly wallSeconds: number;
}

function timed(work: () => Counts): Timing {
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  const { states, transitions } = work();
  const cpu = process.cpuUsage(cpu0);
  return { states, transitions, cpuSeconds: (cpu.user + cpu.system) / 1e6, wallSeconds: (performance.now() - wall0) / 1000 };
}

interface Counts {
  readonly states: number;
  readonly transitions: number;
}

/** The explored system's states (and depths), for the rows that replay them. */
function explored(name: string, config: Config) {
  return exploredSpace(new PackedSystem(builtInDesign(name)!, config), BOUNDS.statesMax);
}

/** The work of one row, returning what it counted; what it needs first is built untimed. */
function rowWork(kind: RowKind, name: string, config: Config): () => Counts {
  const design = builtInDesign(name)!;
  const counts = (r: Counts): Counts => ({ states: r.states, transitions: r.transitions });
  switch (kind) {
    case 'explorer': return () => counts(exploreWith(new PackedSystem(design, config), BOUNDS));
    case 'explorer, no liveness': return () => counts(exploreWith(new PackedSystem(design, config), { ...BOUNDS, only: SAFETY }));
    case 'dense bfs': return () => counts(denseBfs(new PackedSystem(design, config), BOUNDS.statesMax));
    case 'generation only': {
      const { system } = explored(name, config);
      const words = system.store.readRange(0, system.stateCount);
      const width = system.layout.words;
      return () => {
        let transitions = 0;
        for (let s = 0; s < system.stateCount; s += 1) system.generator.expand(words, s * width, () => { transitions += 1; });
        return { states: 0, transitions };
      };
    }
    case 'interning only': {
      const { system, depthOf } = explored(name, config);
      const levels = successorsByLevel(system, depthOf);
      const width = system.layout.words;
      return () => {
        const store = new StateStore(width);
        let transitions = 0;
        for (const level of levels) {
          for (let t = 0; t < level.length / width; t += 1) store.intern(level, t * width);
          transitions += level.length / width;
        }
        if (store.size < system.stateCount - 1) throw new Error(`interned ${store.size} distinct successors of ${system.stateCount} states`);
        return { states: 0, transitions };
      };
    }
  }
}

/** Timings per row: enough that a search of a tenth of a second runs warm and its median is steady. */
const timingsAt = (faultBudget: number) => (faultBudget >= 3 ? 3 : 15);

/** One row in this process: warm up on fault budget 1, then the timings. */
function measureRow(kind: RowKind, name: string, faultBudget: number): Timing {
  rowWork(kind, name, configFor(1))();
  const work = rowWork(kind, name, configFor(faultBudget));
  const timings = Array.from({ length: timingsAt(faultBudget) }, () => timed(work));
  return { states: timings[0]!.states, transitions: timings[0]!.transitions, cpuSeconds: median(timings.map((t) => t.cpuSeconds)), wallSeconds: median(timings.map((t) => t.wallSeconds)) };
}

const [flag, kindArg, nameArg, faultsArg] = process.argv.slice(2);
if (flag === '--row') {
  process.stdout.write(JSON.stringify(measureRow(kindArg as RowKind, nameArg!, Number(faultsArg))));
} else {
  const self = fileURLToPath(import.meta.url);
  const faultBudget = flag === '--faults' ? Number(kindArg) : 3;
  if (!Number.isInteger(faultBudget) || faultBudget < 1 || faultBudget > 4) throw new Error(`--faults takes 1 to 4, not ${kindArg}`);
  console.log(`packed explorer, 2 LPARs × 1 slot, fault budget ${faultBudget}, write budget 2; each row in its own process, median of ${timingsAt(faultBudget)}`);
  for (const name of DESIGNS) {
    const design = builtInDesign(name)!;
    console.log(`${design.id} ${name}`);
    for (const kind of ROWS) {
      const out = execFileSync(process.execPath, ['--import', 'tsx', self, '--row', kind, name, String(faultBudget)], { encoding: 'utf8', maxBuffer: 1 << 20 });
      const t = JSON.parse(out) as Timing;
      const cpuRate = t.transitions / t.cpuSeconds;
      const wallRate = t.transitions / t.wallSeconds;
      const states = t.states === 0 ? ''.padEnd(19) : `${fmt(t.states / t.wallSeconds).padStart(9)} states/s`;
      console.log(
        `  ${kind.padEnd(22)} ${fmt(t.transitions).padStart(10)} transitions  cpu ${fmt(t.cpuSeconds, 2).padStart(5)} s  ${states}  ${fmt(cpuRate).padStart(10)} /s cpu` +
        `  ${fmt(wallRate).padStart(10)} /s wall  ${fmt((100 * wallRate) / TARGET_PER_SECOND, 1).padStart(5)}% of 10 M/s`,
      );
    }
  }
}
