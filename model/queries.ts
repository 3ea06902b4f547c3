import { sciTrigger, type Design } from './design.ts';
import type { LparId, SlotId } from './ids.ts';
import type { LparState, ModelState, SlotState } from './state.ts';

export function bit(slot: SlotId | number): number {
  return 1 << slot;
}

export function hasBit(mask: number, slot: SlotId | number): boolean {
  return (mask & (1 << slot)) !== 0;
}

export function lparAt(state: ModelState, id: LparId): LparState {
  const found = state.lpars[id];
  if (found === undefined) throw new RangeError(`no LPAR${id} in a ${state.lpars.length}-LPAR state`);
  return found;
}

export function slotAt(state: ModelState, id: SlotId): SlotState {
  const found = state.slots[id];
  if (found === undefined) throw new RangeError(`no slot ${id} in a ${state.slots.length}-slot state`);
  return found;
}

/** Powered on, in any OS state. */
export function isPoweredOn(l: LparState): boolean {
  return l.os !== 'off';
}

/** Able to take a step now: OS running and not paused. */
export function isUp(l: LparState): boolean {
  return l.os === 'running' && !l.paused;
}

/** The LPAR the table lets access the slot (Fig. 4: allocated and enable flag 1), or null. */
export function enabledOwner(s: SlotState): LparId | null {
  return s.enabled ? s.owner : null;
}

/** Where DMA from the slot's card lands now: a cached stale translation first, then the entry. */
export function dmaWindow(s: SlotState): LparId | null {
  return s.gateKeeperStale ?? s.gateKeeper;
}

/** The selector [117]: does an outbound access from `lpar` reach the device in `slot`? */
export function selectorAllows(state: ModelState, design: Design, lpar: LparId, slot: SlotId): boolean {
  if (design.ports === 'multi') return isPoweredOn(lparAt(state, lpar));
  return enabledOwner(slotAt(state, slot)) === lpar;
}

/** An in-flight I/O the card will still perform (stale ones are dropped under epochs). */
export function liveIo(s: SlotState) {
  return s.io !== null && !s.io.stale ? s.io : null;
}

/**
 * Every LPAR that can reach the device in the slot by some path (INV-01): the table's enabled
 * owner, whoever the gate keeper entry or a cached translation maps DMA to, the issuer of I/O the
 * card still holds, and with a multi-port device every powered LPAR.
 */
export function reachingLpars(state: ModelState, design: Design, slot: SlotId): LparId[] {
  const s = slotAt(state, slot);
  const found = new Set<LparId>();
  const owner = enabledOwner(s);
  if (owner !== null) found.add(owner);
  if (s.card !== 'absent') {
    if (s.gateKeeper !== null) found.add(s.gateKeeper);
    if (s.gateKeeperStale !== null) found.add(s.gateKeeperStale);
    const io = liveIo(s);
    if (io !== null) found.add(io.issuer);
  }
  if (design.ports === 'multi') {
    state.lpars.forEach((l, i) => {
      if (isPoweredOn(l)) found.add(i as LparId);
    });
  }
  return [...found].sort((a, b) => a - b);
}

/** The guest believes it holds the device (configured or mounted). */
export function guestHoldsDevice(l: LparState, slot: SlotId): boolean {
  const d = l.devices[slot];
  return d === 'configured' || d === 'mounted';
}

/** An eject for (lpar, slot) is on its way to the guest: in its GPE block, or queued at the card ROM. */
export function ejectInFlight(state: ModelState, lpar: LparId, slot: SlotId): boolean {
  const l = lparAt(state, lpar);
  if (hasBit(l.gpe.ejectMask, slot)) return true;
  const rom = slotAt(state, slot).romSci;
  return rom !== null && rom.target === lpar && rom.event === 'eject';
}

/**
 * Under `sciTrigger: edge`, the LPAR's SCI line is high with no edge latched: no SCI comes for what
 * its GPE holds until the line drops and rises again, which only a fault or a reset does, so those
 * events are no longer on their way.
 */
export function sciStuck(design: Design, l: LparState): boolean {
  return sciTrigger(design) === 'edge' && l.gpe.status && l.gpe.enabled && l.gpe.sciEdge !== true;
}

/** An insertion for (lpar, slot) is on its way to the guest: in its GPE block (and an SCI can still come), or queued at the card ROM. */
export function insertInFlight(state: ModelState, design: Design, lpar: LparId, slot: SlotId): boolean {
  const l = lparAt(state, lpar);
  if (hasBit(l.gpe.insertMask, slot) && !sciStuck(design, l)) return true;
  const rom = slotAt(state, slot).romSci;
  return rom !== null && rom.target === lpar && rom.event === 'insert';
}

/** The service's disk hangs off slot 0. */
export const SERVICE_SLOT = 0 as SlotId;

/** The LPAR runs the service and can reach its disk (INV-06). */
export function runsServiceWithDevice(state: ModelState, design: Design, lpar: LparId): boolean {
  const l = lparAt(state, lpar);
  if (l.os !== 'running' || l.service !== 'running') return false;
  if (selectorAllows(state, design, lpar, SERVICE_SLOT)) return true;
  return liveIo(slotAt(state, SERVICE_SLOT))?.issuer === lpar;
}
