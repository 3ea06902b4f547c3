import type { Command } from '../../model/index.ts';
import type { Violation } from '../check.ts';
import type { StateKey } from './system.ts';

// The messages between the parallel search's coordinator and its worker threads. Everything here
// is plain data (structured-cloned); states travel as v8-serialized bytes.

/**
 * How a worker builds the transition system for itself: `import(module)[exportName](spec)`. This is
 * the hook for other systems (a packed one): give a module that exports such a function.
 */
export interface SystemFactory {
  readonly module: string;
  readonly exportName: string;
  readonly spec: unknown;
}

export interface WorkerSetup {
  readonly entry: string;
  readonly factory: SystemFactory;
  /** Liveness ids whose obligations the worker reports per expanded state (empty: no graph is kept). */
  readonly liveness: readonly string[];
}

export interface ExpandRequest {
  readonly kind: 'expand';
  /** Invariants not to check: not asked for, or already with a counterexample at the level's start. */
  readonly skip: readonly string[];
  /** Serialized states back to back: state i is bytes[offsets[i], offsets[i + 1]). */
  readonly bytes: Uint8Array;
  readonly offsets: Int32Array;
}

/** What one transition found, where it found anything (most transitions find nothing). */
export interface TransitionNotes {
  readonly transition: number;
  readonly stepViolations: readonly Violation[];
  /** Of the successor, when its bytes were sent (the first time this worker met it). */
  readonly stateViolations: readonly Violation[];
  readonly witnesses: readonly string[];
}

export const FAIR = 1;
export const SAME_STATE = 2;

export interface ExpandReply {
  readonly kind: 'expanded';
  /** Per expanded state, its first transition; length states + 1. */
  readonly rowStart: Int32Array;
  /** Per transition, the successor's key; null when the step returned the very same state. */
  readonly keys: readonly (StateKey | null)[];
  /** Per transition, the command's id in this worker's numbering. */
  readonly commands: Int32Array;
  /** Commands numbered since the last reply, in id order. */
  readonly newCommands: readonly Command[];
  /** Per transition, FAIR | SAME_STATE bits. */
  readonly flags: Uint8Array;
  /** Per transition, the successor's orbit size when its bytes were sent, else 0. */
  readonly orbits: Int32Array;
  /** Per transition, where the successor's bytes are in `bytes` (start, end), or -1, -1. */
  readonly byteRange: Int32Array;
  readonly bytes: Uint8Array;
  readonly notes: readonly TransitionNotes[];
  /** Per expanded state, per liveness id of the setup: the open obligations. */
  readonly obligations: readonly (readonly (readonly string[])[])[];
}

export type WorkerReply = ExpandReply | { readonly kind: 'ready' } | { readonly kind: 'failed'; readonly message: string };
