import type { ModelState } from '../model/index.ts';

// The Informal Trace Format (Apalache ADR-015, as Quint writes it): integers as {"#bigint": "N"},
// optional values as variants {"tag": "Some" | "None", "value": …}, records as objects, sequences
// as arrays.

export type ItfValue = boolean | string | ItfValue[] | { readonly [key: string]: ItfValue };

/** Fields of the model state that may be null: written as Option variants. */
const OPTIONAL_FIELDS = new Set([
  'owner', 'gateKeeper', 'gateKeeperStale', 'pendingAdd', 'romSci', 'io', 'ejectAwaitingAck', 'script', 'previousServiceOwner',
]);

/** The model state's variables, in the order a trace lists them. */
export const TRACE_VARS = ['lpars', 'slots', 'disk', 'serviceOwner', 'previousServiceOwner', 'writesIssued', 'ackedWriteId', 'faultsUsed'] as const;

export function toItf(value: unknown, key = ''): ItfValue {
  if (OPTIONAL_FIELDS.has(key)) {
    return value === null ? { tag: 'None', value: {} } : { tag: 'Some', value: toItf(value) };
  }
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new TypeError(`ITF has no fractions: ${key} = ${value}`);
    return { '#bigint': String(value) };
  }
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((v) => toItf(v));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, ItfValue> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toItf(v, k);
    return out;
  }
  throw new TypeError(`cannot write ${String(value)} (${key}) in ITF`);
}

/** One state of a trace: its variables in ITF form. */
export function stateToItf(state: ModelState): Record<string, ItfValue> {
  const out: Record<string, ItfValue> = {};
  for (const v of TRACE_VARS) out[v] = toItf(state[v], v);
  return out;
}
