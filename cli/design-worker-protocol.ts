// What a design worker (./design-worker.ts) posts back to the loader (./design-loader.ts).

export type DesignWorkerReply =
  | { readonly kind: 'module'; readonly value: unknown; readonly hasDefault: boolean; readonly exportNames: readonly string[] }
  | { readonly kind: 'load-failed'; readonly message: string; readonly syntax: boolean; readonly designField: string | null }
  | { readonly kind: 'unreadable'; readonly message: string }
  | { readonly kind: 'exited'; readonly code: number };

/** A thrown value as text, whatever it is: an Error, a string, null, an object whose getters throw. */
export function describeThrown(value: unknown): string {
  try {
    if (value instanceof Error) return value.message;
    if (typeof value === 'string') return value;
    return `a thrown ${value === null ? 'null' : typeof value}: ${String(value)}`;
  } catch {
    return `a thrown ${typeof value} that cannot be printed`;
  }
}
