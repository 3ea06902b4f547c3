// JSON with object keys sorted at every level, so that the same value always gives the same bytes
// (certificates are hashed; traces are compared byte for byte).

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** Canonical JSON text: sorted keys; `indent` spaces per level (0: one line), and a final newline when indented. */
export function canonicalJson(value: unknown, indent = 2): string {
  const text = JSON.stringify(sortKeys(value), null, indent === 0 ? undefined : indent);
  return indent === 0 ? text : `${text}\n`;
}
