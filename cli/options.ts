import { accessSync, constants, existsSync, statfsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { configProblems, type Config } from '../model/index.ts';
import { CliError } from './errors.ts';

/** A whole number from an option, within bounds; otherwise SC002 naming the option. */
export function intOption(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new CliError('SC002', `--${name} is "${raw}"`, `give --${name} a whole number from ${min} to ${max}`);
  }
  return value;
}

/** `--threads`: threads exploring side by side, this one included; by default both cores (one on a one-core machine). */
export function threadsOption(raw: string | undefined): number {
  return intOption('threads', raw, Math.min(2, availableParallelism()), 1, 64);
}

export function configOption(config: Config): Config {
  const problems = configProblems(config);
  if (problems.length > 0) {
    const first = problems[0]!;
    throw new CliError('SC002', first.message, 'keep --lpars from 2 to 4 and --slots from 1 to 3');
  }
  return config;
}

/** The configuration options every command takes, with that command's default budgets. */
export interface ConfigOptions {
  readonly lpars?: string;
  readonly slots?: string;
  readonly faults?: string;
  readonly writes?: string;
}

export function configFromOptions(options: ConfigOptions, defaults: { readonly faults: number; readonly writes: number; readonly maxBudget: number }): Config {
  return configOption({
    lparCount: intOption('lpars', options.lpars, 2, 2, 4),
    slotCount: intOption('slots', options.slots, 1, 1, 3),
    faultBudget: intOption('faults', options.faults, defaults.faults, 0, defaults.maxBudget),
    writeBudget: intOption('writes', options.writes, defaults.writes, 0, defaults.maxBudget),
  });
}

/** File systems that only look like directories: the kernel's views (Linux statfs magic numbers), where nothing of ours can be written. */
const KERNEL_FILE_SYSTEMS = new Map<number, string>([[0x9fa0, 'proc'], [0x62656572, 'sysfs']]);

/**
 * A directory option (`--out`, `--dir`): where files will go (or, for `read`, where they are).
 * Refused before any work: empty (SC002); or (SC008) when it, or the nearest part of its path
 * that exists, is a file, or for writing is not writable or is on a kernel file system such as
 * /proc. Not created here (it is created when the first file is written), so bad input leaves
 * nothing behind.
 */
export function directoryOption(name: string, raw: string | undefined, fallback: string, use: 'write' | 'read' = 'write'): string {
  if (raw === '') throw new CliError('SC002', `--${name} is ""`, `give --${name} a directory (it is created if it does not exist); for the current directory, give --${name} .`);
  const dir = raw ?? fallback;
  let at = resolve(dir);
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at);
  const where = at === resolve(dir) ? `"${dir}"` : `"${at}" (in "${dir}")`;
  if (existsSync(at) && !statSync(at).isDirectory()) {
    throw new CliError('SC008', `--${name}: ${where} is a file, not a directory`, `give --${name} a directory (it is created if it does not exist)`);
  }
  if (use === 'read' || !existsSync(at)) return dir;
  const kernel = process.platform === 'linux' ? KERNEL_FILE_SYSTEMS.get(statfsSync(at).type) : undefined;
  if (kernel !== undefined) {
    throw new CliError('SC008', `--${name}: ${where} is on ${kernel}, a kernel file system where no output file can be written`, `give --${name} a directory on an ordinary file system, e.g. --${name} reports/out`);
  }
  try {
    accessSync(at, constants.W_OK | constants.X_OK);
  } catch (error) {
    throw new CliError('SC008', `--${name}: ${where} is not writable (${(error as NodeJS.ErrnoException).code ?? String(error)})`, `give --${name} a directory you can write to (it is created if it does not exist)`);
  }
  return dir;
}

/** A file option (`--junit FILE`): refused before any work if empty, a directory, or where no file can be written (its directory as `directoryOption` checks it). */
export function fileOption(name: string, raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (raw === '' || raw.endsWith('/')) throw new CliError('SC002', `--${name} is "${raw}"`, `give --${name} the path of a file to write, e.g. --${name} reports/out/junit.xml`);
  if (existsSync(raw) && statSync(raw).isDirectory()) throw new CliError('SC008', `--${name}: "${raw}" is a directory`, `give --${name} the path of a file, e.g. ${join(raw, 'junit.xml')}`);
  directoryOption(name, dirname(raw), '.');
  return raw;
}
