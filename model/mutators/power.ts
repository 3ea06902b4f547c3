import type { Draft } from 'immer';
import { keptSteps } from '../cluster-budget.ts';
import type { Emit } from '../commit.ts';
import type { Design } from '../design.ts';
import type { LparId, SlotId } from '../ids.ts';
import type { LparState, ModelState } from '../state.ts';

function resetGuestMutably(l: Draft<LparState>): void {
  l.paused = false;
  l.role = 'standby';
  l.service = 'stopped';
  l.devices = l.devices.map(() => 'none');
  l.gpe = { status: false, enabled: true, insertMask: 0, ejectMask: 0 };
  l.cluster = { alive: false, silenceTicks: 0, peerServiceFailed: false, script: null, ...keptSteps(l.cluster) };
  l.shutdownRequested = false;
  l.deactIneffective = false;
}

/** `deact` that takes effect: the LPAR's power goes off, and everything the guest held with it. */
export function powerOffMutably(draft: Draft<ModelState>, lpar: LparId): void {
  const l = draft.lpars[lpar]!;
  resetGuestMutably(l);
  l.os = 'off';
  l.cpuPercent = 0;
  for (const slot of draft.slots) {
    if (slot.ejectAwaitingAck === lpar) slot.ejectAwaitingAck = null;
    if (slot.pendingAdd === lpar) slot.pendingAdd = null;
  }
}

/**
 * `act` boots the LPAR as a standby. A `reset` (FLT-16) keeps what the cluster knows: an active
 * LPAR stays active, its service down, until the cluster fails it over; one taking over goes on
 * if its script is journaled, else it is a standby again. Boot enumeration configures every slot
 * the table gives it, which is how a hot-plug event lost to a power cycle is reflected (INV-08).
 */
export function bootMutably(draft: Draft<ModelState>, design: Design, lpar: LparId, emit: Emit, cause: 'act' | 'reset'): void {
  const l = draft.lpars[lpar]!;
  const role = l.role;
  const script = l.cluster.script;
  resetGuestMutably(l);
  if (cause === 'reset' && role === 'active') l.role = 'active';
  if (cause === 'reset' && role === 'takeover' && design.scriptSurvivesRestart && script !== null) {
    l.role = 'takeover';
    l.cluster.script = script;
  }
  l.os = 'running';
  l.cluster.alive = true;
  l.cpuPercent = design.cpuStandbyPercent;
  draft.slots.forEach((slot, i) => {
    if (slot.ejectAwaitingAck === lpar) slot.ejectAwaitingAck = null; // rebooted without it
    const attached = design.ports === 'multi' || (slot.owner === lpar && slot.enabled);
    if (attached && slot.card === 'present') {
      l.devices[i] = 'configured';
      emit({ kind: 'access', lpar, slot: i as SlotId, access: 'config', result: 'completed' });
    }
  });
}
