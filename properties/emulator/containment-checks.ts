import { hasGateKeeper } from '../../model/index.ts';
import { CARD_ABSENT, NONE, ROLE_STANDBY } from '../../impl/codes.ts';
import type { Machine } from '../../impl/machine.ts';
import { lparLabel, type EmulatorInvariant } from './emulator-invariant.ts';
import type { StepView } from './step-view.ts';

// INV-01…INV-05 on the emulator: paths to the device counted from registers, accesses and DMA
// from what the card and the memory controller saw.

function bitCount(mask: number): number {
  let n = 0;
  for (let v = mask; v !== 0; v &= v - 1) n += 1;
  return n;
}

function labels(mask: number): string {
  const out: string[] = [];
  for (let l = 0; (1 << l) <= mask; l += 1) if ((mask & (1 << l)) !== 0) out.push(`LPAR${l}`);
  return out.join(' and ');
}

const bitOf = (l: number) => (l === NONE ? 0 : 1 << l);

/** Every LPAR that can reach the slot by some path, as a bit mask. */
function reachingMask(view: StepView, s: number): number {
  const m = view.machine;
  let mask = bitOf(m.enabledOwner(s));
  const card = m.cards[s]!;
  if (card.state !== CARD_ABSENT) {
    mask |= bitOf(m.gateKeeper.entryWindow(s)) | bitOf(m.gateKeeper.cachedWindow(s));
    const stale = m.design.inflightDmaOnReassign === 'epoch' && card.queuedEpoch !== card.epoch;
    if (card.queued && !stale) mask |= bitOf(card.queuedIssuer);
  }
  if (m.design.ports === 'multi') for (let l = 0; l < m.lparCount; l += 1) if (m.guests[l]!.poweredOn) mask |= 1 << l;
  return mask;
}

export const EMU_INV_01: EmulatorInvariant = {
  id: 'INV-01',
  name: 'at most one LPAR reaches each slot: enabled owner, gate keeper entry, cached IOTLB translation, I/O the card holds',
  check(view) {
    for (let s = 0; s < view.machine.slotCount; s += 1) {
      const mask = reachingMask(view, s);
      if (bitCount(mask) > 1) return `slot ${s} is reachable by ${labels(mask)}`;
    }
    return null;
  },
};

export const EMU_INV_02: EmulatorInvariant = {
  id: 'INV-02',
  name: "an access that reached the card's registers came from the enabled owner",
  check(view) {
    for (const o of view.observations) {
      if (o.kind !== 'access' || o.result !== 'completed') continue;
      const owner = view.enabledOwnerBefore(o.slot);
      if (owner !== o.lpar) return `LPAR${o.lpar}'s ${o.access} access reached the card in slot ${o.slot}, whose enabled owner is ${lparLabel(owner)}`;
    }
    return null;
  },
};

export const EMU_INV_03: EmulatorInvariant = {
  id: 'INV-03',
  name: "every DMA byte that reached memory is inside the enabled owner's window, for I/O the owner issued",
  check(view) {
    const m = view.machine;
    for (const o of view.observations) {
      if (o.kind !== 'dma' || o.result !== 'landed') continue;
      const window = m.memory.windowOf(o.physicalAddress, o.bytes);
      if (m.design.ports === 'multi') {
        // A port per partition: the one rule left is that the data went to the window of the partition that issued it.
        if (o.issuer !== window) return `DMA for ${o.issuer === NONE ? 'no I/O anyone issued' : `LPAR${o.issuer}'s I/O`} reached ${window === NONE ? 'no single window' : `LPAR${window}'s window`}`;
        continue;
      }
      const owner = view.enabledOwnerBefore(o.slot);
      const where = `physical 0x${o.physicalAddress.toString(16)}..+${o.bytes} (${window === NONE ? 'no single window' : `LPAR${window}'s window`})`;
      if (owner === NONE) return `DMA from slot ${o.slot} reached ${where} while the slot is disabled`;
      if (window !== owner) return `DMA from slot ${o.slot} reached ${where}; the enabled owner is LPAR${owner}`;
      if (o.issuer !== owner) return `DMA for ${o.issuer === NONE ? 'no I/O anyone issued' : `LPAR${o.issuer}'s I/O`} reached LPAR${owner}'s window`;
    }
    return null;
  },
};

function gateKeeperDisagreement(m: Machine): string | null {
  for (let s = 0; s < m.slotCount; s += 1) {
    if (m.enabled[s] === 0) continue;
    const owner = m.owner[s]!;
    const entry = m.gateKeeper.entryWindow(s);
    if (entry !== owner) return `slot ${s} is enabled for LPAR${owner} but the gate keeper entry maps ${entry === NONE ? 'nothing' : `LPAR${entry}'s window`}`;
    const cached = m.gateKeeper.cachedWindow(s);
    if (cached !== NONE && cached !== owner) return `slot ${s} is enabled for LPAR${owner} but the IOTLB still holds a translation to LPAR${cached}'s window`;
  }
  return null;
}

export const EMU_INV_04: EmulatorInvariant = {
  id: 'INV-04',
  name: "the gate keeper maps an enabled slot to its owner's window, and passes no DMA for a disabled slot",
  check(view) {
    for (const o of view.observations) {
      if (o.kind === 'dma' && o.result === 'landed' && view.enabledBefore[o.slot] === 0) {
        return `DMA from slot ${o.slot} passed the gate keeper while the slot's enable flag was 0`;
      }
    }
    return hasGateKeeper(view.machine.design) ? gateKeeperDisagreement(view.machine) : null;
  },
};

export const EMU_INV_05: EmulatorInvariant = {
  id: 'INV-05',
  name: 'a standby never completes an access to the shared device',
  check(view) {
    for (const o of view.observations) {
      if (o.kind === 'access' && o.result === 'completed' && view.roleBefore[o.lpar] === ROLE_STANDBY) {
        return `LPAR${o.lpar}, a standby, completed a ${o.access} access to the card in slot ${o.slot}`;
      }
    }
    return null;
  },
};
