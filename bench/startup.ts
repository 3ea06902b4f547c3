// Start-up time of the installed command, `slotcheck --help`: the compiled CLI (dist/, what the bin
// runs) against the sources loaded through tsx (what the bin ran before the package was compiled).
// Measurement only: never asserted in a test. Run: npx tsx bench/startup.ts [runs=21]
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 21);

function wallMs(args: readonly string[]): number {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

function summary(label: string, args: readonly string[]): number {
  wallMs(args); // warm the file cache
  const times = Array.from({ length: runs }, () => wallMs(args)).sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(`${label.padEnd(44)} median ${median.toFixed(0).padStart(5)} ms  min ${times[0]!.toFixed(0).padStart(5)}  max ${times.at(-1)!.toFixed(0).padStart(5)}  (${runs} runs)`);
  return median;
}

console.log(`slotcheck --help start-up, wall time of a whole process (node ${process.version})`);
const bare = summary('node -e 0 (the floor)', ['-e', '0']);
const compiled = summary('bin/slotcheck.js --help (compiled dist/)', [join('bin', 'slotcheck.js'), '--help']);
const sources = summary('cli/main.ts --help through tsx', ['--import', 'tsx', '-e', "const { main } = await import('./cli/main.ts'); process.exitCode = await main(['--help']);"]);
console.log(`compiled / tsx: ${(compiled / sources).toFixed(2)}; compiled minus bare node: ${(compiled - bare).toFixed(0)} ms`);
