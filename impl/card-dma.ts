import { NONE, OS_RUNNING, SERVICE_RUNNING } from './codes.ts';
import { EV_DMA } from './event-queue.ts';
import { acknowledge, SERVICE_SLOT } from './guest-driver.ts';
import { PAYLOAD_BYTES } from './layout.ts';
import type { Machine } from './machine.ts';

// The card's queued write, on its own so that step 503 can drain it (`quiesceBy: drain-at-add-pci`)
// as well as the device step perform it.

/**
 * The card performs its queued write: it fetches the data from the bus address its driver
 * programmed, translated by the gate keeper as it is NOW (so a write programmed by an old owner
 * can still be in flight across a reassignment, FLT-11), and lands it on the disk. Under the
 * `epoch` design I/O tagged with an old ownership epoch is dropped. The completion interrupt
 * reaches the issuer's driver, whose service acknowledges the client once durable.
 */
export function performDma(m: Machine, slot: number): void {
  const card = m.cards[slot]!;
  const issuer = card.queuedIssuer;
  const writeId = card.queuedWriteId;
  const busAddress = card.queuedBusAddress;
  const staleEpoch = m.design.inflightDmaOnReassign === 'epoch' && card.queuedEpoch !== card.epoch;
  card.dequeue();
  m.queue.cancel(EV_DMA, slot);
  const base = { kind: 'dma', slot, direction: 'read', issuer, busAddress, bytes: PAYLOAD_BYTES } as const;
  if (staleEpoch) {
    m.observe({ ...base, physicalAddress: NONE, result: 'dropped', reason: 'stale ownership epoch' });
    return;
  }
  // A multi-port disk has a port, and so a DMA path, per partition: the issuer's own window.
  const multiPort = m.design.ports === 'multi';
  const physical = multiPort ? m.memory.windowBase(issuer) + busAddress : m.gateKeeper.translate(slot, busAddress, PAYLOAD_BYTES);
  if (physical === NONE) {
    m.observe({ ...base, physicalAddress: NONE, result: 'blocked', reason: m.gateKeeper.lastReason });
    return;
  }
  m.observe({ ...base, physicalAddress: physical, result: 'landed', reason: multiPort ? "the issuer's own port" : 'translated by the gate keeper' });
  if (slot !== SERVICE_SLOT) return; // only slot 0 carries the service's disk
  m.disk.write(writeId, m.memory.bytes, physical);
  m.observe({ kind: 'disk-write', writeId, writer: issuer });
  const g = m.guests[issuer]!;
  if (m.design.clientAck === 'after-durable' && g.os === OS_RUNNING && !g.paused && g.service === SERVICE_RUNNING) acknowledge(m, writeId, issuer);
}

