import type { ModelState } from '../../model/index.ts';

// A field of the model state named as `replay` prints what a step changed: field names and
// indexes joined by dots (`slots.0.owner`, `lpars.1.gpe.insertMask`); `slots[0].owner` is the
// same path. Nothing else: no wildcards, no expressions, so a person can write one by hand.

/** How the path language reads, for the messages that refuse a path. */
export const STATE_PATH_HELP = 'a path is field names and indexes joined by dots, as `replay` prints what changed: serviceOwner, slots.0.owner, slots.0.enabled, slots.0.gateKeeper, lpars.1.role, lpars.1.devices.0 (slots[0].owner works too)';

export type StatePath = readonly (string | number)[];

const FIRST = /^[A-Za-z][A-Za-z0-9]*/;
const NEXT = /^(?:\.([A-Za-z][A-Za-z0-9]*)|\.(\d+)|\[(\d+)\])/;

/** The segments of a path, or why it is not one. */
export function parseStatePath(text: string): { readonly ok: true; readonly path: StatePath } | { readonly ok: false; readonly why: string } {
  const first = FIRST.exec(text);
  if (first === null) return { ok: false, why: `"${text}" does not start with a field name` };
  const path: (string | number)[] = [first[0]];
  let rest = text.slice(first[0].length);
  while (rest.length > 0) {
    const m = NEXT.exec(rest);
    if (m === null) return { ok: false, why: `"${text}" is not a path from "${rest}" on` };
    path.push(m[1] ?? Number(m[2] ?? m[3]));
    rest = rest.slice(m[0].length);
  }
  return { ok: true, path };
}

export const pathText = (path: StatePath): string => path.map(String).join('.');

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The value at `path` in `state`; absent (undefined) where a segment names nothing there, e.g. inside a field that is null. */
export function valueAt(state: ModelState, path: StatePath): unknown {
  let at: unknown = state;
  for (const key of path) {
    if (Array.isArray(at) && typeof key === 'number') at = at[key];
    else if (isRecord(at) && typeof key === 'string' && Object.hasOwn(at, key)) at = at[key];
    else return undefined;
  }
  return at;
}

/**
 * Why `path` names no field of a state shaped like `state` (the initial state: every state has its
 * shape), or null. A segment inside a field that is null there (a script, an in-flight I/O) cannot
 * be checked yet and passes: the expectation then says what it found.
 */
export function pathProblem(state: ModelState, path: StatePath): string | null {
  let at: unknown = state;
  for (const [i, key] of path.entries()) {
    const where = i === 0 ? 'the state' : pathText(path.slice(0, i));
    if (at === null) return null;
    if (Array.isArray(at)) {
      if (typeof key !== 'number') return `${where} is a list: its items are ${at.length === 0 ? 'none' : `0 to ${at.length - 1}`}, not "${key}"`;
      if (key >= at.length) return `${where} has items 0 to ${at.length - 1} in this configuration, not ${key}`;
      at = at[key];
    } else if (isRecord(at)) {
      if (typeof key !== 'string' || !Object.hasOwn(at, key)) return `${where} has no field "${key}"; its fields are ${Object.keys(at).join(', ')}`;
      at = at[key];
    } else {
      return `${where} is ${JSON.stringify(at)}, which has no field "${key}"`;
    }
  }
  return null;
}
