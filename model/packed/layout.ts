import type { Config } from '../config.ts';
import type { DesignCode } from './design-code.ts';
import * as R from './registers.ts';

// The packed form: every register a configuration and design can change gets the fewest bits
// that hold its range, and the fields are packed first-fit (widest first) into 32-bit words, no
// field straddling two words. A register the design never changes (no ROM requests without a
// card ROM, no cached translation without a cache, ...) gets zero bits: it always decodes to its
// default. A nullable LPAR id is stored as id + 1 (0 is null), so that zero words are defaults.

export interface Field {
  readonly register: number;
  readonly bits: number;
  /** Stored value = register value + bias (1 for a nullable id, so null is 0). */
  readonly bias: number;
}

export interface Layout {
  readonly words: number;
  /** The fields with at least one bit, in packing order. */
  readonly fields: readonly Field[];
  /** Per register: word index, shift, mask (of the stored value), bias. Zero-bit registers have mask 0. */
  readonly word: Int32Array;
  readonly shift: Int32Array;
  readonly mask: Int32Array;
  readonly bias: Int32Array;
  /** Per register: the bits of its word that it does not occupy. */
  readonly keep: Int32Array;
  /** The packed fields again as flat arrays (register, word, shift, mask, bias), for unpacking. */
  readonly unpack: Int32Array;
}

/** Bits needed to hold 0..max. */
export function bitsFor(max: number): number {
  return max <= 0 ? 0 : 32 - Math.clz32(max);
}

function fieldsOf(config: Config, d: DesignCode): Field[] {
  const { lparCount, slotCount, writeBudget, faultBudget } = config;
  const lparBits = bitsFor(lparCount - 1);
  const nullableLparBits = bitsFor(lparCount);
  const slotMaskBits = slotCount;
  const out: Field[] = [];
  const add = (register: number, bits: number, nullable = false) => out.push({ register, bits, bias: nullable ? 1 : 0 });

  add(R.DISK_WRITE, bitsFor(writeBudget));
  add(R.DISK_INTACT, 1);
  add(R.SERVICE_OWNER, lparBits);
  add(R.PREV_OWNER, nullableLparBits, true);
  add(R.WRITES_ISSUED, bitsFor(writeBudget));
  add(R.ACKED_WRITE, bitsFor(writeBudget));
  add(R.FAULTS_USED, bitsFor(faultBudget));
  for (let l = 0; l < lparCount; l += 1) {
    const b = R.lparBase(l);
    add(b + R.OS, 2);
    add(b + R.PAUSED, 1);
    add(b + R.ROLE, 2);
    add(b + R.SERVICE, 2);
    for (let s = 0; s < slotCount; s += 1) add(b + R.DEV + s, 3);
    add(b + R.GPE_STATUS, 1);
    add(b + R.GPE_ENABLED, 1);
    add(b + R.GPE_INSERT, slotMaskBits);
    add(b + R.GPE_EJECT, slotMaskBits);
    add(b + R.ALIVE, 1);
    add(b + R.SILENCE, bitsFor(d.timeoutTicks));
    add(b + R.PEER_FAILED, 1);
    add(b + R.SCRIPT_VICTIM, nullableLparBits, true);
    add(b + R.SCRIPT_STEP, bitsFor(d.script.length - 1));
    add(b + R.SCRIPT_MASK, slotMaskBits);
    add(b + R.SCRIPT_FALSE_POSITIVE, 1);
    add(b + R.HB_LINK_UP, 1);
    add(b + R.SHUTDOWN_REQUESTED, d.scriptHasShutdown ? 1 : 0);
    add(b + R.DEACT_INEFFECTIVE, 1);
    add(b + R.CPU, bitsFor(Math.max(d.cpuActiveCode, d.cpuStandbyCode)));
    add(b + R.DETECTED_FAILED, 1);
    add(b + R.GPE_SCI_EDGE, d.sciEdge ? 1 : 0);
    // A count never passes the larger budget: a step is refused once the LPAR's own is spent.
    add(b + R.CLUSTER_STEPS, d.countsClusterSteps ? bitsFor(Math.max(d.clusterBudget[R.CPU_STANDBY], d.clusterBudget[R.CPU_ACTIVE])) : 0);
  }
  for (let s = 0; s < slotCount; s += 1) {
    const b = R.slotBase(s);
    add(b + R.CARD, 2);
    add(b + R.OWNER, nullableLparBits, true);
    add(b + R.ENABLED, 1);
    add(b + R.GATE_KEEPER, nullableLparBits, true);
    add(b + R.GATE_KEEPER_STALE, d.cacheUntilFlush || d.lateGateKeeperRewrite ? nullableLparBits : 0, true);
    add(b + R.PENDING_ADD, nullableLparBits, true);
    add(b + R.ROM_TARGET, d.sciFromRom ? nullableLparBits : 0, true);
    add(b + R.ROM_EVENT, d.sciFromRom ? 1 : 0);
    add(b + R.IO_ISSUER, nullableLparBits, true);
    add(b + R.IO_WRITE, bitsFor(writeBudget));
    add(b + R.IO_STALE, d.inflight === 2 ? 1 : 0);
    add(b + R.EJECT_AWAITING_ACK, d.ejectAckRequired ? nullableLparBits : 0, true);
  }
  return out;
}

export function layoutFor(config: Config, d: DesignCode): Layout {
  const all = fieldsOf(config, d);
  const word = new Int32Array(R.REGISTER_COUNT);
  const shift = new Int32Array(R.REGISTER_COUNT);
  const mask = new Int32Array(R.REGISTER_COUNT);
  const bias = new Int32Array(R.REGISTER_COUNT);
  const keep = new Int32Array(R.REGISTER_COUNT).fill(-1);
  for (const f of all) bias[f.register] = f.bias;
  const used: number[] = [];
  const placed: Field[] = [];
  const widestFirst = all.filter((f) => f.bits > 0).sort((a, b) => b.bits - a.bits || a.register - b.register);
  for (const f of widestFirst) {
    if (f.bits > 31) throw new RangeError(`register ${f.register} needs ${f.bits} bits; the packed form holds at most 31 per field`);
    let w = used.findIndex((u) => u + f.bits <= 32);
    if (w < 0) {
      w = used.length;
      used.push(0);
    }
    word[f.register] = w;
    shift[f.register] = used[w]!;
    mask[f.register] = f.bits === 31 ? 0x7fffffff : (1 << f.bits) - 1;
    keep[f.register] = ~(mask[f.register]! << used[w]!);
    used[w]! += f.bits;
    placed.push(f);
  }
  const unpack = new Int32Array(placed.length * 5);
  placed.forEach((f, k) => unpack.set([f.register, word[f.register]!, shift[f.register]!, mask[f.register]!, f.bias], k * 5));
  return { words: Math.max(1, used.length), fields: placed, word, shift, mask, bias, keep, unpack };
}
