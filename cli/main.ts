import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { canonicalJson } from '../reports/canonical-json.ts';
import { TOOL_VERSION } from '../reports/version.ts';
import { CliError, EXIT, type ExitCode } from './errors.ts';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** An option that takes one value: given twice, it is an error rather than a silent last-one-wins. */
function once(value: string, previous: string | undefined): string {
  if (previous !== undefined) throw new InvalidArgumentError(`given twice (${previous}, then ${value}); give it once`);
  return value;
}

function program(setExit: (code: ExitCode) => void): Command {
  const root = new Command('slotcheck')
    .description('Verify a protocol for sharing one single-port PCI device among logical partitions')
    .version(TOOL_VERSION)
    .exitOverride()
    .showHelpAfterError(false)
    .configureOutput({ writeErr: () => {} });

  root.command('run')
    .description('random property runs of commands and faults on each design; a row per property, and the command kinds never accepted')
    .option('--design <name>', 'a built-in design, or a design file (repeatable; default: every built-in design)', collect)
    .option('--lpars <n>', 'LPARs, 2–4 (default 2)', once)
    .option('--slots <n>', 'PCI slots, 1–3 (default 1)', once)
    .option('--runs <n>', 'random runs per design (default 200)', once)
    .option('--seed <s>', 'seed of the random runs (default 1)', once)
    .option('--max-commands <n>', 'generated commands per run, at most (default 60)', once)
    .option('--faults <k>', 'faults and directly issued control commands per run, at most (default 4)', once)
    .option('--writes <w>', 'client writes per run, at most (default 3)', once)
    .option('--json', 'print the summary as JSON')
    .option('--out <dir>', 'where to write the summary, traces and report.html, under run/ (default reports/out)', once)
    .option('--junit <file>', 'also write JUnit XML: a test suite per design, a test case per property', once)
    .option('--model-only', 'run the model alone, without the emulator and the conformance check')
    .option('--engine <name>', 'packed (default: the fast equivalent of the model) or reference (the immer model itself); same results', once)
    .option('--shard <i/N>', 'run only shard i of N (1-based: 1/3, 2/3, 3/3) of the designs, into a shard-i-of-N folder; `slotcheck merge` makes the whole run', once)
    .addOption(new Option('--planted-bug <name>', 'test-only: plant a defect in the emulator').hideHelp())
    .action(async (opts) => setExit(await (await import('./commands/run.ts')).runCommand(opts)));

  root.command('explore')
    .description('explore every reachable state within the bounds; shortest counterexamples, fair lassos, witnesses, the command kinds never taken')
    .option('--design <name>', 'a built-in design, or a design file (repeatable; default: every built-in design)', collect)
    .option('--lpars <n>', 'LPARs, 2–4 (default 2)', once)
    .option('--slots <n>', 'PCI slots, 1–3 (default 1)', once)
    .option('--faults <k>', 'faults and directly issued control commands on any path, at most (default 2)', once)
    .option('--writes <w>', 'client writes on any path, at most (default 2)', once)
    .option('--depth <d>', 'longest path explored (a bound: reaching it is inconclusive; default 10000)', once)
    .option('--states-max <n>', 'distinct states stored at most (a bound; default 20000000)', once)
    .option('--time-limit <s>', 'seconds of search at most (a bound; default 600)', once)
    .option('--symmetry', 'merge states that differ only by renaming standby LPARs (either engine; same verdicts)')
    .option('--engine <name>', 'packed (default: the fast equivalent of the model) or reference (the immer model itself)', once)
    .option('--store <kind>', 'exact (default: every state kept) or compact (a 64-bit fingerprint per state, as SPIN -DHC: far less memory, every verdict PROBABILISTIC, liveness not checked)', once)
    .option('--only <ids>', 'comma-separated property ids to check', once)
    .option('--threads <n>', 'threads exploring designs side by side (default 2, or 1 on a one-core machine; 1: all in this thread); same results', once)
    .option('--search-threads <n>', 'threads on each design\'s search (default: --threads over the designs, at least 1; 1 with --engine reference or --store compact): workers expand each breadth-first level (packed engine, exact store); same results', once)
    .option('--json', 'print the summary as JSON')
    .option('--out <dir>', 'where to write the summary, traces and report.html, under explore/ (default reports/out)', once)
    .option('--junit <file>', 'also write JUnit XML: a test suite per design, a test case per property', once)
    .action(async (opts) => setExit(await (await import('./commands/explore.ts')).exploreCommand(opts)));

  root.command('certify')
    .description('certify a design before it changes: exhaustive and random checks, then a byte-reproducible certificate')
    .option('--design <name>', 'a built-in design, or a design file (repeatable; default: every built-in design)', collect)
    .option('--check', 'recompute every committed certificate; fail when one no longer matches its design or the tool')
    .option('--full', 'with --check: recompute also the explorations a plan marks `recheck: full` (otherwise taken from the certificate)')
    .option('--dir <dir>', 'where certificates live (default reports/certificates)', once)
    .option('--out <dir>', 'where the summary, counterexample traces and report.html go, under certify/ (default reports/out)', once)
    .option('--json', 'print the result as JSON: per design its verdict, properties and certificate')
    .option('--junit <file>', 'also write JUnit XML: a test suite per design, a test case per property', once)
    .option('--shard <i/N>', 'run only shard i of N (1-based: 1/3, 2/3, 3/3) of the designs (certificates still go to --dir), into a shard-i-of-N folder; `slotcheck merge` makes the whole run', once)
    .option('--threads <n>', 'threads checking a certified design\'s mutants side by side (default 2, or 1 on a one-core machine); same results', once)
    .action(async (opts) => setExit(await (await import('./commands/certify.ts')).certifyCommand(opts)));

  root.command('sweep')
    .description('every ordering of the fail-over script on a base design, explored: a table ordering × property')
    .option('--design <name>', 'the base design, built-in or a file (default patent-lpar-a)', once)
    .option('--lpars <n>', 'LPARs, 2–4 (default 2)', once)
    .option('--slots <n>', 'PCI slots, 1–3 (default 1)', once)
    .option('--faults <k>', 'faults and direct control commands on any path (default 1)', once)
    .option('--writes <w>', 'client writes on any path (default 1)', once)
    .option('--states-max <n>', 'distinct states per exploration at most (a bound; default 2000000)', once)
    .option('--limit <n>', 'explore only the first n orderings (default: every ordering)', once)
    .option('--threads <n>', 'threads exploring orderings side by side (default 2, or 1 on a one-core machine; 1: all in this thread); same results', once)
    .option('--json', 'print the table as JSON')
    .option('--out <dir>', 'where to write the table, traces and report.html, under sweep/<design>-<bound>/ (default reports/out)', once)
    .option('--shard <i/N>', 'run only shard i of N (1-based: 1/3, 2/3, 3/3) of the orderings, into a shard-i-of-N folder; `slotcheck merge` makes the whole run', once)
    .action(async (opts) => setExit(await (await import('./commands/sweep.ts')).sweepCommand(opts)));

  root.command('mutate')
    .description('every single-decision variant of a design, checked by the explorer and random runs: a kill matrix and the mutation score of the catalogue')
    .option('--design <name>', 'the base design, built-in or a file (default hardened)', once)
    .option('--lpars <n>', 'LPARs, 2–4 (default 2)', once)
    .option('--slots <n>', 'PCI slots, 1–3 (default 1)', once)
    .option('--faults <k>', 'faults and direct control commands on any path (default 2)', once)
    .option('--writes <w>', 'client writes on any path (default 2)', once)
    .option('--runs <n>', 'random runs per mutant (default 200)', once)
    .option('--threads <n>', 'threads checking mutants side by side (default 2, or 1 on a one-core machine)', once)
    .option('--json', 'print the result as JSON')
    .option('--out <dir>', 'where the kill matrix, summary, traces and report.html go, under mutate/<design>-<bound>/ (default reports/out)', once)
    .option('--junit <file>', 'also write JUnit XML: a test suite per mutant, a test case per property that kills it; a survivor is a failure', once)
    .option('--shard <i/N>', 'run only shard i of N (1-based: 1/3, 2/3, 3/3) of the mutants (the base is checked in every shard), into a shard-i-of-N folder; `slotcheck merge` makes the whole run', once)
    .action(async (opts) => setExit(await (await import('./commands/mutate.ts')).mutateCommand(opts)));

  root.command('merge')
    .description('combine the folders of `--shard i/N` runs (run, certify, sweep, mutate) into the summary, traces, reports and exit code of the whole run')
    .argument('<dir...>', 'the shard folders (…/shard-i-of-N/), or folders holding them: all N of one run')
    .option('--out <dir>', 'where the merged folder goes, as the command\'s --out (default reports/out)', once)
    .option('--dir <dir>', 'certify: where certificates go (default reports/certificates)', once)
    .option('--junit <file>', 'also write JUnit XML, as the command\'s --junit (run, certify, mutate)', once)
    .option('--json', 'print the merged result as JSON, as the command\'s --json')
    .action(async (dirs, opts) => setExit(await (await import('./commands/merge.ts')).mergeCommand(dirs, opts)));

  root.command('replay')
    .description('re-execute a counterexample trace; exit 1 if its property is still violated, 0 if not')
    .argument('<file>', 'a trace file (ITF JSON) written by run or explore')
    .option('--design <name>', 'replay the commands against another design (built-in name or design file)', once)
    .option('--quiet', 'do not print what each step changed')
    .option('--json', 'print the verdict as JSON')
    .option('--emit-test <file>', 'also write a vitest test (*.test.ts) that replays this trace and asserts its verdict', once)
    .option('--expect <verdict>', 'with --emit-test: violated (pin a finding) or holds (pin a fix); default: the verdict now', once)
    .option('--import-from <module>', 'with --emit-test: the module the test imports replay from (default slotcheck; in this repository a path to index.ts)', once)
    .action(async (file, opts) => setExit(await (await import('./commands/replay.ts')).replayCommand(file, opts)));

  root.command('scenario')
    .description('run a scenario file: its commands on a design, every property checked after every step, its expectations judged; exit 1 if one does not hold')
    .argument('<file>', 'a scenario file (JSON): a design, a configuration, commands and what must hold (see examples/scenarios/)')
    .option('--design <name>', 'run the commands on another design (built-in name or design file) instead of the one the file names', once)
    .option('--quiet', 'do not print what each step changed')
    .option('--json', 'print the result as JSON')
    .action(async (file, opts) => setExit(await (await import('./commands/scenario.ts')).scenarioCommand(file, opts)));

  root.command('report')
    .description('write report.html and report.md again for a folder a command wrote (run, explore, certify, sweep, mutate: its summary and traces)')
    .argument('<dir>', 'a command\'s folder, such as reports/out/run')
    .action(async (dir) => setExit(await (await import('./commands/report.ts')).reportCommand(dir)));

  return root;
}

