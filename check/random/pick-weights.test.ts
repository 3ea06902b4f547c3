// Why: a perturbation at the moment it became possible (the act between a fail-over script's deact
// and its own act, a rem_pci just authorized) is the random runs' way into windows a few steps
// wide; a run whose swarm left that kind out would let the moment pass, and with half the swarms
// leaving each kind out, half of the rare runs that reach such a window. A fresh perturbation is
// weighed even then, at its default weight; a kind left out that is not fresh stays out.
import { describe, expect, test } from 'vitest';
import { builtInDesign, COMMAND_KINDS, isPerturbation, type Config } from '../../model/index.ts';
import { bucketsFor, initiallyEnabled, weighPick } from './pick-weights.ts';
import { ALL_KINDS, DEFAULT_KIND_WEIGHTS, type Swarm } from './swarm.ts';

const CONFIG: Config = { lparCount: 2, slotCount: 1, faultBudget: 2, writeBudget: 2 };
const design = builtInDesign('hardened')!;
const buckets = bucketsFor(CONFIG);
const initially = initiallyEnabled(design, CONFIG);
const enabled = buckets.everything.filter((i) => initially[i] === 1);
/** A swarm that leaves every perturbation kind out. */
const noPerturbations: Swarm = { ...ALL_KINDS, mode: 'swarm', kindWeights: COMMAND_KINDS.map((kind, k) => (isPerturbation(kind) ? 0 : DEFAULT_KIND_WEIGHTS[k]!)) };

describe('a fresh perturbation of a kind the swarm left out', () => {
  const crash = enabled.find((i) => buckets.all[i]!.command.kind === 'os_crash')!;
  const k = COMMAND_KINDS.indexOf('os_crash');

  test('is weighed at its default weight, marked fresh (×16), and lifts the rate', () => {
    const w = weighPick(noPerturbations, buckets, initially, enabled, enabled.filter((i) => i !== crash));
    expect(w.kindWeight[k]).toBe(DEFAULT_KIND_WEIGHTS[k]! * 16);
    expect(w.perturbationTotal).toBe(DEFAULT_KIND_WEIGHTS[k]! * 16);
    expect(w.fresh).toBe(true);
  });

  test('a kind left out that is not fresh stays out', () => {
    const w = weighPick(noPerturbations, buckets, initially, enabled, enabled);
    expect(w.perturbationTotal).toBe(0);
    expect(w.fresh).toBe(false);
  });
});
