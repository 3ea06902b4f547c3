import { MAX_LPARS, MAX_SLOTS } from './ids.ts';

/**
 * The size of the machine and the bounds of a run: how many LPARs and slots, and how many
 * perturbations (faults and directly issued control commands) and client writes may happen.
 * Separate from the design, which says how the machine behaves.
 */
export interface Config {
  readonly lparCount: number;
  readonly slotCount: number;
  /** Faults (FLT-*) plus control commands issued outside the clustering script. */
  readonly faultBudget: number;
  /** Client writes the service may receive in one run; bounds the disk's write ids. */
  readonly writeBudget: number;
}

export const DEFAULT_CONFIG: Config = { lparCount: 2, slotCount: 1, faultBudget: 4, writeBudget: 3 };

export type ConfigProblem = { readonly field: keyof Config; readonly message: string };

export function configProblems(config: Config): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const intIn = (field: keyof Config, min: number, max: number) => {
    const value = config[field];
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push({ field, message: `${field} must be an integer from ${min} to ${max}, got ${String(value)}` });
    }
  };
  intIn('lparCount', 2, MAX_LPARS);
  intIn('slotCount', 1, MAX_SLOTS);
  intIn('faultBudget', 0, 1000);
  intIn('writeBudget', 0, 1000);
  return problems;
}
