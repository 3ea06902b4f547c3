import type { Invariant, Liveness, Property, Witness } from './catalogue-types.ts';
import { INV_01, INV_02, INV_03, INV_04, INV_05 } from './invariants/containment.ts';
import { INV_06, INV_07, INV_11, INV_12 } from './invariants/failover.ts';
import { INV_13 } from './invariants/availability.ts';
import { INV_08, INV_09 } from './invariants/hotplug.ts';
import { INV_14 } from './invariants/surprise-removal.ts';
import { INV_10 } from './invariants/validity.ts';
import { LIVENESS } from './liveness.ts';
import { WITNESSES } from './witnesses.ts';

/** DESIGN.md §4, in catalogue order. Ids are stable: tests, traces and certificates use them. */
export const INVARIANTS: readonly Invariant[] = [INV_01, INV_02, INV_03, INV_04, INV_05, INV_06, INV_07, INV_08, INV_09, INV_10, INV_11, INV_12, INV_13, INV_14];
export { LIVENESS, WITNESSES };
export const CATALOGUE: readonly Property[] = [...INVARIANTS, ...LIVENESS, ...WITNESSES];

export function propertyById(id: string): Property | undefined {
  return CATALOGUE.find((p) => p.id === id);
}

export type { Invariant, Liveness, Property, Witness };
export { INV_01, INV_02, INV_03, INV_04, INV_05, INV_06, INV_07, INV_08, INV_09, INV_10, INV_11, INV_12, INV_13, INV_14 };
