import { staleGateKeeperWindow, writtenGateKeeperWindow } from '../../impl/abstract.ts';
import { CARD_NAMES, DRIVER_NAMES, EVENT_NAMES, NONE, OS_NAMES, ROLE_NAMES, SERVICE_NAMES } from '../../impl/codes.ts';
import { silenceTicks } from '../../impl/heartbeat.ts';
import type { Machine } from '../../impl/machine.ts';
import { cpuCode } from '../../model/packed/codec.ts';
import type { DesignCode } from '../../model/packed/design-code.ts';
import type { Layout } from '../../model/packed/layout.ts';
import * as R from '../../model/packed/registers.ts';

// The abstraction function (impl/abstract.ts) written straight into the packed engine's
// registers, so that the packed random runs compare emulator and model as a few integers without
// building a ModelState. abstract-registers.test.ts shows it equals `toRegisters(abstractState(m))`.

/** impl code → register code, matched by the model's name for it (the two tables differ in order). */
const recode = (names: readonly string[], table: readonly string[]) => Int32Array.from(names, (n) => R.codeOf(table, n, 'code'));
const OS = recode(OS_NAMES, R.OS_STATES);
const ROLE = recode(ROLE_NAMES, R.ROLES);
const SERVICE = recode(SERVICE_NAMES, R.SERVICE_STATES);
const DRIVER = recode(DRIVER_NAMES, R.GUEST_DEVICES);
const CARD = recode(CARD_NAMES, R.CARD_STATES);
const EVENT = recode(EVENT_NAMES, R.HOTPLUG_EVENTS);

const bit = (b: boolean) => (b ? 1 : 0);

function writeLpar(m: Machine, l: number, d: DesignCode, regs: Int32Array): void {
  const base = R.lparBase(l);
  const g = m.guests[l]!;
  const c = m.cluster[l]!;
  const a = m.acpi[l]!;
  regs[base + R.OS] = OS[g.os]!;
  regs[base + R.PAUSED] = bit(g.paused);
  regs[base + R.ROLE] = ROLE[c.role]!;
  regs[base + R.SERVICE] = SERVICE[g.service]!;
  for (let s = 0; s < m.slotCount; s += 1) regs[base + R.DEV + s] = DRIVER[g.drivers[s]!]!;
  regs[base + R.GPE_STATUS] = bit(a.statusSet);
  regs[base + R.GPE_ENABLED] = bit(a.enabled);
  regs[base + R.GPE_INSERT] = a.pciUp;
  regs[base + R.GPE_EJECT] = a.pciDown;
  regs[base + R.GPE_SCI_EDGE] = bit(a.sciEdge);
  regs[base + R.ALIVE] = bit(c.alive);
  regs[base + R.SILENCE] = silenceTicks(m, l);
  regs[base + R.PEER_FAILED] = bit(c.peerServiceFailed);
  regs[base + R.CLUSTER_STEPS] = c.stepsThisTick;
  regs[base + R.SCRIPT_VICTIM] = c.hasScript ? c.scriptVictim : R.NONE;
  regs[base + R.SCRIPT_STEP] = c.hasScript ? c.scriptStep : 0;
  regs[base + R.SCRIPT_MASK] = c.hasScript ? c.scriptSlotMask : 0;
  regs[base + R.SCRIPT_FALSE_POSITIVE] = c.hasScript ? bit(c.scriptFalsePositive) : 0;
  regs[base + R.HB_LINK_UP] = bit(c.heartbeatLinkUp);
  regs[base + R.SHUTDOWN_REQUESTED] = bit(g.shutdownRequested);
  regs[base + R.DEACT_INEFFECTIVE] = bit(m.deactFails[l] === 1);
  regs[base + R.CPU] = cpuCode(m.cpuPercent[l]!, d);
  regs[base + R.DETECTED_FAILED] = bit((m.failedMask & (1 << l)) !== 0);
}

function writeSlot(m: Machine, s: number, regs: Int32Array): void {
  const base = R.slotBase(s);
  const card = m.cards[s]!;
  regs[base + R.CARD] = CARD[card.state]!;
  regs[base + R.OWNER] = m.owner[s]!;
  regs[base + R.ENABLED] = m.enabled[s]!;
  regs[base + R.GATE_KEEPER] = writtenGateKeeperWindow(m, s);
  regs[base + R.GATE_KEEPER_STALE] = staleGateKeeperWindow(m, s);
  regs[base + R.PENDING_ADD] = m.pendingAdd[s]!;
  const rom = card.romTarget !== NONE;
  regs[base + R.ROM_TARGET] = rom ? card.romTarget : R.NONE;
  regs[base + R.ROM_EVENT] = rom ? EVENT[card.romEvent]! : 0;
  regs[base + R.IO_ISSUER] = card.queued ? card.queuedIssuer : R.NONE;
  regs[base + R.IO_WRITE] = card.queued ? card.queuedWriteId : 0;
  regs[base + R.IO_STALE] = card.queued ? bit(m.design.inflightDmaOnReassign === 'epoch' && card.queuedEpoch !== card.epoch) : 0;
  regs[base + R.EJECT_AWAITING_ACK] = m.ejectAckAwaited[s]!;
}

/**
 * The machine's abstracted state as registers (the configuration's LPARs and slots; every other
 * register at the layout's default). Throws, like `toRegisters`, if a value has no register code
 * (a CPU rate that is none of the design's three).
 */
export function abstractRegisters(m: Machine, d: DesignCode, layout: Layout, regs: Int32Array): void {
  for (let i = 0; i < regs.length; i += 1) regs[i] = -layout.bias[i]!;
  writeAbstraction(m, d, regs);
}

/**
 * `abstractRegisters` without the reset: writes only the registers of the configuration's LPARs,
 * slots and globals. For a buffer that `abstractRegisters` filled once: the others never change.
 */
export function writeAbstraction(m: Machine, d: DesignCode, regs: Int32Array): void {
  regs[R.DISK_WRITE] = m.disk.writeId;
  regs[R.DISK_INTACT] = bit(m.disk.intact);
  regs[R.SERVICE_OWNER] = m.activeLpar;
  regs[R.PREV_OWNER] = m.previousActive;
  regs[R.WRITES_ISSUED] = m.writesIssued;
  regs[R.ACKED_WRITE] = m.ackedWriteId;
  regs[R.FAULTS_USED] = m.faultsUsed;
  for (let l = 0; l < m.lparCount; l += 1) writeLpar(m, l, d, regs);
  for (let s = 0; s < m.slotCount; s += 1) writeSlot(m, s, regs);
}
