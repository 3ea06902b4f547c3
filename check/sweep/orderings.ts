import type { ScriptStep } from '../../model/index.ts';

/**
 * The units a sweep reorders: each step of the base script the issue names (deact, rem_pci,
 * add_pci, start, act), carrying the steps that only make sense beside it — `await-fenced` stays
 * right after `deact`, `request-shutdown` right before it. Detection is the trigger of every
 * script, so it is always first and not permuted.
 */
export function scriptUnits(script: readonly ScriptStep[]): ScriptStep[][] {
  const units: ScriptStep[][] = [];
  let pendingBefore: ScriptStep[] = [];
  for (const step of script) {
    if (step === 'request-shutdown') {
      pendingBefore.push(step);
    } else if (step === 'await-fenced') {
      const deact = units.find((u) => u.includes('deact'));
      if (deact) deact.push(step);
      else units.push([step]);
    } else {
      units.push([...pendingBefore, step]);
      pendingBefore = [];
    }
  }
  if (pendingBefore.length > 0) units.push(pendingBefore);
  return units;
}

/** Every permutation of `items`, in lexicographic order of their indices (the identity first). */
export function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [items.slice()];
  const out: T[][] = [];
  items.forEach((item, i) => {
    for (const rest of permutations([...items.slice(0, i), ...items.slice(i + 1)])) out.push([item, ...rest]);
  });
  return out;
}

/** Every ordering of the base script's units, flattened back into scripts. */
export function scriptOrderings(script: readonly ScriptStep[]): ScriptStep[][] {
  return permutations(scriptUnits(script)).map((units) => units.flat());
}

export { orderingLabel } from './sweep-report.ts';
