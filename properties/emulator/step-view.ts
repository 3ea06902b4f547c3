import type { Machine } from '../../impl/machine.ts';
import type { Observation } from '../../impl/observations.ts';

/**
 * What the emulator-side invariants see of one step: the machine after it, what was observed
 * during it, and the few registers step checks compare against as they were BEFORE it (the
 * table, power, roles, the cluster's active LPAR). The snapshot buffers are reused every step.
 */
export class StepView {
  readonly ownerBefore: Int8Array;
  readonly enabledBefore: Uint8Array;
  readonly osBefore: Uint8Array;
  readonly roleBefore: Uint8Array;
  activeBefore = 0;
  observations: readonly Observation[] = [];

  constructor(readonly machine: Machine) {
    this.ownerBefore = new Int8Array(machine.slotCount);
    this.enabledBefore = new Uint8Array(machine.slotCount);
    this.osBefore = new Uint8Array(machine.lparCount);
    this.roleBefore = new Uint8Array(machine.lparCount);
  }

  /** Take the "before" snapshot; call right before applying the command. */
  snapshot(): void {
    const m = this.machine;
    this.ownerBefore.set(m.owner);
    this.enabledBefore.set(m.enabled);
    for (let l = 0; l < m.lparCount; l += 1) {
      this.osBefore[l] = m.guests[l]!.os;
      this.roleBefore[l] = m.cluster[l]!.role;
    }
    this.activeBefore = m.activeLpar;
  }

  /** The slot's enabled owner before the step (-1: none). */
  enabledOwnerBefore(slot: number): number {
    return this.enabledBefore[slot] === 1 ? this.ownerBefore[slot]! : -1;
  }
}
