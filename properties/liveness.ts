import { lparIds, recoveryBoundSteps, slotIds, type Design, type LparId, type ModelState } from '../model/index.ts';
import { enabledOwner, selectorAllows, SERVICE_SLOT } from '../model/queries.ts';
import type { Liveness } from './catalogue-types.ts';

const always = () => null;

/** A dead card, or one pulled that nobody asked the system manager to put back: the disk cannot be served. */
function serviceDiskGone(state: ModelState): boolean {
  const slot = state.slots[SERVICE_SLOT]!;
  return slot.card === 'failed' || (slot.card === 'absent' && slot.pendingAdd === null);
}
/** LIV-01's permanent-fault excuse, stated: nothing in the model repairs a failed card. */
export const LIV_01_EXCUSE = 'Excused while the service slot\'s card has failed, or is absent with no add_pci waiting for a new one (502): a permanent fault (the model has no repair of a failed card), after which no takeover can mount the disk; LIV-05 is what speaks about a failed card.';

/** The LPAR serves: active, service running, enabled owner of the service slot, disk mounted. */
function serves(state: ModelState, design: Design, l: LparId): boolean {
  const lpar = state.lpars[l]!;
  return lpar.os === 'running' && lpar.role === 'active' && lpar.service === 'running'
    && selectorAllows(state, design, l, SERVICE_SLOT) && lpar.devices[SERVICE_SLOT] === 'mounted';
}

export const LIVENESS: readonly Liveness[] = [
  {
    id: 'LIV-01', expect: 'eventually', name: 'a fail-over completes: the new active owns the enabled slot, has the disk mounted and runs the service',
    notApplicable: always,
    note: LIV_01_EXCUSE,
    pending(state, design) {
      // A dead card, or one pulled after 503 that nobody asked the system manager to put back,
      // is a fault that does not stop: the disk cannot be taken over.
      if (serviceDiskGone(state)) return [];
      return lparIds(state.config.lparCount)
        .filter((l) => {
          const lpar = state.lpars[l]!;
          return lpar.os === 'running' && (lpar.role === 'takeover' || lpar.cluster.script !== null) && !serves(state, design, l);
        })
        .map((l) => `LPAR${l} is taking over but does not serve yet`);
    },
  },
  {
    id: 'LIV-02', expect: 'eventually', name: 'a hot-add to a running LPAR with a card present ends with the disk mounted there',
    notApplicable: always,
    pending(state) {
      const open: string[] = [];
      for (const s of slotIds(state.config.slotCount)) {
        const slot = state.slots[s]!;
        const owner = enabledOwner(slot);
        if (owner === null || slot.card !== 'present') continue;
        const lpar = state.lpars[owner]!;
        if (lpar.os === 'running' && lpar.devices[s] !== 'mounted') open.push(`LPAR${owner} owns slot ${s} but has not mounted it`);
      }
      return open;
    },
  },
  {
    id: 'LIV-03', expect: 'eventually', name: 'a hot-remove ends with the target no longer using the slot (or fenced)',
    notApplicable: always,
    pending(state, design) {
      const open: string[] = [];
      for (const l of lparIds(state.config.lparCount)) {
        const lpar = state.lpars[l]!;
        if (lpar.os !== 'running') continue;
        for (const s of slotIds(state.config.slotCount)) {
          if (lpar.devices[s] !== 'none' && !selectorAllows(state, design, l, s)) open.push(`LPAR${l} still uses slot ${s}, which it can no longer reach`);
        }
      }
      return open;
    },
  },
  {
    id: 'LIV-04', expect: 'eventually', name: 'the failed LPAR comes back as the standby',
    notApplicable: always,
    pending(state, design) {
      return lparIds(state.config.lparCount)
        .filter((l) => {
          const lpar = state.lpars[l]!;
          if (!lpar.detectedFailed) return false;
          // Back: running as a standby — or still serving, when the fail-over against it was abandoned.
          if (lpar.os === 'running' && (lpar.role === 'standby' || serves(state, design, l))) return false;
          // Somebody must be left to bring it back: an LPAR other than it whose OS runs.
          return state.lpars.some((o, i) => i !== l && o.os === 'running');
        })
        .map((l) => `LPAR${l} was declared failed and is not back as a standby`);
    },
  },
  {
    id: 'LIV-05', expect: 'eventually', name: 'after an unrecoverable device error the card is hot-removed from its owner',
    // A device error (FLT-05) can occur in every design, so this applies to every design: one
    // without the Fig. 17 path must show another way its owner stops using a dead card.
    notApplicable: always,
    pending(state) {
      const open: string[] = [];
      for (const s of slotIds(state.config.slotCount)) {
        const slot = state.slots[s]!;
        const owner = enabledOwner(slot);
        if (slot.card !== 'failed' || owner === null) continue;
        const lpar = state.lpars[owner]!;
        if (lpar.os === 'running' && lpar.devices[s] !== 'none') open.push(`LPAR${owner} still uses the failed card in slot ${s}`);
      }
      return open;
    },
  },
  {
    id: 'LIV-06', expect: 'eventually', name: 'bounded recovery: after the last fault the service runs again within the design\'s recoveryBoundSteps fair steps',
    notApplicable: always,
    withinSteps: recoveryBoundSteps,
    note: 'Excused while the service slot\'s card has failed or is gone with nothing waiting for a new one (as LIV-01), or while no LPAR but the owner of record runs: a failed service does not restart in place, and a crashed OS comes back only by a fault.',
    pending(state, design) {
      // Excused while the disk cannot be served, or nobody but the owner of record is left running
      // to take over (a failed service does not restart in place; a crashed OS only by a fault).
      if (serviceDiskGone(state) || !state.lpars.some((l, i) => i !== state.serviceOwner && l.os === 'running')) return [];
      return lparIds(state.config.lparCount).some((l) => serves(state, design, l)) ? [] : ['no LPAR serves'];
    },
  },
];
