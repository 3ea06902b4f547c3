// End-to-end throughput of the random suite on a fixed seed: generation + model + emulator +
// invariant checks, commands per second on one core. Measurement only: never asserted in a test.
// Run: npx tsx bench/random-suite.ts [runs]
//
// Each row runs in its own process (as `slotcheck run` runs one suite), warms up, then times the
// same seeded suite five times and prints the median. "CPU" counts the process's CPU time, the
// garbage collector's helper threads included, so it is the stricter rate; "wall" is elapsed
// time, the JavaScript itself running on one thread. The machine is shared: whole invocations
// vary by up to a third, so compare rows of one invocation.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { builtInDesign, type Config } from '../model/index.ts';
import { emulatorSubject } from '../check/conformance/subject.ts';
import { runSuite, type SuiteOptions } from '../check/random/suite.ts';
import { DEFAULT_SUITE } from '../check/random/suite-report.ts';

const config: Config = { lparCount: 2, slotCount: 1, faultBudget: 4, writeBudget: 3 };

interface Row {
  readonly commands: number;
  readonly cpuRate: number;
  readonly wallRate: number;
  readonly verdict: string;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** One row, in this process: warm up on another seed, then five timings. */
function measureRow(engine: 'packed' | 'reference', name: string, withEmulator: boolean, runs: number): Row {
  const design = builtInDesign(name)!;
  const options = (seed: number, n: number): SuiteOptions => ({
    ...DEFAULT_SUITE, design, config, seed, engine, runs: n,
    ...(withEmulator ? { subject: () => emulatorSubject(config, design) } : {}),
  });
  runSuite(options(99, Math.max(1, Math.round(runs / 4))));
  const timings = Array.from({ length: 5 }, () => {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const report = runSuite(options(1, runs));
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    return { report, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
  });
  const commands = timings[0]!.report.commandsExecuted;
  return {
    commands, verdict: timings[0]!.report.verdict,
    cpuRate: median(timings.map((t) => (commands / t.cpuMs) * 1000)),
    wallRate: median(timings.map((t) => (commands / t.wallMs) * 1000)),
  };
}

const [flag, engineArg, nameArg, emulatorArg, runsArg] = process.argv.slice(2);
if (flag === '--row') {
  process.stdout.write(JSON.stringify(measureRow(engineArg as 'packed' | 'reference', nameArg!, emulatorArg === 'emulator', Number(runsArg))));
} else {
  const runs = Number(flag ?? 8000);
  const referenceRuns = Math.max(1, Math.round(runs / 8));
  const self = fileURLToPath(import.meta.url);
  console.log(`random suite, seed 1, ${runs} runs (reference engine: ${referenceRuns}), ${config.lparCount} LPARs × ${config.slotCount} slot, fault budget ${config.faultBudget}; median of 5`);
  for (const engine of ['packed', 'reference'] as const) {
    for (const name of ['hardened', 'patent-lpar-a']) {
      for (const emulator of ['model-only', 'emulator']) {
        const n = engine === 'packed' ? runs : referenceRuns;
        const out = execFileSync(process.execPath, ['--import', 'tsx', self, '--row', engine, name, emulator, String(n)], { encoding: 'utf8' });
        const row = JSON.parse(out) as Row;
        console.log([
          engine.padEnd(9), name.padEnd(14), (emulator === 'emulator' ? 'model+emulator' : 'model only').padEnd(15),
          `${String(row.commands).padStart(7)} commands`, `${Math.round(row.cpuRate).toString().padStart(7)} /s CPU`,
          `${Math.round(row.wallRate).toString().padStart(7)} /s wall`, `verdict ${row.verdict}`,
        ].join('  '));
      }
    }
  }
  console.log('note: patent-lpar-a drops each property once it fails, and re-runs; its rate includes shrinking.');
}
