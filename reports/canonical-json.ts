// JSON with object keys sorted at every level, so that the same value always gives the same bytes
// (certificates are hashed; traces are compared byte for byte). Written without recursion, as
// JSON.stringify is not: a value read from a file may nest deeper than the call stack.

/** An array or object being written: its members still to write (an object's keys in order), and its depth. */
interface Open {
  readonly value: Record<string, unknown> | readonly unknown[];
  /** null for an array. */
  readonly keys: readonly string[] | null;
  next: number;
  readonly depth: number;
}

/** An object's keys as JSON.stringify writes them after sorting: members undefined, functions and symbols left out. */
function objectKeys(value: object): { readonly sorted: Record<string, unknown>; readonly keys: string[] } {
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) sorted[key] = v;
  }
  // Read back from an object, as JSON.stringify would: integer keys come first, in numeric order.
  return { sorted, keys: Object.keys(sorted).filter((key) => typeof sorted[key] !== 'function' && typeof sorted[key] !== 'symbol') };
}

/** Canonical JSON text: sorted keys; `indent` spaces per level (0: one line), and a final newline when indented. */
export function canonicalJson(value: unknown, indent = 2): string {
  const text = value === null || typeof value !== 'object' ? JSON.stringify(value) : writeNested(value, indent);
  return indent === 0 ? text : `${text}\n`;
}

/** The text of an array or object, byte for byte what `JSON.stringify(sorted, null, indent || undefined)` gives, with a stack of its own. */
function writeNested(root: object, indent: number): string {
  const parts: string[] = [];
  const stack: Open[] = [];
  const newlines: string[] = [];
  const newline = (depth: number) => (indent === 0 ? '' : (newlines[depth] ??= `\n${' '.repeat(indent * depth)}`));
  const colon = indent === 0 ? ':' : ': ';
  const write = (value: unknown, depth: number): void => {
    if (value === null || typeof value !== 'object') {
      parts.push(value === undefined || typeof value === 'function' || typeof value === 'symbol' ? 'null' : JSON.stringify(value));
    } else if (Array.isArray(value)) {
      if (value.length === 0) parts.push('[]');
      else {
        parts.push('[');
        stack.push({ value, keys: null, next: 0, depth: depth + 1 });
      }
    } else {
      const { sorted, keys } = objectKeys(value);
      if (keys.length === 0) parts.push('{}');
      else {
        parts.push('{');
        stack.push({ value: sorted, keys, next: 0, depth: depth + 1 });
      }
    }
  };
  write(root, 0);
  while (stack.length > 0) {
    const open = stack[stack.length - 1]!;
    const { keys, next, depth } = open;
    const size = keys === null ? (open.value as readonly unknown[]).length : keys.length;
    if (next === size) {
      stack.pop();
      parts.push(newline(depth - 1), keys === null ? ']' : '}');
      continue;
    }
    if (next > 0) parts.push(',');
    parts.push(newline(depth));
    open.next = next + 1;
    if (keys === null) write((open.value as readonly unknown[])[next], depth);
    else {
      parts.push(JSON.stringify(keys[next]), colon);
      write((open.value as Record<string, unknown>)[keys[next]!], depth);
    }
  }
  return parts.join('');
}

/**
 * How deep arrays and objects may nest in a file the tool reads (a trace, a certificate): the tool
 * writes 9 levels at most; deeper is refused before anything recursive reads it.
 */
export const READ_NESTING_MAX = 64;

/**
 * Where a JSON value nests more than `levels` arrays and objects deep: the path to the first array
 * or object beyond (`levels` steps), or null. Found without recursion, so that a value of any depth
 * can be refused before anything recursive sees it.
 */
export function nestedBeyond(value: unknown, levels: number): (string | number)[] | null {
  interface Visit { readonly value: unknown; readonly depth: number; readonly parent: Visit | null; readonly key: string | number | null }
  const stack: Visit[] = [{ value, depth: 0, parent: null, key: null }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const v = visit.value;
    if (v === null || typeof v !== 'object') continue;
    if (visit.depth === levels) {
      const path: (string | number)[] = [];
      for (let at: Visit | null = visit; at !== null && at.key !== null; at = at.parent) path.unshift(at.key);
      return path;
    }
    const children: [string | number, unknown][] = Array.isArray(v) ? v.map((c, i) => [i, c]) : Object.entries(v);
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push({ value: children[i]![1], depth: visit.depth + 1, parent: visit, key: children[i]![0] });
  }
  return null;
}
