import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
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

/**
 * A directory option (`--out`, `--dir`): where files will go. Refused with SC008 before any work
 * if it, or the nearest part of its path that exists, is not a directory; not created here (it
 * is created when the first file is written), so bad input leaves nothing behind.
 */
export function directoryOption(name: string, raw: string | undefined, fallback: string): string {
  const dir = raw ?? fallback;
  let at = resolve(dir);
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at);
  if (existsSync(at) && !statSync(at).isDirectory()) {
    const what = at === resolve(dir) ? `"${dir}" is a file` : `"${at}" (in "${dir}") is a file`;
    throw new CliError('SC008', `--${name}: ${what}, not a directory`, `give --${name} a directory (it is created if it does not exist)`);
  }
  return dir;
}
