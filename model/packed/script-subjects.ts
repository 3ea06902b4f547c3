import type { PackedMachine } from './machine.ts';
import { bit, SERVICE_SLOT } from './queries.ts';
import * as R from './registers.ts';

// Whom and which slots a fail-over script commands, on registers (model/handlers/script-subjects.ts):
// design fields `failoverVictims` and `scriptSlots`. Re-read from the table at every step.

export function restartedClean(m: PackedMachine, l: number): boolean {
  const b = R.lparBase(l);
  return m.r[b + R.OS] === R.OS_RUNNING && m.r[b + R.ROLE] === R.ROLE_STANDBY && m.r[b + R.DETECTED_FAILED] === 0;
}

/** The LPAR the service slot is promised to (502), else allocated to; NONE if neither. */
export function serviceSlotHolder(m: PackedMachine): number {
  const slot = R.slotBase(SERVICE_SLOT);
  return m.r[slot + R.PENDING_ADD] !== R.NONE ? m.r[slot + R.PENDING_ADD]! : m.r[slot + R.OWNER]!;
}

/** Steps 1100 / 1106: the service owner, or under `slot-holders` past a clean standby, the service slot's holder. */
export function victimAtDetection(m: PackedMachine, self: number): number {
  const r = m.r;
  const owner = r[R.SERVICE_OWNER]!;
  if (!m.d.slotHolderVictims || !restartedClean(m, owner)) return owner;
  const holder = serviceSlotHolder(m);
  if (holder !== R.NONE && holder !== self) return holder;
  if (m.d.downVictims) {
    let declared = R.NONE;
    for (let l = 0; l < m.config.lparCount; l += 1) {
      const b = R.lparBase(l);
      if (l === self || r[b + R.OS] === R.OS_RUNNING) continue;
      if (r[b + R.ROLE] === R.ROLE_TAKEOVER) return l;
      if (declared === R.NONE && r[b + R.DETECTED_FAILED] === 1) declared = l;
    }
    if (declared !== R.NONE) return declared;
  }
  return owner;
}

/** The LPARs the script commands, bit per LPAR: its victim and, under `slot-holders`, every other slot holder. */
export function subjectMask(m: PackedMachine, victim: number, self: number): number {
  let mask = 1 << victim;
  if (!m.d.slotHolderVictims) return mask;
  const r = m.r;
  for (let s = 0; s < m.config.slotCount; s += 1) {
    const base = R.slotBase(s);
    const owner = r[base + R.OWNER]!;
    const pending = r[base + R.PENDING_ADD]!;
    if (owner !== R.NONE && owner !== self) mask |= 1 << owner;
    if (pending !== R.NONE && pending !== self) mask |= 1 << pending;
  }
  if (m.d.downVictims) {
    for (let l = 0; l < m.config.lparCount; l += 1) if (l !== self && r[R.lparBase(l) + R.OS] !== R.OS_RUNNING) mask |= 1 << l;
  }
  return mask;
}

/** The slots the script removes and adds: recorded at detection, or those its subjects own now. */
export function slotMaskNow(m: PackedMachine, victim: number, self: number, recorded: number): number {
  if (!m.d.currentScriptSlots) return recorded;
  const subjects = subjectMask(m, victim, self);
  let mask = 0;
  for (let s = 0; s < m.config.slotCount; s += 1) {
    const owner = m.r[R.slotBase(s) + R.OWNER]!;
    if (owner !== R.NONE && (subjects & (1 << owner)) !== 0) mask |= bit(s);
  }
  // `addPciToOwner: reenable`: the service slot, removed but still allocated to the taker, is added back.
  const service = R.slotBase(SERVICE_SLOT);
  if (m.d.addPciToOwnerReenables && m.r[service + R.OWNER] === self && m.r[service + R.ENABLED] === 0) mask |= bit(SERVICE_SLOT);
  return mask;
}
