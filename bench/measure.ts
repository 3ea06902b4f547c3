import v8 from 'node:v8';
import vm from 'node:vm';

// Timing and memory for the benchmarks (wall clock and CPU time are fine here, never in model/).

v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;

export interface Measured<T> {
  readonly result: T;
  readonly wallSeconds: number;
  /** CPU time of this process (user + system): steadier than wall time on a shared machine. */
  readonly cpuSeconds: number;
  /** Heap (and typed-array memory) still held by the result after a full GC, minus before. */
  readonly retainedBytes: number;
}

function heldBytes(): number {
  collect();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** Run `work` once and measure it; `keep` returns what must stay alive to be counted as retained. */
export function measure<T>(work: () => T, keep: (result: T) => unknown = (r) => r): Measured<T> {
  const before = heldBytes();
  const wall0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const result = work();
  const cpu = process.cpuUsage(cpu0);
  const wallSeconds = Number(process.hrtime.bigint() - wall0) / 1e9;
  const retainedBytes = heldBytes() - before;
  keep(result);
  return { result, wallSeconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, retainedBytes };
}

/** Nanoseconds for one trivial typed-array operation on this machine, to compare runs across machines. */
export function calibrateNanosPerOp(): number {
  const a = new Int32Array(1 << 16);
  for (let i = 0; i < a.length; i += 1) a[i] = i * 7;
  let sum = 0;
  const cpu0 = process.cpuUsage();
  for (let r = 0; r < 500; r += 1) for (let i = 0; i < a.length; i += 1) sum = (sum + ((a[i]! >>> 3) & 15)) | 0;
  const cpu = process.cpuUsage(cpu0);
  if (sum === 42) console.log(''); // keep the loop
  return ((cpu.user + cpu.system) * 1000) / (500 * a.length);
}

/**
 * Let memory released by the previous search settle before the next is measured: typed arrays
 * are freed only after a collection and a turn of the event loop.
 */
export async function settleMemory(): Promise<void> {
  collect();
  await new Promise((resolve) => setTimeout(resolve, 50));
  collect();
}
