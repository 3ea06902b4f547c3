import type { CardState, GuestDevice, OsState, Role, ServiceState } from '../model/index.ts';

// Register encodings. The emulator keeps its state in small integers (typed arrays where there is
// one value per LPAR or slot); these tables name each code and map it to the model's vocabulary,
// which only the abstraction function and reports need.

/** No LPAR: an empty owner field, a blocked gate keeper entry, no issuer. */
export const NONE = -1;

export const OS_OFF = 0;
export const OS_RUNNING = 1;
export const OS_CRASHED = 2;
export const OS_SHUTDOWN = 3;
export const OS_NAMES: readonly OsState[] = ['off', 'running', 'crashed', 'shutdown'];

export const ROLE_STANDBY = 0;
export const ROLE_ACTIVE = 1;
export const ROLE_TAKEOVER = 2;
export const ROLE_NAMES: readonly Role[] = ['standby', 'active', 'takeover'];

export const SERVICE_STOPPED = 0;
export const SERVICE_RUNNING = 1;
export const SERVICE_FAILED = 2;
export const SERVICE_NAMES: readonly ServiceState[] = ['stopped', 'running', 'failed'];

/** The guest's PCI driver state for one slot (Fig. 5 steps 505–508, Fig. 6 steps 604–606). */
export const DRIVER_NONE = 0;
export const DRIVER_INSERTING = 1;
export const DRIVER_CONFIGURED = 2;
export const DRIVER_MOUNTED = 3;
export const DRIVER_EJECTING = 4;
export const DRIVER_NAMES: readonly GuestDevice[] = ['none', 'inserting', 'configured', 'mounted', 'ejecting'];

export const CARD_PRESENT = 0;
export const CARD_ABSENT = 1;
export const CARD_FAILED = 2;
export const CARD_NAMES: readonly CardState[] = ['present', 'absent', 'failed'];

/** Hot-plug event kinds, as the ACPI block and the card's ROM request register hold them. */
export const EVENT_INSERT = 0;
export const EVENT_EJECT = 1;
export type HotplugEvent = typeof EVENT_INSERT | typeof EVENT_EJECT;
export const EVENT_NAMES = ['insert', 'eject'] as const;
