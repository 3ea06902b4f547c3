import { failoverVictims, scriptSlots } from '../model/index.ts';
import { NONE, OS_RUNNING, ROLE_STANDBY } from './codes.ts';
import { SERVICE_SLOT } from './guest-driver.ts';
import type { Machine } from './machine.ts';

// Whom and which slots the clustering program's script commands (design fields `failoverVictims`
// and `scriptSlots`): read from the control program's slot table at every step.

function restartedClean(m: Machine, l: number): boolean {
  return m.guests[l]!.os === OS_RUNNING && m.cluster[l]!.role === ROLE_STANDBY && (m.failedMask & (1 << l)) === 0;
}

/** Steps 1100 / 1106: the active, or under `slot-holders` past a clean standby, the service slot's holder. */
export function victimAtDetection(m: Machine, self: number): number {
  const active = m.activeLpar;
  if (failoverVictims(m.design) === 'service-owner' || !restartedClean(m, active)) return active;
  const holder = m.pendingAdd[SERVICE_SLOT] !== NONE ? m.pendingAdd[SERVICE_SLOT]! : m.owner[SERVICE_SLOT]!;
  return holder !== NONE && holder !== self ? holder : active;
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
  return mask;
}

/** The slots the script removes and adds: recorded at detection, or those its subjects own now. */
export function scriptSlotMask(m: Machine, self: number): number {
  if (scriptSlots(m.design) === 'at-detection') return m.cluster[self]!.scriptSlotMask;
  const subjects = scriptSubjectMask(m, self);
  let mask = 0;
  for (let s = 0; s < m.slotCount; s += 1) if (m.owner[s] !== NONE && (subjects & (1 << m.owner[s]!)) !== 0) mask |= 1 << s;
  return mask;
}
