// The explorer at scale (issue 21): bytes per stored state as peak resident memory, and the time
// symmetry reduction saves. Measurement only: never asserted in a test.
// Run: npx tsx bench/scale.ts [--quick]        every row, each in a process of its own
//      npx tsx bench/scale.ts --row L S F W [--symmetry] [--safety] [--store compact]
//                                              one row here (what the parent runs)
//
// Rows (hardened, every property with liveness unless --safety):
//   3 × 2, faults 3, writes 2, --symmetry    the issue's memory row (12.4 M orbits)
//   4 × 2, faults 2, writes 2, with and without --symmetry: memory, and the time ratio
// --quick runs the same rows at one fault less (seconds, not minutes).
// Bytes per state = peak resident set size of the row's process (process.resourceUsage().maxRSS:
// everything, Node itself included) / stored states. A process of its own per row, so that the
// peak belongs to that search alone.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { builtInDesign, type Config } from '../model/index.ts';
import { CATALOGUE } from '../properties/catalogue.ts';
import { explore } from '../check/explore/index.ts';
import { PackedSystem } from '../check/explore/packed/system.ts';
import { StateStore } from '../check/explore/packed/store.ts';
import { PackedSymmetry } from '../check/explore/packed/symmetry.ts';
import { PackedMachine } from '../model/packed/machine.ts';
import * as R from '../model/packed/registers.ts';

const SAFETY = CATALOGUE.filter((p) => p.expect !== 'eventually').map((p) => p.id);
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

interface Row {
  readonly states: number;
  readonly transitions: number;
  readonly unreduced: number | null;
  readonly seconds: number;
  readonly peakBytes: number;
  readonly verdict: string;
  readonly omission: number | null;
}

function runRow(args: string[]): Row {
  const [l, s, f, w] = args.slice(0, 4).map(Number) as [number, number, number, number];
  const config: Config = { lparCount: l, slotCount: s, faultBudget: f, writeBudget: w };
  const symmetry = args.includes('--symmetry');
  const safety = args.includes('--safety');
  const compact = args.includes('compact');
  const t0 = performance.now();
  const report = explore({
    design: builtInDesign('hardened')!, config, symmetry, engine: 'packed', depthMax: 10_000, statesMax: 200_000_000, timeLimitMs: 3_600_000,
    ...(safety ? { only: SAFETY } : {}), ...(compact ? { store: 'compact' as const } : {}),
  } as Parameters<typeof explore>[0]);
  const seconds = (performance.now() - t0) / 1000;
  const store = (report as { store?: { kind: string; omissionProbability?: number } }).store;
  return {
    states: report.states, transitions: report.transitions, unreduced: report.unreduced?.states ?? null, seconds,
    peakBytes: process.resourceUsage().maxRSS * 1024, verdict: report.verdict, omission: store?.omissionProbability ?? null,
  };
}

function spawnRow(args: string[]): Row {
  const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--row', ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Row;
}

function describe(args: string[], row: Row): string {
  const [l, s, f, w] = args;
  const flags = args.slice(4).join(' ');
  return `  ${`${l} × ${s} f${f} w${w} ${flags}`.padEnd(34)} ${fmt(row.states).padStart(11)} states${row.unreduced === null ? '' : ` (${fmt(row.unreduced)} unreduced)`}` +
    `, ${fmt(row.transitions)} transitions, ${fmt(row.seconds, 1)} s, peak ${fmt(row.peakBytes / 2 ** 20)} MiB = ${fmt(row.peakBytes / row.states, 1)} B/state` +
    `${row.omission === null ? '' : `, P(omission) ≤ ${row.omission.toExponential(2)}`}, ${row.verdict}`;
}

/**
 * Canonicalising against interning, per state, over every state of a space (explored without
 * reduction): the search pays one canonicalisation per transition with --symmetry, on registers
 * it already has (the generator's), and one interning per transition either way. Rows: interning
 * each state's words into a fresh store (as the search does: most are new the first time, and
 * looked up again after), canonicalising each state (registers and words in, canonical words out).
 */
function canonicalRatio(config: Config) {
  const system = new PackedSystem(builtInDesign('hardened')!, config);
  system.initial();
  for (let head = 0; head < system.stateCount; head += 1) system.successors(head, () => {});
  const n = system.stateCount;
  const width = system.layout.words;
  const words = system.store.readRange(0, n);
  const machine = new PackedMachine(config, system.code, system.layout);
  const symmetry = new PackedSymmetry(config, system.layout);
  const out = new Int32Array(width);
  const one = new Int32Array(width);
  const timeNs = (work: () => void) => {
    const times: number[] = [];
    for (let r = 0; r < 7; r += 1) {
      const t0 = process.hrtime.bigint();
      work();
      times.push(Number(process.hrtime.bigint() - t0) / n);
    }
    return times.sort((a, b) => a - b)[3]!;
  };
  // Each loop reads the state's words (and registers) into one buffer, as the search has them
  // at hand, hot in the cache; the cost of that is timed alone and taken off.
  let sink = 0;
  const copy = (i: number) => { for (let k = 0; k < width; k += 1) one[k] = words[i * width + k]!; };
  const full = new StateStore(width);
  for (let i = 0; i < n; i += 1) full.intern(words, i * width);
  const copyNs = timeNs(() => { for (let i = 0; i < n; i += 1) { copy(i); sink += one[0]!; } });
  const insertNs = timeNs(() => {
    const store = new StateStore(width);
    for (let i = 0; i < n; i += 1) { copy(i); sink += store.intern(one); }
  }) - copyNs;
  const lookupNs = timeNs(() => { for (let i = 0; i < n; i += 1) { copy(i); sink += full.intern(one); } }) - copyNs;
  const loadNs = timeNs(() => { for (let i = 0; i < n; i += 1) { copy(i); machine.load(one, 0); sink += machine.b[3]!; } });
  const canonicalNs = timeNs(() => {
    for (let i = 0; i < n; i += 1) {
      copy(i);
      machine.load(one, 0);
      symmetry.canonicalize(machine.b, one, out);
      sink += out[0]! + symmetry.orbit;
    }
  }) - loadNs;
  if (sink === 42) console.log('');
  return { states: n, insertNs, lookupNs, canonicalNs, perInsert: canonicalNs / insertNs, perLookup: canonicalNs / lookupNs };
}

const argv = process.argv.slice(2);
if (argv[0] === '--canonical') {
  const [l, s, f, w] = argv.slice(1, 5).map(Number) as [number, number, number, number];
  const r = canonicalRatio({ lparCount: l, slotCount: s, faultBudget: f, writeBudget: w });
  console.log(JSON.stringify(r));
} else if (argv[0] === '--row') {
  console.log(JSON.stringify(runRow(argv.slice(1))));
} else {
  const quick = argv.includes('--quick');
  const less = quick ? 1 : 0;
  const memoryRow = ['3', '2', String(3 - less), '2', '--symmetry'];
  const plain = ['4', '2', String(2 - less), '2'];
  const reduced = [...plain, '--symmetry'];
  console.log(`hardened, every property with liveness; one process per row (${new Date().toISOString().slice(0, 10)})`);
  const rows: [string[], Row][] = [];
  for (const args of [memoryRow, plain, reduced]) {
    const row = spawnRow(args);
    rows.push([args, row]);
    console.log(describe(args, row));
  }
  const [, p] = rows[1]!;
  const [, r] = rows[2]!;
  console.log(`  symmetry at 4 × 2: ${fmt(r.seconds, 1)} s against ${fmt(p.seconds, 1)} s without: ×${fmt(r.seconds / p.seconds, 2)} the time (target ≤ 0.33)`);
}
