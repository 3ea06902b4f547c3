import type { Command } from './commands.ts';
import type { LparId, SlotId } from './ids.ts';
import type { ModelState } from './state.ts';

/** Why a command was refused. Stable strings: traces and conformance compare them. */
export type RejectCode =
  | 'malformed'
  | 'unknown-lpar'
  | 'unknown-slot'
  | 'same-lpar'
  | 'issuer-not-running'
  | 'unauthorized'
  | 'already-off'
  | 'already-on'
  | 'not-owner'
  | 'already-removed'
  | 'slot-enabled-elsewhere'
  | 'eject-not-acknowledged'
  | 'add-pending'
  | 'unsupported'
  | 'not-enabled'
  | 'device-busy'
  | 'fault-budget-spent'
  | 'write-budget-spent'
  | 'script-step-refused';

export type Outcome =
  | { readonly kind: 'ok' }
  | { readonly kind: 'rejected'; readonly code: RejectCode; readonly message: string };

export type AccessKind = 'config' | 'mmio';

/** What happened during a step, for properties and for the emulator to compare against. */
export type Effect =
  | { readonly kind: 'patent-step'; readonly step: number }
  | { readonly kind: 'access'; readonly lpar: LparId; readonly slot: SlotId; readonly access: AccessKind; readonly result: 'completed' | 'gp-exception' | 'no-device' }
  | { readonly kind: 'dma'; readonly slot: SlotId; readonly issuer: LparId | null; readonly window: LparId | null; readonly result: 'landed' | 'blocked' | 'dropped'; readonly reason: string }
  | { readonly kind: 'disk-write'; readonly writeId: number; readonly writer: LparId; readonly intact: boolean }
  | { readonly kind: 'ack'; readonly writeId: number; readonly lpar: LparId }
  | { readonly kind: 'sci'; readonly lpar: LparId; readonly slot: SlotId; readonly event: 'insert' | 'eject'; readonly result: 'raised' | 'latched' | 'dropped' | 'to-rom' }
  | { readonly kind: 'gpe-read'; readonly lpar: LparId; readonly insertMask: number; readonly ejectMask: number }
  | { readonly kind: 'hotplug-applied'; readonly lpar: LparId; readonly slot: SlotId; readonly event: 'insert' | 'eject' }
  | { readonly kind: 'eject-done'; readonly lpar: LparId; readonly slot: SlotId; readonly cause: 'remove' | 'device-error' }
  | { readonly kind: 'add-awaits-card'; readonly slot: SlotId; readonly lpar: LparId }
  | { readonly kind: 'add-after-insert'; readonly slot: SlotId; readonly lpar: LparId }
  | { readonly kind: 'remove-inactive'; readonly slot: SlotId; readonly lpar: LparId }
  | { readonly kind: 'io-aborted'; readonly slot: SlotId; readonly issuer: LparId; readonly writeId: number; readonly reason: string }
  | { readonly kind: 'detect'; readonly lpar: LparId; readonly victim: LparId; readonly falsePositive: boolean }
  | { readonly kind: 'script-command'; readonly lpar: LparId; readonly command: Command; readonly outcome: Outcome }
  | { readonly kind: 'service-start'; readonly lpar: LparId; readonly failback: boolean }
  | { readonly kind: 'failover-complete'; readonly lpar: LparId; readonly victim: LparId; readonly failoverCase: 'a' | 'b'; readonly falsePositive: boolean }
  | { readonly kind: 'deact-ineffective'; readonly lpar: LparId }
  | { readonly kind: 'takeover-abandoned'; readonly lpar: LparId; readonly victim: LparId; readonly by: LparId };

export interface StepResult {
  readonly state: ModelState;
  readonly effects: readonly Effect[];
  readonly outcome: Outcome;
}

export const OK: Outcome = { kind: 'ok' };

export function rejected(code: RejectCode, message: string): Outcome {
  return { kind: 'rejected', code, message };
}
