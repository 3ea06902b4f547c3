import type { Config } from '../model/index.ts';

// Physical memory layout (Fig. 7): LPAR l's guest-physical space [0, windowBytes) is the
// physical range [l × windowBytes, (l + 1) × windowBytes). The service's driver keeps one data
// buffer per write id, so a buffer is never reused while a write that names it may be in flight.

/** Bytes of one write's payload. Bytes 0..3 encode the write id, so distinct writes differ. */
export const PAYLOAD_BYTES = 16;
/** Guest-physical address of the first data buffer (write id 0). */
export const DATA_BASE_GPA = 0x1000;
/** Guest-physical scratch area a stray DMA (FLT-14) aims at. */
export const SCRATCH_GPA = 0x100;
/**
 * A stray DMA uses a host-physical address as its bus address, offset into this alias range: the
 * gate keeper maps only [0, windowBytes), so its bounds check blocks it; without a gate keeper
 * (second embodiment) the memory controller takes `address − HOST_ALIAS_BASE` as physical.
 */
export const HOST_ALIAS_BASE = 0x4000_0000;
const PAGE_BYTES = 0x1000;

export function windowBytesFor(config: Config): number {
  const needed = DATA_BASE_GPA + (config.writeBudget + 1) * PAYLOAD_BYTES;
  return Math.ceil(needed / PAGE_BYTES) * PAGE_BYTES;
}

export function bufferGpa(writeId: number): number {
  return DATA_BASE_GPA + writeId * PAYLOAD_BYTES;
}

/** Byte `i` of the payload the service writes for `writeId`: a pure function of both. */
export function payloadByte(writeId: number, i: number): number {
  if (i < 4) return ((writeId >>> (8 * i)) ^ 0x5a) & 0xff;
  return (writeId * 0x9e + i * 0x3b + 0x11) & 0xff;
}
