import {
  CARD_PRESENT, DRIVER_CONFIGURED, DRIVER_EJECTING, DRIVER_INSERTING, DRIVER_MOUNTED, DRIVER_NAMES, DRIVER_NONE, NONE,
  OS_SHUTDOWN, SERVICE_RUNNING, SERVICE_STOPPED,
} from './codes.ts';
import { EV_DMA } from './event-queue.ts';
import { bufferGpa, PAYLOAD_BYTES, payloadByte } from './layout.ts';
import type { Machine } from './machine.ts';
import { notEnabled, refusal, type Refusal } from '../model/handler.ts';
import { outboundAccess, selectorAllows } from './selector.ts';

/** The service's disk hangs off slot 0. */
export const SERVICE_SLOT = 0;

const STAGES = {
  guest_configure: { from: DRIVER_INSERTING, to: DRIVER_CONFIGURED, access: 'config', step: 507 },
  guest_mount: { from: DRIVER_CONFIGURED, to: DRIVER_MOUNTED, access: 'mmio', step: 508 },
} as const;
export type DriverStage = keyof typeof STAGES;

export function stageRefusal(m: Machine, lpar: number, slot: number, stage: DriverStage): Refusal | null {
  const g = m.guests[lpar]!;
  if (!g.up) return notEnabled(`LPAR${lpar} is ${g.paused ? 'paused' : 'not running'}`);
  const from = STAGES[stage].from;
  if (g.drivers[slot] !== from) return notEnabled(`LPAR${lpar}'s driver for slot ${slot} is ${DRIVER_NAMES[g.drivers[slot]!]}, not ${DRIVER_NAMES[from]}`);
  return null;
}

/** Step 507 (configure: config-space accesses) or 508 (mount: MMIO). A refused access makes the OS give the device up. */
export function runStage(m: Machine, lpar: number, slot: number, stage: DriverStage): void {
  const s = STAGES[stage];
  m.observe({ kind: 'patent-step', step: s.step });
  const result = outboundAccess(m, lpar, slot, s.access);
  m.guests[lpar]!.drivers[slot] = result === 'completed' ? s.to : DRIVER_NONE;
}

export function unmountRefusal(m: Machine, lpar: number, slot: number): Refusal | null {
  const g = m.guests[lpar]!;
  if (!g.up) return notEnabled(`LPAR${lpar} is ${g.paused ? 'paused' : 'not running'}`);
  if (g.drivers[slot] !== DRIVER_EJECTING) return notEnabled(`LPAR${lpar} has no eject to process for slot ${slot}`);
  return null;
}

/** The eject-acknowledge register write, trapped by the control program: only the awaited LPAR's counts. */
export function writeEjectAck(m: Machine, lpar: number, slot: number): void {
  const accepted = m.ejectAckAwaited[slot] === lpar;
  if (accepted) m.ejectAckAwaited[slot] = NONE;
  m.observe({ kind: 'eject-ack', lpar, slot, accepted });
}

/** Step 606: stop using the slot and unmount; losing the service's disk stops the service; acknowledge the eject. */
export function runUnmount(m: Machine, lpar: number, slot: number): void {
  const g = m.guests[lpar]!;
  m.observe({ kind: 'patent-step', step: 606 });
  g.drivers[slot] = DRIVER_NONE;
  if (slot === SERVICE_SLOT && g.service === SERVICE_RUNNING) g.service = SERVICE_STOPPED;
  if (m.design.ejectAck === 'required') writeEjectAck(m, lpar, slot);
}

export function shutdownRefusal(m: Machine, lpar: number): Refusal | null {
  const g = m.guests[lpar]!;
  if (!g.up) return notEnabled(`LPAR${lpar} is ${g.paused ? 'paused' : 'not running'}`);
  if (!g.shutdownRequested) return notEnabled(`nobody asked LPAR${lpar} to shut down`);
  if (!m.cluster[lpar]!.alive) return notEnabled(`LPAR${lpar}'s clustering program is not running to act on the request`);
  return null;
}

/** Step 1108 on the failed LPAR: its clustering program stops the service, unmounts and shuts the OS down. */
export function runShutdown(m: Machine, lpar: number): void {
  const g = m.guests[lpar]!;
  const c = m.cluster[lpar]!;
  g.service = SERVICE_STOPPED;
  g.drivers.fill(DRIVER_NONE);
  g.os = OS_SHUTDOWN;
  g.shutdownRequested = false;
  c.alive = false;
  c.dropScript();
  for (let s = 0; s < m.slotCount; s += 1) if (m.ejectAckAwaited[s] === lpar) m.ejectAckAwaited[s] = NONE;
}

export function clientWriteRefusal(m: Machine, lpar: number): Refusal | null {
  if (m.writesIssued >= m.config.writeBudget) return refusal('write-budget-spent', `all ${m.config.writeBudget} client writes of this run are spent`);
  const g = m.guests[lpar]!;
  if (!g.up || g.service !== SERVICE_RUNNING) return notEnabled(`LPAR${lpar} runs no service to take a client write`);
  const card = m.cards[SERVICE_SLOT]!;
  // The driver reads the card's busy bit first; a full queue of depth 1 turns the client away.
  if (selectorAllows(m, lpar, SERVICE_SLOT) && card.state === CARD_PRESENT && card.queued) {
    return refusal('device-busy', `the card in slot ${SERVICE_SLOT} still holds write ${card.queuedWriteId}`);
  }
  return null;
}

/**
 * A client's write reaches the service: the driver fills the write's data buffer in its own
 * memory window, then programs the card by MMIO (DMA address, write id, doorbell). The card
 * fetches the data later (`device_dma`). Acknowledged now or once durable (open question 7).
 */
export function runClientWrite(m: Machine, lpar: number): void {
  const writeId = m.writesIssued + 1;
  m.writesIssued = writeId;
  const at = m.memory.windowBase(lpar) + bufferGpa(writeId);
  for (let i = 0; i < PAYLOAD_BYTES; i += 1) m.memory.bytes[at + i] = payloadByte(writeId, i);
  if (outboundAccess(m, lpar, SERVICE_SLOT, 'mmio') !== 'completed') return;
  const card = m.cards[SERVICE_SLOT]!;
  card.dmaAddressRegister = bufferGpa(writeId);
  card.writeIdRegister = writeId;
  card.ringDoorbell(lpar);
  m.queue.schedule(EV_DMA, SERVICE_SLOT, 0, m.nowTick);
  if (m.design.clientAck === 'before-durable') acknowledge(m, writeId, lpar);
}

/** The client gets its acknowledgement. */
export function acknowledge(m: Machine, writeId: number, lpar: number): void {
  if (writeId > m.ackedWriteId) m.ackedWriteId = writeId;
  m.observe({ kind: 'ack', writeId, lpar });
}
