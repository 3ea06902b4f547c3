import { enabledOwner, reachingLpars } from '../../model/queries.ts';
import { hasGateKeeper, lateGateKeeperRewrite, slotIds, type Design, type ModelState } from '../../model/index.ts';
import type { Invariant } from '../catalogue-types.ts';
import { HOLDS, violated, type Verdict } from '../verdict.ts';

export const INV_01: Invariant = {
  id: 'INV-01',
  expect: 'always',
  name: 'at most one LPAR can reach each slot, by any path',
  coverage: 'model',
  note: 'Counts the enabled owner, the gate keeper entry, a stale cached translation, the issuer of I/O the card still holds, and every partition of a multi-port device. The emulator also counts configured devices and translations it actually used.',
  state(state, design) {
    for (const s of slotIds(state.config.slotCount)) {
      const reaching = reachingLpars(state, design, s);
      if (reaching.length > 1) return violated(`slot ${s} is reachable by ${reaching.map((l) => `LPAR${l}`).join(' and ')}`);
    }
    return HOLDS;
  },
};

export const INV_02: Invariant = {
  id: 'INV-02',
  expect: 'always',
  name: 'an MMIO or config access reaches the device only from the enabled owner',
  coverage: 'model',
  note: 'On the model the selector is one comparison, so single-port designs keep it by construction and a multi-port device breaks it; the emulator checks the selector it implements.',
  step({ before, result }) {
    for (const e of result.effects) {
      if (e.kind !== 'access' || e.result !== 'completed') continue;
      const owner = enabledOwner(before.slots[e.slot]!);
      if (owner !== e.lpar) return violated(`LPAR${e.lpar}'s ${e.access} access reached slot ${e.slot}, whose enabled owner is ${owner === null ? 'nobody' : `LPAR${owner}`}`);
    }
    return HOLDS;
  },
};

export const INV_03: Invariant = {
  id: 'INV-03',
  expect: 'always',
  name: "DMA reaches memory only inside the enabled owner's window, for I/O the owner issued",
  coverage: 'model',
  note: 'Every DMA the card performs is checked against the table as it was when the DMA happened. With a multi-port disk each partition has its own port, so only "for I/O that partition issued" applies.',
  step({ before, result, design }) {
    for (const e of result.effects) {
      if (e.kind !== 'dma' || e.result !== 'landed') continue;
      if (design.ports === 'multi') {
        if (e.issuer !== e.window) return violated(`DMA for ${e.issuer === null ? 'no I/O anyone issued' : `LPAR${e.issuer}'s I/O`} landed in LPAR${e.window}'s window`);
        continue;
      }
      const owner = enabledOwner(before.slots[e.slot]!);
      if (owner === null) return violated(`DMA from slot ${e.slot} landed in LPAR${e.window}'s window while the slot is disabled`);
      if (e.window !== owner) return violated(`DMA from slot ${e.slot} landed in LPAR${e.window}'s window; the enabled owner is LPAR${owner}`);
      if (e.issuer !== owner) {
        return violated(`DMA for ${e.issuer === null ? 'no I/O anyone issued' : `LPAR${e.issuer}'s I/O`} landed in LPAR${owner}'s window`);
      }
    }
    return HOLDS;
  },
};

function gateKeeperAgrees(state: ModelState, design: Design): Verdict {
  if (!hasGateKeeper(design)) return HOLDS;
  for (const s of slotIds(state.config.slotCount)) {
    const slot = state.slots[s]!;
    if (!slot.enabled) continue;
    if (slot.gateKeeper !== slot.owner) return violated(`slot ${s} is enabled for LPAR${slot.owner} but the gate keeper maps ${slot.gateKeeper === null ? 'nothing' : `LPAR${slot.gateKeeper}'s window`}`);
    if (slot.gateKeeperStale !== null && slot.gateKeeperStale !== slot.owner) {
      // Under enable-then-rewrite the stale mapping may be the gate keeper write not yet landed, not a cache.
      const cached = design.gateKeeperCache === 'invalidate-after-enable';
      const stale = !lateGateKeeperRewrite(design) ? 'a cached translation' : cached ? 'a cached translation or a gate keeper write not yet landed' : 'the gate keeper write has not landed: it';
      return violated(`slot ${s} is enabled for LPAR${slot.owner} but ${stale} still maps LPAR${slot.gateKeeperStale}'s window`);
    }
  }
  return HOLDS;
}

export const INV_04: Invariant = {
  id: 'INV-04',
  expect: 'always',
  name: 'the gate keeper agrees with the table',
  coverage: 'model',
  note: "While a slot is enabled the gate keeper (and any cached translation) maps the owner's window; while it is disabled no DMA passes. Designs without a gate keeper (second embodiment) check only the second half.",
  state: gateKeeperAgrees,
  step({ before, result }) {
    for (const e of result.effects) {
      if (e.kind === 'dma' && e.result === 'landed' && !before.slots[e.slot]!.enabled) {
        return violated(`DMA from slot ${e.slot} passed into LPAR${e.window}'s window while the slot's enable flag was 0`);
      }
    }
    return HOLDS;
  },
};

export const INV_05: Invariant = {
  id: 'INV-05',
  expect: 'always',
  name: 'a standby never completes an access to the shared device',
  coverage: 'model',
  note: 'An LPAR taking over (between detection and service start) is not a standby any more.',
  step({ before, result }) {
    for (const e of result.effects) {
      if (e.kind === 'access' && e.result === 'completed' && before.lpars[e.lpar]!.role === 'standby') {
        return violated(`LPAR${e.lpar}, a standby, completed a ${e.access} access to slot ${e.slot}`);
      }
    }
    return HOLDS;
  },
};
