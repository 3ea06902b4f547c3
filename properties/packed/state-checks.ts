import type { Config } from '../../model/config.ts';
import type { DesignCode } from '../../model/packed/design-code.ts';
import {
  enabledOwner, insertInFlight, isPoweredOn, sciStuck, liveIoIssuer, runsServiceWithDevice, selectorAllows, SERVICE_SLOT,
} from '../../model/packed/queries.ts';
import * as R from '../../model/packed/registers.ts';

// The state parts of the catalogue's invariants (properties/invariants/*.ts) on registers.
// `stateViolationMask` returns every one broken, as bits in the order of STATE_INVARIANT_IDS.

/** Invariants with a state part, in catalogue order. */
export const STATE_INVARIANT_IDS = ['INV-01', 'INV-04', 'INV-06', 'INV-07', 'INV-08', 'INV-09', 'INV-12', 'INV-14'] as const;

/** INV-01: at most one LPAR reaches each slot, counting every path (model/queries.ts `reachingLpars`). */
function singleReacher(r: Int32Array, config: Config, d: DesignCode): boolean {
  for (let s = 0; s < config.slotCount; s += 1) {
    const base = R.slotBase(s);
    let seen = 0;
    const owner = enabledOwner(r, s);
    if (owner !== R.NONE) seen |= 1 << owner;
    if (r[base + R.CARD] !== R.CARD_ABSENT) {
      const gk = r[base + R.GATE_KEEPER]!;
      const stale = r[base + R.GATE_KEEPER_STALE]!;
      const io = liveIoIssuer(r, s);
      if (gk !== R.NONE) seen |= 1 << gk;
      if (stale !== R.NONE) seen |= 1 << stale;
      if (io !== R.NONE) seen |= 1 << io;
    }
    if (d.multiPort) for (let l = 0; l < config.lparCount; l += 1) if (isPoweredOn(r, l)) seen |= 1 << l;
    if ((seen & (seen - 1)) !== 0) return false;
  }
  return true;
}

/** INV-04 (state part): an enabled slot's gate keeper, and any cached translation, map the owner. */
function gateKeeperAgrees(r: Int32Array, config: Config, d: DesignCode): boolean {
  if (!d.gateKeeper) return true;
  for (let s = 0; s < config.slotCount; s += 1) {
    const base = R.slotBase(s);
    if (r[base + R.ENABLED] === 0) continue;
    const owner = r[base + R.OWNER];
    if (r[base + R.GATE_KEEPER] !== owner) return false;
    const stale = r[base + R.GATE_KEEPER_STALE];
    if (stale !== R.NONE && stale !== owner) return false;
  }
  return true;
}

/** INV-06 (state part): at most one LPAR runs the service and can reach its disk. */
function oneServer(r: Int32Array, config: Config, d: DesignCode): boolean {
  let running = 0;
  for (let l = 0; l < config.lparCount; l += 1) if (runsServiceWithDevice(r, d.multiPort, l)) running += 1;
  return running <= 1;
}

/** INV-07 (state part): the last acknowledged write is on the disk, intact, or still on its way. */
function ackedIsDurable(r: Int32Array): boolean {
  const acked = r[R.ACKED_WRITE]!;
  if (acked === 0) return true;
  if (r[R.DISK_WRITE]! >= acked && r[R.DISK_INTACT] === 1) return true;
  return liveIoIssuer(r, SERVICE_SLOT) !== R.NONE && r[R.slotBase(SERVICE_SLOT) + R.IO_WRITE] === acked;
}

/**
 * An eject still covers (l, s) (properties/invariants/hotplug.ts `ejectStillCovers`): deliverable
 * (GPE status asserted, or a ROM request at a card still there) and the slot not enabled for another LPAR.
 */
function ejectStillCovers(r: Int32Array, l: number, s: number, edge: boolean): boolean {
  const owner = enabledOwner(r, s);
  if (owner !== R.NONE && owner !== l) return false;
  const base = R.lparBase(l);
  if ((r[base + R.GPE_EJECT]! & (1 << s)) !== 0 && r[base + R.GPE_STATUS] !== 0 && !sciStuck(r, l, edge)) return true;
  const slot = R.slotBase(s);
  return r[slot + R.ROM_TARGET] === l && r[slot + R.ROM_EVENT] === R.EVENT_EJECT && r[slot + R.CARD] !== R.CARD_ABSENT;
}

