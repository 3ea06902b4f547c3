import { parentPort, workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';
import { describeThrown, type DesignWorkerReply } from './design-worker-protocol.ts';

// A user's design module runs here, in a worker thread of its own (cli/design-loader.ts), never in
// the thread that prints verdicts: whatever it does while loading (throw anything, call
// process.exit, await forever, export a value whose getters throw) can end only this thread, and
// the loader reports it as SC007. What crosses back is plain data, copied, or a description.

const port = parentPort;
if (port === null) throw new Error('design-worker runs only as a worker thread');
const { url } = (workerData as { data: { url: string } }).data;

/** The field a `DesignError` names (thrown by the user's copy of `defineDesign`, so matched by shape), or null. */
function designErrorField(error: unknown): string | null {
  try {
    if (error instanceof Error && error.constructor.name === 'DesignError' && typeof (error as { field?: unknown }).field === 'string') return (error as unknown as { field: string }).field;
  } catch {
    // not a DesignError
  }
  return null;
}

/** Plain data only: what a design is (strings, numbers, booleans, arrays, plain objects); reading it runs its getters here. */
function plain(value: unknown, depth = 0): unknown {
  if (depth > 32) throw new Error('the design is nested more than 32 levels deep');
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') throw new Error(`a design holds data only, not a ${typeof value}`);
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => plain(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = plain((value as Record<string, unknown>)[key], depth + 1);
  return out;
}

const exit = process.exit.bind(process);
process.exit = ((code?: number) => {
  port.postMessage({ kind: 'exited', code: Number(code ?? process.exitCode ?? 0) } satisfies DesignWorkerReply);
  return exit(code);
}) as typeof process.exit;

let module: Record<string, unknown> = {};
try {
  module = (await tsImport(url, import.meta.url)) as Record<string, unknown>;
} catch (error) {
  port.postMessage({ kind: 'load-failed', message: describeThrown(error), syntax: error instanceof SyntaxError, designField: designErrorField(error) } satisfies DesignWorkerReply);
  exit(0);
}
try {
  // A TypeScript file outside any package is compiled to CommonJS: its exports, `default` among
  // them, are then the namespace's `default`, marked `__esModule`.
  const marked = module.default !== null && typeof module.default === 'object' && Object.getOwnPropertyDescriptor(module.default, '__esModule')?.value === true;
  const exports = marked ? (module.default as Record<string, unknown>) : module;
  const exportNames = Object.keys(exports).filter((name) => name !== 'default');
  const hasDefault = Object.hasOwn(exports, 'default') || Object.hasOwn(exports, 'design');
  const value = hasDefault ? exports.default ?? exports.design : undefined;
  port.postMessage({ kind: 'module', value: plain(value), hasDefault, exportNames } satisfies DesignWorkerReply);
} catch (error) {
  port.postMessage({ kind: 'unreadable', message: describeThrown(error) } satisfies DesignWorkerReply);
}
