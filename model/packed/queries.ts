import * as R from './registers.ts';

// model/queries.ts on registers. Each takes the register array to read: `m.r` for the state being
// built, `m.b` for the state before the step.

export function bit(slot: number): number {
  return 1 << slot;
}

export function isUp(regs: Int32Array, l: number): boolean {
  const base = R.lparBase(l);
  return regs[base + R.OS] === R.OS_RUNNING && regs[base + R.PAUSED] === 0;
}

export function isPoweredOn(regs: Int32Array, l: number): boolean {
  return regs[R.lparBase(l) + R.OS] !== R.OS_OFF;
}

/** Fig. 4: the LPAR the table lets access the slot (allocated, enable flag 1), or NONE. */
export function enabledOwner(regs: Int32Array, s: number): number {
  const base = R.slotBase(s);
  return regs[base + R.ENABLED] === 1 ? regs[base + R.OWNER]! : R.NONE;
}

/** The selector [117]: does an outbound access from `l` reach the device in `s`? */
export function selectorAllows(regs: Int32Array, multiPort: boolean, l: number, s: number): boolean {
  if (multiPort) return isPoweredOn(regs, l);
  return enabledOwner(regs, s) === l;
}

/** Where DMA from the slot's card lands: a cached stale translation first, then the entry. */
export function dmaWindow(regs: Int32Array, s: number): number {
  const base = R.slotBase(s);
  const stale = regs[base + R.GATE_KEEPER_STALE]!;
  return stale !== R.NONE ? stale : regs[base + R.GATE_KEEPER]!;
}

/** The issuer of I/O the card will still perform (stale I/O is dropped under epochs), or NONE. */
export function liveIoIssuer(regs: Int32Array, s: number): number {
  const base = R.slotBase(s);
  return regs[base + R.IO_STALE] === 0 ? regs[base + R.IO_ISSUER]! : R.NONE;
}

/** The LPAR owns some slot with its enable flag set. */
export function ownsEnabledSlot(regs: Int32Array, slotCount: number, l: number): boolean {
  for (let s = 0; s < slotCount; s += 1) if (enabledOwner(regs, s) === l) return true;
  return false;
}

function romRequests(regs: Int32Array, l: number, s: number, event: number): boolean {
  const base = R.slotBase(s);
  return regs[base + R.ROM_TARGET] === l && regs[base + R.ROM_EVENT] === event;
}

/** An eject for (l, s) is on its way: in the LPAR's GPE block, or queued at the card ROM. */
export function ejectInFlight(regs: Int32Array, l: number, s: number): boolean {
  return (regs[R.lparBase(l) + R.GPE_EJECT]! & bit(s)) !== 0 || romRequests(regs, l, s, R.EVENT_EJECT);
}

/** model/queries.ts `sciStuck`: an edge-triggered SCI line high with no edge latched (`edge`: the design's sciTrigger is edge). */
export function sciStuck(regs: Int32Array, l: number, edge: boolean): boolean {
  const base = R.lparBase(l);
  return edge && regs[base + R.GPE_STATUS] !== 0 && regs[base + R.GPE_ENABLED] !== 0 && regs[base + R.GPE_SCI_EDGE] === 0;
}

export function insertInFlight(regs: Int32Array, l: number, s: number, edge: boolean): boolean {
  return ((regs[R.lparBase(l) + R.GPE_INSERT]! & bit(s)) !== 0 && !sciStuck(regs, l, edge)) || romRequests(regs, l, s, R.EVENT_INSERT);
}

/** The service's disk hangs off slot 0. */
export const SERVICE_SLOT = 0;

/** INV-06: the LPAR runs the service and can reach its disk. */
export function runsServiceWithDevice(regs: Int32Array, multiPort: boolean, l: number): boolean {
  const base = R.lparBase(l);
  if (regs[base + R.OS] !== R.OS_RUNNING || regs[base + R.SERVICE] !== R.SVC_RUNNING) return false;
  if (selectorAllows(regs, multiPort, l, SERVICE_SLOT)) return true;
  const issuer = liveIoIssuer(regs, SERVICE_SLOT);
  return issuer !== R.NONE && issuer === l;
}
