import { COMMAND_FIELDS, candidates, initialState, type Command, type Config, type Design, type ModelState } from '../../model/index.ts';
import { fromRegisters, pack, toRegisters } from '../explore/fast/codec.ts';
import { commandTable, tryCommand, type CommandTable } from '../explore/fast/dispatch.ts';
import { compileDesign, type DesignCode } from '../explore/fast/design-code.ts';
import { layoutFor, type Layout } from '../explore/fast/layout.ts';
import { Machine } from '../explore/fast/machine.ts';
import * as R from '../explore/fast/registers.ts';
import { STATE_INVARIANT_IDS } from '../explore/fast/state-checks.ts';
import { INVARIANT_SHIFT, STEP_INVARIANT_IDS, WITNESS_IDS } from '../explore/fast/step-flags.ts';
import { isFairAction } from './drain.ts';

/** How weak fairness treats a command (./drain.ts `isFairAction`), decided once per command. */
export const NOT_FAIR = 0;
export const FAIR = 1;
/** A card insertion: fair only while an add_pci waits for the card (the slot's pending add is set). */
export const FAIR_IF_PENDING_ADD = 2;

/** Where an invariant's verdict is in the packed step's flags and the state mask (0: it has no such part). */
export interface InvariantBits {
  readonly stepBit: number;
  readonly stateBit: number;
}

function keyOf(command: Command): string {
  const fields = command as unknown as Record<string, unknown>;
  return [command.kind, ...COMMAND_FIELDS[command.kind].map((f) => String(fields[f]))].join(' ');
}

/**
 * What the packed random runs share for one design and configuration, computed once: the compiled
 * design, the layout and command table of the explorer's packed engine (properties/explore/fast),
 * the index of every command, fairness per command, and where each catalogue id's verdict sits
 * in the packed step flags and state mask.
 */
export class PackedEngine {
  readonly code: DesignCode;
  readonly layout: Layout;
  readonly table: CommandTable;
  readonly fairness: Uint8Array;
  readonly initialWords: Int32Array;
  /** The registers of the configuration's globals, LPARs and slots: all others stay at their defaults. */
  readonly liveRegisters: Int32Array;
  private readonly indexByKey = new Map<string, number>();
  private readonly bitsById = new Map<string, InvariantBits>();
  private readonly witnessBitById = new Map<string, number>();
  private readonly scratch: Machine;
  private readonly enabledCache: EnabledCache;
  /** The machine random runs step on: one run at a time, so one machine (./packed-run-context.ts loads its state first). */
  readonly runMachine: Machine;

  constructor(readonly design: Design, readonly config: Config) {
    this.code = compileDesign(design);
    this.layout = layoutFor(config, this.code);
    this.table = commandTable(config);
    this.scratch = new Machine(config, this.code, this.layout);
    this.runMachine = new Machine(config, this.code, this.layout);
    const initial = initialState(config, design);
    this.fairness = Uint8Array.from(candidates(config), ({ command }) =>
      command.kind === 'card_insert' ? FAIR_IF_PENDING_ADD : isFairAction(command, initial) ? FAIR : NOT_FAIR);
    this.table.commands.forEach((c, i) => this.indexByKey.set(keyOf(c), i));
    STEP_INVARIANT_IDS.forEach((id, k) => this.bitsById.set(id, { stepBit: 1 << (INVARIANT_SHIFT + k), stateBit: 0 }));
    STATE_INVARIANT_IDS.forEach((id, k) => this.bitsById.set(id, { stepBit: this.bitsById.get(id)?.stepBit ?? 0, stateBit: 1 << k }));
    WITNESS_IDS.forEach((id, k) => this.witnessBitById.set(id, 1 << k));
    this.initialWords = this.encode(initial);
    const live: number[] = [];
    for (let r = 0; r < R.GLOBAL_COUNT; r += 1) live.push(r);
    for (let l = 0; l < config.lparCount; l += 1) for (let f = 0; f < R.LPAR_STRIDE; f += 1) live.push(R.lparBase(l) + f);
    for (let s = 0; s < config.slotCount; s += 1) for (let f = 0; f < R.SLOT_STRIDE; f += 1) live.push(R.slotBase(s) + f);
    this.liveRegisters = Int32Array.from(live);
    this.enabledCache = new EnabledCache(this.layout.words);
  }

  /**
   * Of the candidate indices, those enabled in the state whose words the machine has loaded (in
   * `m.b`), in order. Random runs pass by the same states again and again (about 9 picks in 10
   * are in a state and category seen before), so answers are cached by state and index list.
   * The machine is left as loaded. The returned array is shared: do not change it.
   */
  enabledAmong(m: Machine, words: Int32Array, indices: readonly number[]): readonly number[] {
    return this.enabledCache.lookup(words, indices, () => {
      const out: number[] = [];
      for (const i of indices) {
        m.begin();
        if (tryCommand(m, this.table, i)) out.push(i);
      }
      m.begin();
      return out;
    });
  }

  /** The command's index in the table (the same as in `candidates(config)`), or -1 if it is none of them. */
  indexOf(command: Command): number {
    return this.indexByKey.get(keyOf(command)) ?? -1;
  }

  invariantBits(id: string): InvariantBits {
    return this.bitsById.get(id) ?? { stepBit: 0, stateBit: 0 };
  }

  witnessBit(id: string): number {
    return this.witnessBitById.get(id) ?? 0;
  }

  /** The packed words of a model state (a fresh array). */
  encode(state: ModelState): Int32Array {
    const regs = new Int32Array(R.REGISTER_COUNT);
    toRegisters(state, this.code, this.layout, regs);
    const words = new Int32Array(this.layout.words);
    pack(regs, this.layout, words);
    return words;
  }

  /** The model state of the packed words at words[offset ..]. */
  decode(words: Int32Array, offset = 0): ModelState {
    this.scratch.load(words, offset);
    return fromRegisters(this.scratch.b, this.config, this.code);
  }
}

/**
 * A direct-mapped cache from (packed state, index list) to the enabled indices. Index lists are
 * told apart by identity (the pick buckets are built once per configuration). A hit compares the
 * whole key, so the answer is always the one computing it would give.
 */
class EnabledCache {
  private static readonly BITS = 15;
  private readonly keys: Int32Array;
  private readonly lists: (readonly number[] | undefined)[];
  private readonly answers: (readonly number[] | undefined)[];
  private readonly listIds = new WeakMap<readonly number[], number>();
  private nextListId = 0;

  constructor(private readonly words: number) {
    const size = 1 << EnabledCache.BITS;
    this.keys = new Int32Array(size * words);
    this.lists = new Array(size);
    this.answers = new Array(size);
  }

  lookup(state: Int32Array, list: readonly number[], compute: () => readonly number[]): readonly number[] {
    let listId = this.listIds.get(list);
    if (listId === undefined) this.listIds.set(list, (listId = this.nextListId++));
    let h = Math.imul(listId + 1, 0x9e3779b1);
    for (let i = 0; i < this.words; i += 1) h = Math.imul(h ^ state[i]!, 0x85ebca6b) ^ (h >>> 13);
    const slot = h >>> (32 - EnabledCache.BITS);
    const at = slot * this.words;
    if (this.lists[slot] === list && this.sameKey(at, state)) return this.answers[slot]!;
    const answer = compute();
    this.keys.set(state.subarray(0, this.words), at);
    this.lists[slot] = list;
    this.answers[slot] = answer;
    return answer;
  }

  private sameKey(at: number, state: Int32Array): boolean {
    for (let i = 0; i < this.words; i += 1) if (this.keys[at + i] !== state[i]) return false;
    return true;
  }
}
