// Hash compaction (`explore --store compact`, issue 21): bytes per stored state, exact against
// compact, and the largest configuration compact completes here. Measurement only: never asserted.
// Run: npx tsx bench/compact.ts [--quick]        the fixed rows, each in a process of its own
//      npx tsx bench/compact.ts --row L S F W [--symmetry] [--safety] [--store compact]
//                                               one row here (what the parent runs)
//
// Rows (design hardened, packed engine):
//   3 × 2, faults 3, writes 2, --symmetry: exact with every property (liveness keeps the graph);
//     exact with invariants and witnesses only (what compact checks); compact
//   4 × 3, faults 2, writes 2, --symmetry: compact, with a time limit of 600 s (the issue's aim)
// --quick: the 3 × 2 rows at one fault less, and 4 × 2 f2 w2 --symmetry compact.
// Bytes per state = peak resident set size of the row's process (process.resourceUsage().maxRSS:
// everything, Node itself included) / stored states. A compact row also gives what its own tables
// hold at the end (fingerprint set, parents and commands, the two level queues), from the search.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { builtInDesign, type Config } from '../model/index.ts';
import { CATALOGUE } from '../properties/catalogue.ts';
import { explore } from '../check/explore/index.ts';
import { searchCompact } from '../check/explore/compact/search.ts';
import { omissionProbability } from '../check/explore/compact/omission.ts';
import { planForDesign } from '../check/explore/search-plan.ts';

const SAFETY = CATALOGUE.filter((p) => p.expect !== 'eventually').map((p) => p.id);
const TIME_LIMIT_MS = 600_000;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

interface Row {
  readonly states: number;
  readonly transitions: number;
  readonly seconds: number;
  readonly peakBytes: number;
  readonly verdict: string;
  readonly boundHit: string | null;
  /** Compact rows: the omission probability, and bytes per state in each table at the end. */
  readonly omission: number | null;
  readonly tables: { readonly fingerprints: number; readonly paths: number; readonly levels: number } | null;
}

function runRow(args: string[]): Row {
  const [l, s, f, w] = args.slice(0, 4).map(Number) as [number, number, number, number];
  const config: Config = { lparCount: l, slotCount: s, faultBudget: f, writeBudget: w };
  const symmetry = args.includes('--symmetry');
  const only = args.includes('--safety') ? { only: SAFETY } : {};
  const options = { design: builtInDesign('hardened')!, config, symmetry, engine: 'packed' as const, depthMax: 10_000, statesMax: 2_000_000_000, timeLimitMs: TIME_LIMIT_MS, ...only };
  const t0 = performance.now();
  if (!args.includes('compact')) {
    const report = explore(options);
    const seconds = (performance.now() - t0) / 1000;
    return { states: report.states, transitions: report.transitions, seconds, peakBytes: process.resourceUsage().maxRSS * 1024, verdict: report.verdict, boundHit: report.boundHit?.bound ?? null, omission: null, tables: null };
  }
  // The search alone (the report recomputes a few short paths: nothing to memory or time).
  const search = searchCompact({ design: options.design, config, symmetry, fingerprintBits: 64, plan: planForDesign(options.design, options) }, options, () => performance.now());
  const seconds = (performance.now() - t0) / 1000;
  const n = search.paths.size;
  return {
    states: n, transitions: search.transitions, seconds, peakBytes: process.resourceUsage().maxRSS * 1024, verdict: search.violations.size > 0 ? 'counterexample' : 'no violation',
    boundHit: search.boundHit?.bound ?? null, omission: omissionProbability(n, 64),
    tables: { fingerprints: search.bytes.fingerprints / n, paths: search.bytes.paths / n, levels: search.bytes.levels / n },
  };
}

function spawnRow(args: string[]): Row {
  const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--row', ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Row;
}

function describe(args: string[], row: Row): string {
  const [l, s, f, w] = args;
  const flags = args.slice(4).join(' ');
  const tables = row.tables === null ? '' : ` (tables: fingerprints ${fmt(row.tables.fingerprints, 1)} + paths ${fmt(row.tables.paths, 1)} + levels ${fmt(row.tables.levels, 1)} B/state)`;
  return `  ${`${l} × ${s} f${f} w${w} ${flags}`.padEnd(44)} ${fmt(row.states).padStart(12)} states, ${fmt(row.transitions)} transitions, ${fmt(row.seconds, 1)} s, ` +
    `peak ${fmt(row.peakBytes / 2 ** 20)} MiB = ${fmt(row.peakBytes / row.states, 1)} B/state${tables}` +
    `${row.omission === null ? '' : `, P(a state was missed) ≤ ${row.omission.toExponential(1)}`}, ${row.verdict}${row.boundHit === null ? '' : `, bound hit: ${row.boundHit}`}`;
}

const argv = process.argv.slice(2);
if (argv[0] === '--row') {
  console.log(JSON.stringify(runRow(argv.slice(1))));
} else {
  const quick = argv.includes('--quick');
  const memory = ['3', '2', quick ? '2' : '3', '2', '--symmetry'];
  const rows = [[...memory], [...memory, '--safety'], [...memory, '--store', 'compact'], [...(quick ? ['4', '2'] : ['4', '3']), '2', '2', '--symmetry', '--store', 'compact']];
  console.log(`hardened, packed engine; one process per row (${new Date().toISOString().slice(0, 10)}); time limit ${TIME_LIMIT_MS / 1000} s per row`);
  const done: Row[] = [];
  for (const args of rows) {
    const row = spawnRow(args);
    done.push(row);
    console.log(describe(args, row));
  }
  const [all, safety, compact] = done as [Row, Row, Row];
  const perState = (r: Row) => r.peakBytes / r.states;
  console.log(`  compact / exact (every property) at the memory row: ×${fmt(perState(compact) / perState(all), 2)} bytes per state; / exact (invariants and witnesses): ×${fmt(perState(compact) / perState(safety), 2)}`);
}
