import type { LparState, ModelState, SlotState } from './state.ts';

// A canonical, order-independent key for a model state: every field written in a fixed order,
// so two states are equal exactly when their keys are. Never depends on object key order.

const n = (v: number | null) => (v === null ? '-' : String(v));
const b = (v: boolean) => (v ? '1' : '0');

function lparKey(l: LparState): string {
  const s = l.cluster.script;
  const script = s === null ? '-' : `${s.victim}.${s.step}.${s.slotMask}.${b(s.falsePositive)}`;
  return [
    l.os, b(l.paused), l.role, l.service, l.devices.join(','),
    `${b(l.gpe.status)}${b(l.gpe.enabled)}${l.gpe.sciEdge === true ? 'e' : ''}${l.gpe.insertMask}.${l.gpe.ejectMask}`,
    `${b(l.cluster.alive)}${l.cluster.silenceTicks}${b(l.cluster.peerServiceFailed)}:${script}${l.cluster.stepsThisTick === undefined ? '' : `+${l.cluster.stepsThisTick}`}`,
    b(l.heartbeatLinkUp), b(l.shutdownRequested), b(l.deactIneffective), String(l.cpuPercent), b(l.detectedFailed),
  ].join('/');
}

function slotKey(s: SlotState): string {
  const io = s.io === null ? '-' : `${s.io.issuer}.${s.io.writeId}.${b(s.io.stale)}`;
  const rom = s.romSci === null ? '-' : `${s.romSci.target}.${s.romSci.event}`;
  return [s.card, n(s.owner), b(s.enabled), n(s.gateKeeper), n(s.gateKeeperStale), n(s.pendingAdd), rom, io, n(s.ejectAwaitingAck)].join('/');
}

export function stateKey(state: ModelState): string {
  return [
    state.lpars.map(lparKey).join('|'),
    state.slots.map(slotKey).join('|'),
    `${state.disk.writeId}${b(state.disk.intact)}`,
    n(state.serviceOwner), n(state.previousServiceOwner),
    state.writesIssued, state.ackedWriteId, state.faultsUsed,
  ].join('#');
}
