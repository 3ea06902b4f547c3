import { DRIVER_EJECTING, DRIVER_INSERTING, DRIVER_NONE } from './codes.ts';
import type { Machine } from './machine.ts';
import { notEnabled, type Refusal } from '../model/handler.ts';

/**
 * Insertions the OS cannot take in this pass: into a slot it is still ejecting, or ejects in this
 * very pass. It leaves their "up" bits set, so the emulation keeps GPE status latched for them.
 */
function deferredInserts(m: Machine, lpar: number): number {
  const { pciUp, pciDown } = m.acpi[lpar]!;
  const drivers = m.guests[lpar]!.drivers;
  let deferred = 0;
  for (let s = 0; s < m.slotCount; s += 1) {
    const bit = 1 << s;
    const d = drivers[s]!;
    const ejecting = d === DRIVER_EJECTING || (d !== DRIVER_NONE && (pciDown & bit) !== 0);
    if (ejecting && (pciUp & bit) !== 0) deferred |= bit;
  }
  return deferred;
}

/** The guest takes its SCI only when the line is asserted and it has something it can handle. */
export function sciRefusal(m: Machine, lpar: number): Refusal | null {
  const g = m.guests[lpar]!;
  const acpi = m.acpi[lpar]!;
  if (!g.up) return notEnabled(`LPAR${lpar} cannot take an SCI now (${g.paused ? 'paused' : 'not running'})`);
  if (!acpi.sciAsserted) return notEnabled(`LPAR${lpar}'s SCI line is low (GPE0 status ${Number(acpi.statusSet)}, enable ${Number(acpi.enabled)})`);
  if (m.design.sciTrigger === 'edge' && !acpi.sciEdge) return notEnabled(`LPAR${lpar}'s SCI line is high, but its interrupt controller has latched no new edge`);
  if (acpi.pciDown === 0 && acpi.pciUp !== 0 && acpi.pciUp === deferredInserts(m, lpar)) {
    return notEnabled(`LPAR${lpar} has only insertions into slots it is still ejecting; its ACPI work waits`);
  }
  return null;
}

/**
 * The guest's ACPI dispatcher (steps 505–506, 604–605): read the pending insertions and ejects
 * (the control program traps the reads), clear what it handled (write 1 to clear), then start
 * the hot-plug routine per slot: an eject for a slot it uses, an insertion into a slot it does not.
 */
export function runSciHandler(m: Machine, lpar: number): void {
  const acpi = m.acpi[lpar]!;
  const g = m.guests[lpar]!;
  const deferred = deferredInserts(m, lpar);
  let up = acpi.pciUp & ~deferred;
  let down = acpi.pciDown;
  if (m.design.sciHandler === 'one-event-per-sci') {
    // This handler takes one event per SCI: the lowest slot's eject, else its insertion.
    down &= -down;
    up = down !== 0 ? 0 : up & -up;
  }
  m.observe({ kind: 'patent-step', step: up !== 0 ? 505 : 604 });
  m.observe({ kind: 'gpe-read', lpar, up, down });
  if (up !== 0) m.observe({ kind: 'patent-step', step: 506 });
  if (down !== 0) m.observe({ kind: 'patent-step', step: 605 });
  acpi.clearHandled(up, down, m.design.gpeStatusClear !== 'clear-on-read');
  for (let s = 0; s < m.slotCount; s += 1) {
    const bit = 1 << s;
    const d = g.drivers[s]!;
    if ((down & bit) !== 0 && d !== DRIVER_NONE && d !== DRIVER_EJECTING) {
      g.drivers[s] = DRIVER_EJECTING;
      g.ejectsApplied[s]! += 1;
      m.observe({ kind: 'hotplug-applied', lpar, slot: s, event: 'eject' });
    } else if ((up & bit) !== 0 && d === DRIVER_NONE) {
      g.drivers[s] = DRIVER_INSERTING;
      g.insertsApplied[s]! += 1;
      m.observe({ kind: 'hotplug-applied', lpar, slot: s, event: 'insert' });
    }
  }
}
