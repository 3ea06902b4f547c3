import type { StepView } from './step-view.ts';

/**
 * A catalogue invariant checked on the emulator, from what it observed and what its registers
 * and bytes hold: the reason it is violated, or null.
 */
export interface EmulatorInvariant {
  readonly id: string;
  readonly name: string;
  check(view: StepView): string | null;
}

export const lparLabel = (l: number) => (l < 0 ? 'nobody' : `LPAR${l}`);
