import { EVENT_NAMES, NONE, type HotplugEvent } from './codes.ts';
import { lateGateKeeperRewrite, quiesceBy } from '../model/index.ts';
import { performDma } from './card-dma.ts';
import { EV_DMA, EV_GK_POSTED, EV_GK_REWRITE, EV_IOTLB_INVALIDATE, EV_ROM_SCI } from './event-queue.ts';
import type { Machine } from './machine.ts';

// The control program's side of logical hot-plug: the table, the gate keeper, the card's queue
// when the slot changes hands, and the SCI (Fig. 5 steps 503–504, Fig. 6 steps 601–603).

/**
 * Hand a hot-plug event to the LPAR's emulated ACPI block. A powered-off LPAR's block is held in
 * reset and gets nothing (its next boot enumerates the table instead).
 */
export function deliverHotplugEvent(m: Machine, lpar: number, slot: number, event: HotplugEvent): void {
  const result = m.guests[lpar]!.poweredOn ? m.acpi[lpar]!.post(slot, event, m.design.sciWhenGpeDisabled) : 'dropped';
  m.observe({ kind: 'sci', lpar, slot, event: EVENT_NAMES[event], result });
}

/** Steps 504 / 603: raise the logical SCI, or (Fig. 14) write the card's ROM request register. */
export function raiseHotplugSci(m: Machine, lpar: number, slot: number, event: HotplugEvent): void {
  if (m.design.sciSource !== 'card-rom') {
    deliverHotplugEvent(m, lpar, slot, event);
    return;
  }
  const card = m.cards[slot]!;
  card.romTarget = lpar; // one request register: a newer request replaces an unserved one
  card.romEvent = event;
  m.queue.schedule(EV_ROM_SCI, slot, 0, m.nowTick);
  m.observe({ kind: 'sci', lpar, slot, event: EVENT_NAMES[event], result: 'to-rom' });
}

/**
 * Write the gate keeper entry; a stale cached translation gets its invalidation queued. Under
 * `gateKeeperOrder: enable-then-rewrite` step 503's write (`afterEnable`) is posted behind the
 * enable flag and lands at `gk_flush`; a write issued while one is posted lands behind it, so
 * the entry keeps translating into the old window until then.
 */
export function rewriteGateKeeper(m: Machine, slot: number, lpar: number, afterEnable = false): void {
  const entry = m.gateKeeper.entryWindow(slot);
  const posted = m.queue.has(EV_GK_POSTED, slot) || (afterEnable && lateGateKeeperRewrite(m.design) && entry !== NONE && entry !== lpar);
  if (posted) {
    m.queue.schedule(EV_GK_POSTED, slot, lpar, m.nowTick);
    m.observe({ kind: 'gate-keeper', slot, window: lpar, invalidationPending: true });
    return;
  }
  const invalidationPending = m.gateKeeper.rewrite(slot, lpar);
  if (invalidationPending) m.queue.schedule(EV_IOTLB_INVALIDATE, slot, 0, m.nowTick);
  m.observe({ kind: 'gate-keeper', slot, window: lpar, invalidationPending });
}

/** The card drops its queued write (pulled, failed, function-level reset). */
export function abortQueuedIo(m: Machine, slot: number, reason: string): void {
  const card = m.cards[slot]!;
  if (!card.queued) return;
  m.observe({ kind: 'io-aborted', slot, issuer: card.queuedIssuer, writeId: card.queuedWriteId, reason });
  card.dequeue();
  m.queue.cancel(EV_DMA, slot);
}

/** Open question 2: what happens to I/O the card holds when the slot changes hands. */
function settleInflightIo(m: Machine, slot: number): void {
  const policy = m.design.inflightDmaOnReassign;
  const by = quiesceBy(m.design);
  if (policy === 'quiesce' && by === 'reset-at-add-pci') abortQueuedIo(m, slot, 'function-level reset before reassignment');
  else if (policy === 'quiesce' && by === 'drain-at-add-pci' && m.cards[slot]!.queued) performDma(m, slot); // 503 waits for it
  else if (policy === 'epoch') m.cards[slot]!.epoch += 1; // I/O tagged with the old epoch is now stale
}

/** Step 503: table slot → LPAR with enable flag 1, gate keeper rewritten to its window (Fig. 8 a → b). */
export function reassignSlot(m: Machine, slot: number, lpar: number): void {
  m.observe({ kind: 'patent-step', step: 503 });
  settleInflightIo(m, slot);
  m.owner[slot] = lpar;
  m.enabled[slot] = 1;
  if (m.plantedBug === 'enable-before-gatekeeper') {
    // PLANTED BUG (test-only): the rewrite is issued one event later, after the enable.
    m.queue.schedule(EV_GK_REWRITE, slot, lpar, m.nowTick);
    return;
  }
  rewriteGateKeeper(m, slot, lpar, true);
}

/** Steps 503–504: shared by add_pci with a card present and by a card inserted after 502. */
export function completeHotAdd(m: Machine, slot: number, lpar: number): void {
  reassignSlot(m, slot, lpar);
  m.observe({ kind: 'patent-step', step: 504 });
  raiseHotplugSci(m, lpar, slot, 0);
}

/** Step 601: enable flag 0 (state 400 → 401); the gate keeper entry too, where the design says so. */
export function disableSlot(m: Machine, slot: number): void {
  m.observe({ kind: 'patent-step', step: 601 });
  m.enabled[slot] = 0;
  if (m.design.disableBlocksDma) rewriteGateKeeper(m, slot, NONE);
  if (m.design.inflightDmaOnReassign === 'quiesce' && quiesceBy(m.design) === 'reset-at-rem-pci') abortQueuedIo(m, slot, 'function-level reset before reassignment');
}
