import type { Command, Outcome } from '../model/index.ts';

/**
 * What the emulator saw happen during one command, at the place it happened: the card's register
 * file (accesses), the memory controller (DMA), the disk, the ACPI blocks, the guests. Emulator-
 * side invariants are computed from these and from registers, never from the model.
 */
export type Observation =
  /** An outbound access through the selector [117]; `completed` means it reached the card's registers. */
  | { readonly kind: 'access'; readonly lpar: number; readonly slot: number; readonly access: 'config' | 'mmio'; readonly result: 'completed' | 'gp-exception' | 'no-device' }
  /** An inbound access at the memory controller. `physicalAddress` is -1 when the gate keeper blocked it. */
  | {
    readonly kind: 'dma'; readonly slot: number; readonly direction: 'read' | 'write'; readonly issuer: number; readonly busAddress: number;
    readonly physicalAddress: number; readonly bytes: number; readonly result: 'landed' | 'blocked' | 'dropped'; readonly reason: string;
  }
  | { readonly kind: 'disk-write'; readonly writeId: number; readonly writer: number }
  | { readonly kind: 'ack'; readonly writeId: number; readonly lpar: number }
  /** A hot-plug event handed to an LPAR's ACPI block (or to the card's ROM). */
  | { readonly kind: 'sci'; readonly lpar: number; readonly slot: number; readonly event: 'insert' | 'eject'; readonly result: 'raised' | 'latched' | 'dropped' | 'to-rom' }
  | { readonly kind: 'gpe-read'; readonly lpar: number; readonly up: number; readonly down: number }
  | { readonly kind: 'hotplug-applied'; readonly lpar: number; readonly slot: number; readonly event: 'insert' | 'eject' }
  | { readonly kind: 'io-aborted'; readonly slot: number; readonly issuer: number; readonly writeId: number; readonly reason: string }
  | { readonly kind: 'gate-keeper'; readonly slot: number; readonly window: number; readonly invalidationPending: boolean }
  | { readonly kind: 'iotlb-invalidated'; readonly slot: number }
  | { readonly kind: 'eject-ack'; readonly lpar: number; readonly slot: number; readonly accepted: boolean }
  | { readonly kind: 'patent-step'; readonly step: number }
  | { readonly kind: 'script-command'; readonly lpar: number; readonly command: Command; readonly outcome: Outcome }
  | { readonly kind: 'service-start'; readonly lpar: number }
  /** A standby's heartbeat timer ran out at a tick, `elapsedTicks` after it last heard the active (INV-13). */
  | { readonly kind: 'heartbeat-timeout'; readonly lpar: number; readonly active: number; readonly elapsedTicks: number };
