import type { ItfValue } from './itf.ts';

// Reading ITF values back into plain JSON for people: {"#bigint": "3"} is 3, an Option variant is
// its value or null, unit is null (Quint's {"#tup": []}, Apalache's {"tag": "UNIT"}), a set is an
// array of its elements as written (slotcheck writes a slot set in slot order), a map an object.
// Reads what slotcheck writes (reports/itf.ts) and what Apalache and Quint write (ADR-015).

export type Plain = null | boolean | number | string | readonly Plain[] | { readonly [key: string]: Plain };

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export function fromItf(value: ItfValue | unknown): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return value;
  if (Array.isArray(value)) return value.map((v) => fromItf(v));
  if (!isRecord(value)) return String(value);
  const keys = Object.keys(value);
  if (keys.length === 1 && typeof value['#bigint'] === 'string') {
    const n = Number(value['#bigint']);
    return Number.isSafeInteger(n) ? n : (value['#bigint'] as string);
  }
  if (keys.length === 1 && Array.isArray(value['#tup'])) return value['#tup'].length === 0 ? null : value['#tup'].map((v) => fromItf(v));
  if (keys.length === 1 && Array.isArray(value['#set'])) return value['#set'].map((v) => fromItf(v));
  if (keys.length === 1 && Array.isArray(value['#map'])) {
    const out: Record<string, Plain> = {};
    for (const pair of value['#map'] as unknown[]) {
      if (Array.isArray(pair) && pair.length === 2) out[String(fromItf(pair[0]))] = fromItf(pair[1]);
    }
    return out;
  }
  if (keys.length === 1 && value.tag === 'UNIT') return null;
  if (keys.length === 2 && typeof value.tag === 'string' && 'value' in value) {
    if (value.tag === 'None') return null;
    if (value.tag === 'Some') return fromItf(value.value);
  }
  const out: Record<string, Plain> = {};
  for (const k of keys) if (k !== '#meta') out[k] = fromItf(value[k]);
  return out;
}

/** Look up `a.b[2].c` in a plain value; undefined when a part is missing. */
export function at(value: Plain | undefined, ...path: (string | number)[]): Plain | undefined {
  let v: Plain | undefined = value;
  for (const key of path) {
    if (v === null || v === undefined || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, Plain>)[key];
  }
  return v;
}

/** Leaves of a plain value by the paths reports/state-diff.ts prints (`lpars[0].os`). */
export function leaves(value: Plain, path = '', out: [string, Plain][] = []): [string, Plain][] {
  if (value !== null && typeof value === 'object') {
    const isArray = Array.isArray(value);
    const entries = Object.entries(value);
    if (entries.length === 0) out.push([path, value]);
    for (const [k, v] of entries) leaves(v as Plain, isArray ? `${path}[${k}]` : path === '' ? k : `${path}.${k}`, out);
    return out;
  }
  out.push([path, value]);
  return out;
}

/** A plain value in one short line. */
export function showPlain(value: Plain | undefined): string {
  if (value === undefined) return '(absent)';
  if (value === null) return '-';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
