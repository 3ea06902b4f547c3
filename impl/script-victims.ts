import { addPciToOwner, failoverVictims, scriptSlots } from '../model/index.ts';
import { NONE, OS_RUNNING, ROLE_STANDBY, ROLE_TAKEOVER } from './codes.ts';
import { SERVICE_SLOT } from './guest-driver.ts';
import type { Machine } from './machine.ts';

// Whom and which slots the clustering program's script commands (design fields `failoverVictims`
// and `scriptSlots`): read from the control program's slot table at every step.

export function restartedClean(m: Machine, l: number): boolean {
  return m.guests[l]!.os === OS_RUNNING && m.cluster[l]!.role === ROLE_STANDBY && (m.failedMask & (1 << l)) === 0;
}

/** Steps 1100 / 1106: the active, or under `slot-holders` past a clean standby, the service slot's holder. */
export function victimAtDetection(m: Machine, self: number): number {
  const active = m.activeLpar;
  if (failoverVictims(m.design) === 'service-owner' || !restartedClean(m, active)) return active;
  const holder = serviceSlotHolder(m);
  if (holder !== NONE && holder !== self) return holder;
  if (failoverVictims(m.design) === 'slot-holders-and-down') {
    // Nobody else holds the slot: a dead taker, or else an LPAR declared failed, that is down.
    let declared = NONE;
    for (let l = 0; l < m.lparCount; l += 1) {
      if (l === self || m.guests[l]!.os === OS_RUNNING) continue;
      if (m.cluster[l]!.role === ROLE_TAKEOVER) return l;
      if (declared === NONE && (m.failedMask & (1 << l)) !== 0) declared = l;
    }
    if (declared !== NONE) return declared;
  }
  return active;
}

/** The LPAR the service slot waits for at 502, else the one the table allocates it to. */
export function serviceSlotHolder(m: Machine): number {
  return m.pendingAdd[SERVICE_SLOT] !== NONE ? m.pendingAdd[SERVICE_SLOT]! : m.owner[SERVICE_SLOT]!;
}

/** The LPARs `self`'s script commands, bit per LPAR: its victim and, under `slot-holders`, every other slot holder. */
export function scriptSubjectMask(m: Machine, self: number): number {
  let mask = 1 << m.cluster[self]!.scriptVictim;
  if (failoverVictims(m.design) === 'service-owner') return mask;
  for (let s = 0; s < m.slotCount; s += 1) {
    const owner = m.owner[s]!;
    const pending = m.pendingAdd[s]!;
    if (owner !== NONE && owner !== self) mask |= 1 << owner;
    if (pending !== NONE && pending !== self) mask |= 1 << pending;
  }
  if (failoverVictims(m.design) === 'slot-holders-and-down') {
    for (let l = 0; l < m.lparCount; l += 1) if (l !== self && m.guests[l]!.os !== OS_RUNNING) mask |= 1 << l;
  }
  return mask;
}

/** The slots the script removes and adds: recorded at detection, or those its subjects own now. */
export function scriptSlotMask(m: Machine, self: number): number {
  if (scriptSlots(m.design) === 'at-detection') return m.cluster[self]!.scriptSlotMask;
  const subjects = scriptSubjectMask(m, self);
  let mask = 0;
  for (let s = 0; s < m.slotCount; s += 1) if (m.owner[s] !== NONE && (subjects & (1 << m.owner[s]!)) !== 0) mask |= 1 << s;
  // `addPciToOwner: reenable`: the service slot, removed but still allocated to the taker, goes back to it.
  if (addPciToOwner(m.design) === 'reenable' && m.owner[SERVICE_SLOT] === self && m.enabled[SERVICE_SLOT] === 0) mask |= 1 << SERVICE_SLOT;
  return mask;
}
