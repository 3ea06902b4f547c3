import { expect } from 'vitest';
import type { Command } from '../model/index.ts';
import type { Emulator } from './emulator.ts';
import type { Observation } from './observations.ts';

/** Apply commands that must all be accepted; returns every observation, in order. */
export function accept(emu: Emulator, ...commands: readonly Command[]): Observation[] {
  const seen: Observation[] = [];
  for (const c of commands) {
    const step = emu.apply(c);
    expect(step.outcome, JSON.stringify(c)).toEqual({ kind: 'ok' });
    seen.push(...step.observations);
  }
  return seen;
}

/** Patent step numbers among the observations, in order. */
export function patentSteps(observations: readonly Observation[]): number[] {
  return observations.flatMap((o) => (o.kind === 'patent-step' ? [o.step] : []));
}
