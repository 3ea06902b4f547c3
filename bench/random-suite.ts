// End-to-end throughput of the random suite on a fixed seed: generation + model + emulator +
// invariant checks, commands per second on one core. Measurement only: never asserted in a test.
// Run: npx tsx bench/random-suite.ts [runs]
//
// Each row is the median of three timings of the same seeded suite (the machine is shared, so
// single timings vary by ±15%). "CPU" counts the process's CPU time, the garbage collector's
// helper threads included, so it is the stricter of the two rates; "wall" is elapsed time.
import { builtInDesign, type Config } from '../model/index.ts';
import { emulatorSubject } from '../properties/conformance/subject.ts';
import { DEFAULT_SUITE, runSuite, type SuiteOptions } from '../properties/random/suite.ts';

const runs = Number(process.argv[2] ?? 8000);
const referenceRuns = Math.max(1, Math.round(runs / 8));
const config: Config = { lparCount: 2, slotCount: 1, faultBudget: 4, writeBudget: 3 };

interface Timing {
  readonly commands: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly verdict: string;
}

function time(options: SuiteOptions): Timing {
  const started = process.cpuUsage();
  const t0 = performance.now();
  const report = runSuite(options);
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(started);
  return { commands: report.commandsExecuted, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, verdict: report.verdict };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// Warm the JIT up first, so the first measured row is not paying for it.
const hardened = builtInDesign('hardened')!;
time({ ...DEFAULT_SUITE, design: hardened, config, seed: 99, runs: 2000, subject: () => emulatorSubject(config, hardened) });

const rows: string[] = [];
for (const engine of ['packed', 'reference'] as const) {
  for (const name of ['hardened', 'patent-lpar-a']) {
    const design = builtInDesign(name)!;
    for (const withEmulator of [false, true]) {
      const options: SuiteOptions = {
        ...DEFAULT_SUITE, design, config, seed: 1, engine, runs: engine === 'packed' ? runs : referenceRuns,
        ...(withEmulator ? { subject: () => emulatorSubject(config, design) } : {}),
      };
      const timings = Array.from({ length: engine === 'packed' ? 3 : 1 }, () => time(options));
      const { commands, verdict } = timings[0]!;
      const cpuRate = median(timings.map((t) => commands / t.cpuMs * 1000));
      const wallRate = median(timings.map((t) => commands / t.wallMs * 1000));
      rows.push([
        engine.padEnd(9), name.padEnd(14), (withEmulator ? 'model+emulator' : 'model only').padEnd(15),
        `${String(commands).padStart(7)} commands`, `${Math.round(cpuRate).toString().padStart(7)} /s CPU`,
        `${Math.round(wallRate).toString().padStart(7)} /s wall`, `verdict ${verdict}`,
      ].join('  '));
    }
  }
}
console.log(`random suite, seed 1, ${runs} runs (reference engine: ${referenceRuns}), ${config.lparCount} LPARs × ${config.slotCount} slot, fault budget ${config.faultBudget}`);
console.log(rows.join('\n'));
console.log('note: patent-lpar-a drops each property once it fails, and re-runs; its rate includes shrinking.');
