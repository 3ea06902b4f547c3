// End-to-end throughput of the random suite on a fixed seed: generation + model + emulator +
// invariant checks, commands per second on one core. Measurement only: never asserted in a test.
// Run: npx tsx bench/random-suite.ts [runs]
import { builtInDesign, type Config } from '../model/index.ts';
import { emulatorSubject } from '../properties/conformance/subject.ts';
import { DEFAULT_SUITE, runSuite } from '../properties/random/suite.ts';

const runs = Number(process.argv[2] ?? 2000);
const config: Config = { lparCount: 2, slotCount: 1, faultBudget: 4, writeBudget: 3 };
const rows: string[] = [];
// Warm the JIT up first, so the first measured row is not paying for it.
runSuite({ ...DEFAULT_SUITE, design: builtInDesign('hardened')!, config, seed: 99, runs: 300, subject: () => emulatorSubject(config, builtInDesign('hardened')!) });
for (const name of ['hardened', 'patent-lpar-a']) {
  const design = builtInDesign(name)!;
  for (const withEmulator of [false, true]) {
    const started = process.cpuUsage();
    const t0 = performance.now();
    const r = runSuite({ ...DEFAULT_SUITE, design, config, seed: 1, runs, ...(withEmulator ? { subject: () => emulatorSubject(config, design) } : {}) });
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(started);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    rows.push(`${name.padEnd(15)} ${(withEmulator ? 'model+emulator' : 'model only').padEnd(15)} ${String(r.commandsExecuted).padStart(8)} commands  ${wallMs.toFixed(0).padStart(6)} ms wall  ${Math.round(r.commandsExecuted / cpuMs * 1000).toString().padStart(7)} commands/s (CPU time)  verdict ${r.verdict}`);
  }
}
console.log(`random suite, seed 1, ${runs} runs, ${config.lparCount} LPARs × ${config.slotCount} slot, fault budget ${config.faultBudget}\n${rows.join('\n')}`);
console.log('note: patent-lpar-a drops each property once it fails, and re-runs; its rate includes shrinking.');
