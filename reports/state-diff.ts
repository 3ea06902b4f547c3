import type { ModelState } from '../model/index.ts';

const isContainer = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object';

function show(value: unknown): string {
  if (value === null) return '-';
  if (value === undefined) return '(absent)';
  return isContainer(value) ? JSON.stringify(value) : String(value);
}

function diff(a: unknown, b: unknown, path: string, out: string[]): void {
  if (isContainer(a) && isContainer(b) && Array.isArray(a) === Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const k of keys) diff(a[k], b[k], Array.isArray(a) ? `${path}[${k}]` : path === '' ? k : `${path}.${k}`, out);
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`${path}: ${show(a)} → ${show(b)}`);
}

/** What differs between two model states, one "path: before → after" per changed value. */
export function diffStates(before: ModelState, after: ModelState): string[] {
  const out: string[] = [];
  diff({ ...before, config: null }, { ...after, config: null }, '', out);
  return out;
}

/** What differs between two JSON values (a certificate as recorded and as recomputed), one "path: a → b" per value. */
export function diffJson(a: unknown, b: unknown): string[] {
  const out: string[] = [];
  diff(a, b, '', out);
  return out;
}
