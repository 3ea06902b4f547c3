import { addPciToOwner, failoverVictims, scriptSlots, type Design } from '../design.ts';
import { lparIds, type LparId } from '../ids.ts';
import { bit, hasBit, SERVICE_SLOT } from '../queries.ts';
import type { ModelState, Script } from '../state.ts';

// Whom and which slots a fail-over script commands (design fields `failoverVictims` and
// `scriptSlots`). Nothing here is stored: under `slot-holders` and `current` the script re-reads
// the slot allocation table at every step, so a slot that moves after detection is not missed.

/** A standby that `act` brought back since it was last declared failed: it holds nothing to fence. */
export function restartedClean(state: ModelState, l: LparId): boolean {
  const lpar = state.lpars[l]!;
  return lpar.os === 'running' && lpar.role === 'standby' && !lpar.detectedFailed;
}

/**
 * Steps 1100 / 1106: the LPAR declared failed. The one that last started the service; under
 * `slot-holders`, if that one is a standby already restarted clean (a takeover died before 1104),
 * the LPAR the service slot is promised to (502) or allocated to, unless that is the detector;
 * under `slot-holders-and-down`, failing that, an LPAR down that was taking over, or else one down
 * that was declared failed.
 */
export function victimAtDetection(state: ModelState, design: Design, self: LparId): LparId {
  const owner = state.serviceOwner;
  if (failoverVictims(design) === 'service-owner' || !restartedClean(state, owner)) return owner;
  const holder = serviceSlotHolder(state);
  if (holder !== null && holder !== self) return holder;
  if (failoverVictims(design) === 'slot-holders-and-down') {
    // Nobody else holds the slot: the takeover that died is down, or failing that the LPAR it
    // declared failed. (Preferring by state rather than by number keeps renaming LPARs harmless.)
    const down = lparIds(state.config.lparCount).filter((l) => l !== self && isDown(state, l));
    const dead = down.find((l) => state.lpars[l]!.role === 'takeover') ?? down.find((l) => state.lpars[l]!.detectedFailed);
    if (dead !== undefined) return dead;
  }
  return owner;
}

function isDown(state: ModelState, l: LparId): boolean {
  return state.lpars[l]!.os !== 'running';
}

/** The LPAR the service slot is promised to (502), or else allocated to. */
export function serviceSlotHolder(state: ModelState): LparId | null {
  const slot = state.slots[SERVICE_SLOT]!;
  return slot.pendingAdd ?? slot.owner;
}

/**
 * The LPARs the script fences and commands, bit per LPAR: its victim and, under `slot-holders`,
 * every other LPAR that the table allocates a slot to or that waits for one at 502; under
 * `slot-holders-and-down`, also every other LPAR whose OS is down.
 */
export function scriptSubjectMask(state: ModelState, design: Design, script: Script, self: LparId): number {
  let mask = bit(script.victim);
  if (failoverVictims(design) === 'service-owner') return mask;
  for (const s of state.slots) {
    if (s.owner !== null && s.owner !== self) mask |= bit(s.owner);
    if (s.pendingAdd !== null && s.pendingAdd !== self) mask |= bit(s.pendingAdd);
  }
  if (failoverVictims(design) === 'slot-holders-and-down') {
    for (const l of lparIds(state.config.lparCount)) if (l !== self && isDown(state, l)) mask |= bit(l);
  }
  return mask;
}

export function scriptSubjects(state: ModelState, design: Design, script: Script, self: LparId): LparId[] {
  const mask = scriptSubjectMask(state, design, script, self);
  return lparIds(state.config.lparCount).filter((l) => hasBit(mask, l));
}

/** The slots the script removes and adds, bit per slot: recorded at detection, or re-read now. */
export function scriptSlotMask(state: ModelState, design: Design, script: Script, self: LparId): number {
  if (scriptSlots(design) === 'at-detection') return script.slotMask;
  const subjects = scriptSubjectMask(state, design, script, self);
  const mask = state.slots.reduce((m, s, i) => (s.owner !== null && hasBit(subjects, s.owner) ? m | bit(i) : m), 0);
  // `addPciToOwner: reenable`: the service slot, removed but still allocated to the taker, is added back.
  const service = state.slots[SERVICE_SLOT]!;
  return addPciToOwner(design) === 'reenable' && service.owner === self && !service.enabled ? mask | bit(SERVICE_SLOT) : mask;
}

