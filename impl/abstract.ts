import type { GpeState, LparId, LparState, ModelState, Script, SlotState } from '../model/index.ts';
import { CARD_NAMES, DRIVER_NAMES, EVENT_NAMES, NONE, OS_NAMES, ROLE_NAMES, SERVICE_NAMES } from './codes.ts';
import { EV_GK_POSTED } from './event-queue.ts';
import { silenceTicks } from './heartbeat.ts';
import type { Machine } from './machine.ts';

// The abstraction function: registers, bytes and queues → the model's state (model/state.ts).
// A pure function of the machine; it allocates the whole ModelState, so the conformance check
// uses `state-diff` instead and this serves reports, traces and tests.

const lparOrNull = (v: number): LparId | null => (v === NONE ? null : (v as LparId));

function script(m: Machine, l: number): Script | null {
  const c = m.cluster[l]!;
  if (!c.hasScript) return null;
  return { victim: c.scriptVictim as LparId, step: c.scriptStep, slotMask: c.scriptSlotMask, falsePositive: c.scriptFalsePositive };
}

function lparState(m: Machine, l: number): LparState {
  const g = m.guests[l]!;
  const c = m.cluster[l]!;
  const a = m.acpi[l]!;
  const gpe: GpeState = { status: a.statusSet, enabled: a.enabled, insertMask: a.pciUp, ejectMask: a.pciDown, ...(a.sciEdge ? { sciEdge: true as const } : {}) };
  return {
    os: OS_NAMES[g.os]!,
    paused: g.paused,
    role: ROLE_NAMES[c.role]!,
    service: SERVICE_NAMES[g.service]!,
    devices: Array.from(g.drivers, (d) => DRIVER_NAMES[d]!),
    gpe,
    cluster: {
      alive: c.alive, silenceTicks: silenceTicks(m, l), peerServiceFailed: c.peerServiceFailed, script: script(m, l),
      ...(c.stepsThisTick > 0 ? { stepsThisTick: c.stepsThisTick } : {}),
    },
    heartbeatLinkUp: c.heartbeatLinkUp,
    shutdownRequested: g.shutdownRequested,
    deactIneffective: m.deactFails[l] === 1,
    cpuPercent: m.cpuPercent[l]!,
    detectedFailed: (m.failedMask & (1 << l)) !== 0,
  };
}

/** The card's queued write as the model sees it; `stale` under epochs when its tag is an old epoch. */
function inflightIo(m: Machine, s: number): SlotState['io'] {
  const card = m.cards[s]!;
  if (!card.queued) return null;
  const stale = m.design.inflightDmaOnReassign === 'epoch' && card.queuedEpoch !== card.epoch;
  return { issuer: card.queuedIssuer as LparId, writeId: card.queuedWriteId, stale };
}

/**
 * The model's gate keeper is the entry the control program last wrote; its stale translation is
 * whatever DMA still goes to before that write takes effect: a cached IOTLB entry, or the entry
 * itself while a write posted behind the enable flag (enable-then-rewrite) has not landed.
 * Both return a window or NONE (shared with the conformance check's state-diff).
 */
export function writtenGateKeeperWindow(m: Machine, s: number): number {
  return m.queue.has(EV_GK_POSTED, s) ? m.queue.argOf(EV_GK_POSTED, s) : m.gateKeeper.entryWindow(s);
}

export function staleGateKeeperWindow(m: Machine, s: number): number {
  const cached = m.gateKeeper.cachedWindow(s);
  return cached === NONE && m.queue.has(EV_GK_POSTED, s) ? m.gateKeeper.entryWindow(s) : cached;
}

function slotState(m: Machine, s: number): SlotState {
  const card = m.cards[s]!;
  const rom = card.romTarget === NONE ? null : { target: card.romTarget as LparId, event: EVENT_NAMES[card.romEvent] };
  return {
    card: CARD_NAMES[card.state]!,
    owner: lparOrNull(m.owner[s]!),
    enabled: m.enabled[s] === 1,
    gateKeeper: lparOrNull(writtenGateKeeperWindow(m, s)),
    gateKeeperStale: lparOrNull(staleGateKeeperWindow(m, s)),
    pendingAdd: lparOrNull(m.pendingAdd[s]!),
    romSci: rom,
    io: inflightIo(m, s),
    ejectAwaitingAck: lparOrNull(m.ejectAckAwaited[s]!),
  };
}

export function abstractState(m: Machine): ModelState {
  return {
    config: m.config,
    lpars: Array.from({ length: m.lparCount }, (_, l) => lparState(m, l)),
    slots: Array.from({ length: m.slotCount }, (_, s) => slotState(m, s)),
    disk: { writeId: m.disk.writeId, intact: m.disk.intact },
    serviceOwner: m.activeLpar as LparId,
    previousServiceOwner: lparOrNull(m.previousActive),
    writesIssued: m.writesIssued,
    ackedWriteId: m.ackedWriteId,
    faultsUsed: m.faultsUsed,
  };
}
