import { MAX_LPARS, MAX_SLOTS } from '../ids.ts';

// The unpacked form of a state: one Int32Array "register" per field of ModelState, at fixed
// indices sized for the largest configuration (MAX_LPARS × MAX_SLOTS). The successor generator
// reads and writes registers; the packed form (./layout.ts) keeps only the fields a
// configuration and design use, in as few bits as they need.
//
// Encodings: enums are small integers (tables below, in the order of model/state.ts); booleans
// are 0/1; a nullable LPAR id is -1 for null; a bit mask is the model's mask.

export const NONE = -1;

// Globals.
export const DISK_WRITE = 0;
export const DISK_INTACT = 1;
export const SERVICE_OWNER = 2;
export const PREV_OWNER = 3; // nullable
export const WRITES_ISSUED = 4;
export const ACKED_WRITE = 5;
export const FAULTS_USED = 6;
export const GLOBAL_COUNT = 7;

// Per LPAR, at lparBase(l) + field.
export const OS = 0;
export const PAUSED = 1;
export const ROLE = 2;
export const SERVICE = 3;
export const DEV = 4; // DEV + slot, MAX_SLOTS registers
export const GPE_STATUS = DEV + MAX_SLOTS;
export const GPE_ENABLED = GPE_STATUS + 1;
export const GPE_INSERT = GPE_STATUS + 2; // slot mask
export const GPE_EJECT = GPE_STATUS + 3; // slot mask
export const ALIVE = GPE_STATUS + 4;
export const SILENCE = GPE_STATUS + 5;
export const PEER_FAILED = GPE_STATUS + 6;
export const SCRIPT_VICTIM = GPE_STATUS + 7; // nullable: NONE means no script; then the other SCRIPT_* are 0
export const SCRIPT_STEP = GPE_STATUS + 8;
export const SCRIPT_MASK = GPE_STATUS + 9;
export const SCRIPT_FALSE_POSITIVE = GPE_STATUS + 10;
export const HB_LINK_UP = GPE_STATUS + 11;
export const SHUTDOWN_REQUESTED = GPE_STATUS + 12;
export const DEACT_INEFFECTIVE = GPE_STATUS + 13;
export const CPU = GPE_STATUS + 14; // a CpuCode
export const DETECTED_FAILED = GPE_STATUS + 15;
export const GPE_SCI_EDGE = GPE_STATUS + 16; // design sciTrigger 'edge' only: an edge of the SCI line not yet taken
export const CLUSTER_STEPS = GPE_STATUS + 17; // design clusterStepsPerTickAtFullCpu only: cluster_steps since the last tick
export const LPAR_STRIDE = CLUSTER_STEPS + 1;

// Per slot, at slotBase(s) + field.
export const CARD = 0;
export const OWNER = 1; // nullable
export const ENABLED = 2;
export const GATE_KEEPER = 3; // nullable
export const GATE_KEEPER_STALE = 4; // nullable
export const PENDING_ADD = 5; // nullable
export const ROM_TARGET = 6; // nullable: NONE means no ROM request; then ROM_EVENT is 0
export const ROM_EVENT = 7; // a HotplugEvent
export const IO_ISSUER = 8; // nullable: NONE means no I/O in flight; then IO_WRITE and IO_STALE are 0
export const IO_WRITE = 9;
export const IO_STALE = 10;
export const EJECT_AWAITING_ACK = 11; // nullable
export const SLOT_STRIDE = 12;

export const LPAR_BASE = GLOBAL_COUNT;
export const SLOT_BASE = LPAR_BASE + MAX_LPARS * LPAR_STRIDE;
export const REGISTER_COUNT = SLOT_BASE + MAX_SLOTS * SLOT_STRIDE;

export function lparBase(l: number): number {
  return LPAR_BASE + l * LPAR_STRIDE;
}

export function slotBase(s: number): number {
  return SLOT_BASE + s * SLOT_STRIDE;
}

// Enum codes, in the order the model's union types list them.
export const OS_STATES = ['off', 'running', 'crashed', 'shutdown'] as const;
export const OS_OFF = 0;
export const OS_RUNNING = 1;
export const OS_CRASHED = 2;
export const OS_SHUTDOWN = 3;

export const ROLES = ['active', 'standby', 'takeover'] as const;
export const ROLE_ACTIVE = 0;
export const ROLE_STANDBY = 1;
export const ROLE_TAKEOVER = 2;

export const SERVICE_STATES = ['stopped', 'running', 'failed'] as const;
export const SVC_STOPPED = 0;
export const SVC_RUNNING = 1;
export const SVC_FAILED = 2;

export const GUEST_DEVICES = ['none', 'inserting', 'configured', 'mounted', 'ejecting'] as const;
export const DEV_NONE = 0;
export const DEV_INSERTING = 1;
export const DEV_CONFIGURED = 2;
export const DEV_MOUNTED = 3;
export const DEV_EJECTING = 4;

export const CARD_STATES = ['present', 'absent', 'failed'] as const;
export const CARD_PRESENT = 0;
export const CARD_ABSENT = 1;
export const CARD_FAILED = 2;

export const HOTPLUG_EVENTS = ['insert', 'eject'] as const;
export const EVENT_INSERT = 0;
export const EVENT_EJECT = 1;

/** cpuPercent takes three values only (0 when off, the standby rate, the active rate): stored as their index. */
export const CPU_OFF = 0;
export const CPU_STANDBY = 1;
export const CPU_ACTIVE = 2;

export function codeOf<T extends string>(table: readonly T[], value: T, what: string): number {
  const code = table.indexOf(value);
  if (code < 0) throw new RangeError(`${what} ${String(value)} is not one of ${table.join(', ')}`);
  return code;
}
