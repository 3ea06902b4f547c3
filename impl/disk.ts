import { PAYLOAD_BYTES, payloadByte } from './layout.ts';

/** Offset of the payload in the data sector, after the 4-byte write id header. */
const HEADER_BYTES = 4;

/**
 * The disk unit [112] behind slot 0: the service's data sector holds the id of the write that
 * last landed (from the card's write id register) and the payload the card fetched by DMA.
 * Initially write 0 with its own payload.
 */
export class Disk {
  readonly sector = new Uint8Array(HEADER_BYTES + PAYLOAD_BYTES);
  private intactKnown: boolean | null = null;

  constructor() {
    this.writeHeader(0);
    for (let i = 0; i < PAYLOAD_BYTES; i += 1) this.sector[HEADER_BYTES + i] = payloadByte(0, i);
  }

  /** Write id of the data on the disk, read from the sector header. */
  get writeId(): number {
    const s = this.sector;
    return (s[0]! | (s[1]! << 8) | (s[2]! << 16) | (s[3]! << 24)) >>> 0;
  }

  /** The data on the disk is exactly the payload its header names. */
  get intact(): boolean {
    // Read after every step by the conformance check; the sector changes only through the
    // methods below, which forget the answer.
    if (this.intactKnown !== null) return this.intactKnown;
    const id = this.writeId;
    let intact = true;
    for (let i = 0; i < PAYLOAD_BYTES && intact; i += 1) if (this.sector[HEADER_BYTES + i] !== payloadByte(id, i)) intact = false;
    this.intactKnown = intact;
    return intact;
  }

  /** Land a write: the header from the write id register, the payload from `source` at `offset`. */
  write(writeId: number, source: Uint8Array, offset: number): void {
    this.writeHeader(writeId);
    this.sector.set(source.subarray(offset, offset + PAYLOAD_BYTES), HEADER_BYTES);
  }

  /** A stray register write from a partition that should not reach the disk garbles the data (no payload is all 0xEE). */
  garble(): void {
    this.sector.fill(0xee, HEADER_BYTES);
    this.intactKnown = null;
  }

  private writeHeader(writeId: number): void {
    this.intactKnown = null;
    this.sector[0] = writeId & 0xff;
    this.sector[1] = (writeId >>> 8) & 0xff;
    this.sector[2] = (writeId >>> 16) & 0xff;
    this.sector[3] = (writeId >>> 24) & 0xff;
  }
}