/** INV-08 (state part): a running OS's view differs from what it can reach only while an event is on its way. */
function noLostEvent(r: Int32Array, config: Config, d: DesignCode): boolean {
  for (let l = 0; l < config.lparCount; l += 1) {
    const base = R.lparBase(l);
    if (r[base + R.OS] !== R.OS_RUNNING) continue;
    for (let s = 0; s < config.slotCount; s += 1) {
      const card = r[R.slotBase(s) + R.CARD];
      if (card === R.CARD_ABSENT) continue;
      const device = r[base + R.DEV + s];
      const owns = selectorAllows(r, d.multiPort, l, s);
      if (owns && device === R.DEV_NONE && card === R.CARD_PRESENT && !insertInFlight(r, l, s, d.sciEdge)) return false;
      const holds = device === R.DEV_CONFIGURED || device === R.DEV_MOUNTED;
      if (!owns && holds && !ejectStillCovers(r, l, s, d.sciEdge)) return false;
    }
  }
  return true;
}

/** INV-09: an OS that has the disk mounted can reach it, or has an eject for it in flight that still covers it. */
function mountedIsReachable(r: Int32Array, config: Config, d: DesignCode): boolean {
  for (let l = 0; l < config.lparCount; l += 1) {
    const base = R.lparBase(l);
    if (r[base + R.OS] !== R.OS_RUNNING) continue;
    for (let s = 0; s < config.slotCount; s += 1) {
      if (r[base + R.DEV + s] !== R.DEV_MOUNTED) continue;
      if (!selectorAllows(r, d.multiPort, l, s) && !ejectStillCovers(r, l, s, d.sciEdge)) return false;
    }
  }
  return true;
}

/** INV-12: CPU rates sum to at most 100%, and the running active has the design's active rate. */
function cpuWithinBudget(r: Int32Array, config: Config, d: DesignCode): boolean {
  let total = 0;
  for (let l = 0; l < config.lparCount; l += 1) total += d.cpuPercent[r[R.lparBase(l) + R.CPU]!]!;
  if (total > 100) return false;
  const owner = R.lparBase(r[R.SERVICE_OWNER]!);
  const serving = r[owner + R.ROLE] === R.ROLE_ACTIVE && r[owner + R.SERVICE] === R.SVC_RUNNING;
  return !serving || d.cpuPercent[r[owner + R.CPU]!] === d.cpuPercent[R.CPU_ACTIVE];
}

/** INV-14: no running OS never declared failed uses (mounted or ejecting) a slot with a working card enabled for another LPAR. */
function noSurpriseRemoval(r: Int32Array, config: Config, d: DesignCode): boolean {
  for (let l = 0; l < config.lparCount; l += 1) {
    const base = R.lparBase(l);
    if (r[base + R.OS] !== R.OS_RUNNING || r[base + R.DETECTED_FAILED] !== 0) continue;
    for (let s = 0; s < config.slotCount; s += 1) {
      const device = r[base + R.DEV + s];
      if (device !== R.DEV_MOUNTED && device !== R.DEV_EJECTING) continue;
      const owner = enabledOwner(r, s);
      if (r[R.slotBase(s) + R.CARD] === R.CARD_PRESENT && owner !== R.NONE && owner !== l && !selectorAllows(r, d.multiPort, l, s)) return false;
    }
  }
  return true;
}

/** Every state invariant the registers break, bit k for STATE_INVARIANT_IDS[k]; 0 when all hold. */
export function stateViolationMask(r: Int32Array, config: Config, d: DesignCode): number {
  let mask = 0;
  if (!singleReacher(r, config, d)) mask |= 1 << 0;
  if (!gateKeeperAgrees(r, config, d)) mask |= 1 << 1;
  if (!oneServer(r, config, d)) mask |= 1 << 2;
  if (!ackedIsDurable(r)) mask |= 1 << 3;
  if (!noLostEvent(r, config, d)) mask |= 1 << 4;
  if (!mountedIsReachable(r, config, d)) mask |= 1 << 5;
  if (!cpuWithinBudget(r, config, d)) mask |= 1 << 6;
  if (!noSurpriseRemoval(r, config, d)) mask |= 1 << 7;
  return mask;
}
