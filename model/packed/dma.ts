import type { PackedMachine } from './machine.ts';
import { dmaWindow, isUp } from './queries.ts';
import * as R from './registers.ts';
import { diskWritten, dmaBlocked, dmaLanded } from './step-flags.ts';

// The card's in-flight write (model/mutators/dma.ts): performed as a device step, or drained by
// step 503 under `quiesceBy: drain-at-add-pci`.

export function clearIo(m: PackedMachine, s: number): void {
  const base = R.slotBase(s);
  m.set(base + R.IO_ISSUER, R.NONE);
  m.set(base + R.IO_WRITE, 0);
  m.set(base + R.IO_STALE, 0);
}

/** DMA through the gate keeper, then the disk; false, having written nothing, without I/O in flight. */
export function performDma(m: PackedMachine, s: number): boolean {
  const r = m.r;
  const base = R.slotBase(s);
  const issuer = r[base + R.IO_ISSUER]!;
  if (issuer === R.NONE || r[base + R.CARD] !== R.CARD_PRESENT) return false;
  const writeId = r[base + R.IO_WRITE]!;
  const stale = r[base + R.IO_STALE] === 1;
  const window = m.d.multiPort ? issuer : dmaWindow(r, s); // a multi-port disk has a DMA path per partition
  clearIo(m, s);
  if (stale || window === R.NONE) {
    dmaBlocked(m);
    return true;
  }
  dmaLanded(m, s, issuer, window);
  m.set(R.DISK_WRITE, writeId);
  m.set(R.DISK_INTACT, window === issuer ? 1 : 0);
  diskWritten(m, issuer);
  const b = m.b;
  if (!m.d.ackBeforeDurable && isUp(b, issuer) && b[R.lparBase(issuer) + R.SERVICE] === R.SVC_RUNNING) {
    m.set(R.ACKED_WRITE, Math.max(r[R.ACKED_WRITE]!, writeId));
  }
  return true;
}
