import type { Draft } from 'immer';
import type { Emit } from '../commit.ts';
import type { Design } from '../design.ts';
import type { SlotId } from '../ids.ts';
import { dmaWindow, isUp } from '../queries.ts';
import type { ModelState } from '../state.ts';

/**
 * The card performs its in-flight write: it fetches the data by DMA through the gate keeper
 * [110], which translates into whichever window it maps now, and writes the disk. Under epochs
 * the gate keeper drops I/O tagged with an old epoch. A multi-port disk has a port, and so a DMA
 * path, per partition: the data comes from the issuer's own window. The slot must hold I/O.
 */
export function performDmaMutably(draft: Draft<ModelState>, design: Design, slotId: SlotId, emit: Emit): void {
  const slot = draft.slots[slotId]!;
  const io = slot.io!;
  const { issuer, writeId } = io;
  slot.io = null;
  const window = design.ports === 'multi' ? issuer : dmaWindow(slot);
  const base = { kind: 'dma', slot: slotId, issuer, window } as const;
  if (io.stale) return emit({ ...base, result: 'blocked', reason: 'stale ownership epoch' });
  if (window === null) return emit({ ...base, result: 'blocked', reason: 'gate keeper entry blocked' });
  const intact = window === issuer;
  emit({ ...base, result: 'landed', reason: intact ? "issuer's window" : `LPAR${window}'s window` });
  draft.disk = { writeId, intact };
  emit({ kind: 'disk-write', writeId, writer: issuer, intact });
  const lpar = draft.lpars[issuer]!;
  if (design.clientAck === 'after-durable' && isUp(lpar) && lpar.service === 'running') {
    draft.ackedWriteId = Math.max(draft.ackedWriteId, writeId);
    emit({ kind: 'ack', writeId, lpar: issuer });
  }
}
