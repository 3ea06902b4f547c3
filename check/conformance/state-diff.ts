import type { LparState, ModelState, SlotState } from '../../model/index.ts';
import { CARD_NAMES, DRIVER_NAMES, EVENT_NAMES, NONE, OS_NAMES, ROLE_NAMES, SERVICE_NAMES } from '../../impl/codes.ts';
import { staleGateKeeperWindow, writtenGateKeeperWindow } from '../../impl/abstract.ts';
import { silenceTicks } from '../../impl/heartbeat.ts';
import type { Machine } from '../../impl/machine.ts';

// The conformance comparison, field by field against the registers: the same mapping as the
// abstraction function (impl/abstract.ts), without building a ModelState, so that the common
// case (everything agrees) allocates nothing. state-diff.test.ts shows it agrees with comparing
// `stateKey(abstract())`.

/**
 * Collects differences as "field: model X, emulator Y", naming at most a few. The field name is
 * built only for a difference: scope ('lpars', 'slots' or '') and index, field, and an optional
 * element index (-1 for none).
 */
class Differences {
  readonly found: string[] = [];
  check(scope: string, index: number, field: string, element: number, model: unknown, emulator: unknown): void {
    if (model === emulator) return;
    if (this.found.length > 6) return;
    if (this.found.length === 6) {
      this.found.push('…');
      return;
    }
    const name = `${scope === '' ? '' : `${scope}[${index}].`}${field}${element < 0 ? '' : `[${element}]`}`;
    this.found.push(`${name}: model ${String(model)}, emulator ${String(emulator)}`);
  }
}

const shared = new Differences();
const AGREE: readonly string[] = Object.freeze([]);

const lparName = (v: number) => (v === NONE ? null : v);

function diffLpar(d: Differences, m: Machine, l: number, model: LparState): void {
  const g = m.guests[l]!;
  const c = m.cluster[l]!;
  const a = m.acpi[l]!;
  d.check('lpars', l, 'os', -1, model.os, OS_NAMES[g.os]);
  d.check('lpars', l, 'paused', -1, model.paused, g.paused);
  d.check('lpars', l, 'role', -1, model.role, ROLE_NAMES[c.role]);
  d.check('lpars', l, 'service', -1, model.service, SERVICE_NAMES[g.service]);
  for (let s = 0; s < m.slotCount; s += 1) d.check('lpars', l, 'devices', s, model.devices[s], DRIVER_NAMES[g.drivers[s]!]);
  d.check('lpars', l, 'gpe.status', -1, model.gpe.status, a.statusSet);
  d.check('lpars', l, 'gpe.enabled', -1, model.gpe.enabled, a.enabled);
  d.check('lpars', l, 'gpe.insertMask', -1, model.gpe.insertMask, a.pciUp);
  d.check('lpars', l, 'gpe.ejectMask', -1, model.gpe.ejectMask, a.pciDown);
  d.check('lpars', l, 'gpe.sciEdge', -1, model.gpe.sciEdge === true, a.sciEdge);
  d.check('lpars', l, 'cluster.alive', -1, model.cluster.alive, c.alive);
  d.check('lpars', l, 'cluster.silenceTicks', -1, model.cluster.silenceTicks, silenceTicks(m, l));
  d.check('lpars', l, 'cluster.peerServiceFailed', -1, model.cluster.peerServiceFailed, c.peerServiceFailed);
  d.check('lpars', l, 'cluster.stepsThisTick', -1, model.cluster.stepsThisTick ?? 0, c.stepsThisTick);
  const script = model.cluster.script;
  d.check('lpars', l, 'cluster.script.victim', -1, script?.victim ?? null, lparName(c.scriptVictim));
  if (script !== null && c.hasScript) {
    d.check('lpars', l, 'cluster.script.step', -1, script.step, c.scriptStep);
    d.check('lpars', l, 'cluster.script.slotMask', -1, script.slotMask, c.scriptSlotMask);
    d.check('lpars', l, 'cluster.script.falsePositive', -1, script.falsePositive, c.scriptFalsePositive);
  }
  d.check('lpars', l, 'heartbeatLinkUp', -1, model.heartbeatLinkUp, c.heartbeatLinkUp);
  d.check('lpars', l, 'shutdownRequested', -1, model.shutdownRequested, g.shutdownRequested);
  d.check('lpars', l, 'deactIneffective', -1, model.deactIneffective, m.deactFails[l] === 1);
  d.check('lpars', l, 'cpuPercent', -1, model.cpuPercent, m.cpuPercent[l]);
  d.check('lpars', l, 'detectedFailed', -1, model.detectedFailed, (m.failedMask & (1 << l)) !== 0);
}

function diffSlot(d: Differences, m: Machine, s: number, model: SlotState): void {
  const card = m.cards[s]!;
  d.check('slots', s, 'card', -1, model.card, CARD_NAMES[card.state]);
  d.check('slots', s, 'owner', -1, model.owner, lparName(m.owner[s]!));
  d.check('slots', s, 'enabled', -1, model.enabled, m.enabled[s] === 1);
  d.check('slots', s, 'gateKeeper', -1, model.gateKeeper, lparName(writtenGateKeeperWindow(m, s)));
  d.check('slots', s, 'gateKeeperStale', -1, model.gateKeeperStale, lparName(staleGateKeeperWindow(m, s)));
  d.check('slots', s, 'pendingAdd', -1, model.pendingAdd, lparName(m.pendingAdd[s]!));
  d.check('slots', s, 'romSci.target', -1, model.romSci?.target ?? null, lparName(card.romTarget));
  if (model.romSci !== null && card.romTarget !== NONE) d.check('slots', s, 'romSci.event', -1, model.romSci.event, EVENT_NAMES[card.romEvent]);
  d.check('slots', s, 'io.issuer', -1, model.io?.issuer ?? null, card.queued ? card.queuedIssuer : null);
  if (model.io !== null && card.queued) {
    d.check('slots', s, 'io.writeId', -1, model.io.writeId, card.queuedWriteId);
    d.check('slots', s, 'io.stale', -1, model.io.stale, m.design.inflightDmaOnReassign === 'epoch' && card.queuedEpoch !== card.epoch);
  }
  d.check('slots', s, 'ejectAwaitingAck', -1, model.ejectAwaitingAck, lparName(m.ejectAckAwaited[s]!));
}

/** Where the abstraction of the machine differs from the model's state; empty when they agree. */
export function stateDifferences(m: Machine, model: ModelState): readonly string[] {
  const d = shared;
  d.found.length = 0;
  for (let l = 0; l < m.lparCount; l += 1) diffLpar(d, m, l, model.lpars[l]!);
  for (let s = 0; s < m.slotCount; s += 1) diffSlot(d, m, s, model.slots[s]!);
  d.check('', 0, 'disk.writeId', -1, model.disk.writeId, m.disk.writeId);
  d.check('', 0, 'disk.intact', -1, model.disk.intact, m.disk.intact);
  d.check('', 0, 'serviceOwner', -1, model.serviceOwner, m.activeLpar);
  d.check('', 0, 'previousServiceOwner', -1, model.previousServiceOwner, lparName(m.previousActive));
  d.check('', 0, 'writesIssued', -1, model.writesIssued, m.writesIssued);
  d.check('', 0, 'ackedWriteId', -1, model.ackedWriteId, m.ackedWriteId);
  d.check('', 0, 'faultsUsed', -1, model.faultsUsed, m.faultsUsed);
  return d.found.length === 0 ? AGREE : [...d.found];
}
