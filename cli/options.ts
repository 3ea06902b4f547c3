import { availableParallelism } from 'node:os';
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
