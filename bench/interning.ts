// Interning, the explorer's other fixed cost, two ways, on DSN-02 at fault budget 3 (1,064,977
// states, 5,388,630 transitions). Measurement only: never asserted in a test.
// Run: npx tsx bench/interning.ts
//
//   one table      every successor, in BFS order, looked up in one StateStore as the search does
//   partitioned    duplicate detection delayed to the end of each BFS level: the level's
//                  successors are hashed, gathered by the store hash's low bits into 256 partitions,
//                  and each partition is looked up in its own, smaller StateStore (the way
//                  external-memory and "structured" duplicate detection trade random accesses for
//                  sequential ones). Ids would still have to be renumbered in BFS order; not done here.
//   in C           the first, in C (bench/interning-floor.c, gcc -O2, the fastest of three rounds):
//                  what any implementation of this search pays at least here, one lookup per
//                  transition. Skipped, saying so, where gcc is missing.
// All find the same number of distinct states. The questions: whether the second is enough faster
// to be worth the explorer's rewrite into level-synchronous form, and how far JavaScript is from C.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtInDesign } from '../model/index.ts';
import { hashWords, StateStore } from '../check/explore/packed/store.ts';
import { PackedSystem } from '../check/explore/packed/system.ts';
import { exploredSpace, successorsByLevel } from './successors.ts';

const PARTITION_BITS = 8;
const PARTITIONS = 1 << PARTITION_BITS;
const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });

function cpuMs(work: () => number): { ms: number; distinct: number } {
  const cpu0 = process.cpuUsage();
  const distinct = work();
  const cpu = process.cpuUsage(cpu0);
  return { ms: (cpu.user + cpu.system) / 1000, distinct };
}

function oneTable(levels: readonly Int32Array[], width: number): number {
  const store = new StateStore(width);
  for (const level of levels) for (let t = 0; t < level.length / width; t += 1) store.intern(level, t * width);
  return store.size;
}

function partitioned(levels: readonly Int32Array[], width: number): number {
  const stores = Array.from({ length: PARTITIONS }, () => new StateStore(width, 64));
  let distinct = 0;
  for (const level of levels) {
    const n = level.length / width;
    const hashes = new Int32Array(n);
    const start = new Int32Array(PARTITIONS + 1);
    for (let t = 0; t < n; t += 1) {
      hashes[t] = hashWords(level, t * width, width);
      start[(hashes[t]! & (PARTITIONS - 1)) + 1]! += 1;
    }
    for (let p = 0; p < PARTITIONS; p += 1) start[p + 1]! += start[p]!;
    const fill = start.slice(0, PARTITIONS);
    const gathered = new Int32Array(n * width);
    for (let t = 0; t < n; t += 1) {
      const at = fill[hashes[t]! & (PARTITIONS - 1)]!++;
      for (let i = 0; i < width; i += 1) gathered[at * width + i] = level[t * width + i]!;
    }
    for (let p = 0; p < PARTITIONS; p += 1) {
      const store = stores[p]!;
      for (let k = start[p]!; k < start[p + 1]!; k += 1) {
        store.intern(gathered, k * width);
        if (store.lastWasNew) distinct += 1;
      }
    }
  }
  return distinct;
}

/** The one-table lookups in C; null (and why) when it cannot be compiled here. */
function inC(levels: readonly Int32Array[], width: number): { ns: number; distinct: number } | string {
  const dir = mkdtempSync(join(tmpdir(), 'slotcheck-interning-'));
  try {
    const binary = join(dir, 'interning-floor');
    try {
      execFileSync('gcc', ['-O2', '-o', binary, fileURLToPath(new URL('./interning-floor.c', import.meta.url))], { stdio: 'pipe' });
    } catch {
      return 'skipped: gcc is not installed (apt-get install gcc)';
    }
    const file = join(dir, 'successors.bin');
    const all = new Int32Array(levels.reduce((n, l) => n + l.length, 0));
    let at = 0;
    for (const level of levels) {
      all.set(level, at);
      at += level.length;
    }
    writeFileSync(file, all);
    const [distinct, , ns] = execFileSync(binary, [file, String(width)], { encoding: 'utf8' }).trim().split(' ').map(Number);
    return { ns: ns!, distinct: distinct! };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const { system, depthOf } = exploredSpace(new PackedSystem(builtInDesign('patent-lpar-b')!, { lparCount: 2, slotCount: 1, faultBudget: 3, writeBudget: 2 }), 5_000_000);
const levels = successorsByLevel(system, depthOf);
const width = system.layout.words;
const transitions = levels.reduce((sum, level) => sum + level.length / width, 0);
console.log(`DSN-02, 2 × 1, fault budget 3: ${fmt(system.stateCount)} states, ${fmt(transitions)} transitions in ${levels.length} levels; CPU ns per transition, three rounds`);
for (let round = 1; round <= 3; round += 1) {
  const one = cpuMs(() => oneTable(levels, width));
  const parts = cpuMs(() => partitioned(levels, width));
  if (one.distinct !== parts.distinct) throw new Error(`the two ways disagree: ${one.distinct} and ${parts.distinct} distinct states`);
  console.log(`  round ${round}: one table ${fmt((one.ms * 1e6) / transitions)} ns, partitioned by level (${PARTITIONS} parts) ${fmt((parts.ms * 1e6) / transitions)} ns; ${fmt(one.distinct)} distinct`);
}
const c = inC(levels, width);
if (typeof c === 'string') console.log(`  in C: ${c}`);
else {
  if (c.distinct !== system.stateCount) throw new Error(`C found ${c.distinct} distinct states, the explorer ${system.stateCount}`);
  console.log(`  in C (gcc -O2, fastest of three): one table ${c.ns.toFixed(1)} ns per transition, ${fmt(1000 / c.ns)} M transitions/s; ${fmt(c.distinct)} distinct`);
}