/** Run the CLI; returns the exit code. Usage errors and bad input exit 2 with a coded message. */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode: ExitCode = EXIT.holds;
  const cli = program((code) => { exitCode = code; });
  if (argv.length === 0) {
    process.stderr.write(`${cli.helpInformation()}\n${new CliError('SC001', 'no command given', 'run a command, e.g. `npx slotcheck run` (the main job) or `npx slotcheck explore`').render()}\n`);
    return EXIT.badInput;
  }
  try {
    await cli.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.holds;
      const message = error.message.replace(/^error: /, '');
      return badInput(new CliError('SC001', message, 'run `npx slotcheck --help` (or `npx slotcheck <command> --help`) for the commands and options'), argv);
    }
    if (error instanceof CliError) return badInput(error, argv);
    const written = writeFailure(error);
    if (written !== null) return badInput(written, argv);
    throw error;
  }
}

/** Report bad input on stderr; with --json, also as JSON on stdout, where a script reads the result (nothing else was printed there yet). */
function badInput(error: CliError, argv: readonly string[]): ExitCode {
  process.stderr.write(`${error.render()}\n`);
  if (argv.includes('--json')) process.stdout.write(canonicalJson({ error: { code: error.code, message: error.message, fix: error.fix }, exitCode: EXIT.badInput }));
  return EXIT.badInput;
}

/** A file or directory that could not be written (a file where a directory must go, no permission, a full disk): SC008. */
function writeFailure(error: unknown): CliError | null {
  if (!(error instanceof Error)) return null;
  const { code, syscall, path } = error as NodeJS.ErrnoException;
  if (code === undefined || !['mkdir', 'open', 'write', 'rename'].includes(syscall ?? '')) return null;
  return new CliError('SC008', `cannot write "${path ?? '?'}" (${code} in ${syscall})`, 'give --out (and --dir) directories you can write to, with no file where a directory must go; this command wrote none of its output files');
}
