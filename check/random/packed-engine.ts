import { initialState, type Command, type Config, type Design, type ModelState } from '../../model/index.ts';
import { fromRegisters, pack, toRegisters } from '../../model/packed/codec.ts';
import { commandTable, tryCommand, type CommandTable } from '../../model/packed/dispatch.ts';
import { compileDesign, type DesignCode } from '../../model/packed/design-code.ts';
import { layoutFor, type Layout } from '../../model/packed/layout.ts';
import { PackedMachine } from '../../model/packed/machine.ts';
import * as R from '../../model/packed/registers.ts';
import { STATE_INVARIANT_IDS } from '../../properties/packed/state-checks.ts';
import { INVARIANT_SHIFT, STEP_INVARIANT_IDS, WITNESS_IDS } from '../../model/packed/step-flags.ts';
import { commandLabel } from '../explore/command-ids.ts';
import { fairnessCodes, NOT_FAIR } from '../explore/packed/liveness.ts';

/** Where an invariant's verdict is in the packed step's flags and the state mask (0: it has no such part). */
export interface InvariantBits {
  readonly stepBit: number;
  readonly stateBit: number;
}

/**
 * What the packed random runs share for one design and configuration, computed once: the compiled
 * design, the layout and command table of the explorer's packed system (model/packed),
 * the index of every command, fairness per command, and where each catalogue id's verdict sits
 * in the packed step flags and state mask.
 */
export class PackedEngine {
  readonly code: DesignCode;
  readonly layout: Layout;
  readonly table: CommandTable;
  readonly fairness: Uint8Array;
  /** The commands weak fairness may apply to (card insertions only while an add waits), in candidate order. */
  readonly fairSteps: readonly number[];
  readonly initialWords: Int32Array;
  /** The registers of the configuration's globals, LPARs and slots: all others stay at their defaults. */
  readonly liveRegisters: Int32Array;
  private readonly indexByKey = new Map<string, number>();
  private readonly indexByObject = new Map<Command, number>();
  private readonly bitsById = new Map<string, InvariantBits>();
  private readonly witnessBitById = new Map<string, number>();
  private readonly scratch: PackedMachine;
  private readonly enabledCache: StateCache<readonly number[]>;
  private readonly decodedCache: StateCache<ModelState>;
  /** The machine random runs step on: one run at a time, so one machine (./packed-run-context.ts loads its state first). */
  readonly runMachine: PackedMachine;

  constructor(readonly design: Design, readonly config: Config) {
    this.code = compileDesign(design);
    this.layout = layoutFor(config, this.code);
    this.table = commandTable(config);
    this.scratch = new PackedMachine(config, this.code, this.layout);
    this.runMachine = new PackedMachine(config, this.code, this.layout);
    const initial = initialState(config, design);
    this.fairness = fairnessCodes(this.table.commands, config, design);
    this.fairSteps = Array.from(this.table.unperturbed).filter((i) => this.fairness[i] !== NOT_FAIR);
    this.table.commands.forEach((c, i) => {
      this.indexByKey.set(commandLabel(c), i);
      this.indexByObject.set(c, i);
    });
    STEP_INVARIANT_IDS.forEach((id, k) => this.bitsById.set(id, { stepBit: 1 << (INVARIANT_SHIFT + k), stateBit: 0 }));
    STATE_INVARIANT_IDS.forEach((id, k) => this.bitsById.set(id, { stepBit: this.bitsById.get(id)?.stepBit ?? 0, stateBit: 1 << k }));
    WITNESS_IDS.forEach((id, k) => this.witnessBitById.set(id, 1 << k));
    this.initialWords = this.encode(initial);
    const live: number[] = [];
    for (let r = 0; r < R.GLOBAL_COUNT; r += 1) live.push(r);
    for (let l = 0; l < config.lparCount; l += 1) for (let f = 0; f < R.LPAR_STRIDE; f += 1) live.push(R.lparBase(l) + f);
    for (let s = 0; s < config.slotCount; s += 1) for (let f = 0; f < R.SLOT_STRIDE; f += 1) live.push(R.slotBase(s) + f);
    this.liveRegisters = Int32Array.from(live);
    this.enabledCache = new StateCache(this.layout.words, 15);
    this.decodedCache = new StateCache(this.layout.words, 12);
  }

  /**
   * Of the candidate indices, those enabled in the state whose words the machine has loaded (in
   * `m.b`), in order. Random runs pass by the same states again and again (about 9 picks in 10
   * are in a state and category seen before), so answers are cached by state and index list.
   * The machine is left as loaded. The returned array is shared: do not change it.
   */
  enabledAmong(m: PackedMachine, words: Int32Array, indices: readonly number[]): readonly number[] {
    const cached = this.enabledCache.find(words, indices);
    if (cached !== null) return cached;
    const out: number[] = [];
    for (const i of indices) {
      m.begin();
      if (tryCommand(m, this.table, i)) out.push(i);
    }
    m.begin();
    this.enabledCache.store(words, indices, out);
    return out;
  }

  /** The model state of the packed words (decoded once per state while it stays in a small cache; do not change it). */
  modelStateOf(words: Int32Array): ModelState {
    return this.decodedCache.find(words, DECODED) ?? this.decodedCache.store(words, DECODED, this.decode(words));
  }

  /** The command's index in the table (the same as in `candidates(config)`), or -1 if it is none of them. */
  indexOf(command: Command): number {
    // Replays of a run pass the table's own command objects: found by identity, no label built.
    return this.indexByObject.get(command) ?? this.indexByKey.get(commandLabel(command)) ?? -1;
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

/** The one "list" the decoded-state cache is keyed by. */
const DECODED: readonly number[] = Object.freeze([]);

/**
 * A direct-mapped cache from (packed state, list) to an answer: the enabled indices among an
 * index list, or a decoded state. Lists are told apart by identity: the pick buckets, built once
 * per configuration. A hit compares the whole key, so the answer is always the one computing it
 * would give.
 */
class StateCache<T> {
  private readonly keys: Int32Array;
  private readonly listAt: Int32Array;
  private readonly answers: (T | null)[];
  /** The lists seen (a handful); a list's position is its id. */
  private readonly knownLists: (readonly number[])[] = [];
  private slot = 0;

  constructor(private readonly words: number, private readonly bits: number) {
    const size = 1 << bits;
    this.keys = new Int32Array(size * words);
    this.listAt = new Int32Array(size).fill(-1);
    this.answers = Array.from({ length: size }, () => null);
  }

  /** The cached answer, or null (then `store` puts an answer where this key belongs). */
  find(state: Int32Array, list: readonly number[]): T | null {
    let listId = this.knownLists.indexOf(list);
    if (listId < 0) {
      if (this.knownLists.length >= 64) return null; // not a fixed bucket: never stored
      listId = this.knownLists.push(list) - 1;
    }
    const words = this.words;
    let h = Math.imul(listId + 1, 0x9e3779b1);
    for (let i = 0; i < words; i += 1) h = Math.imul(h ^ state[i]!, 0x85ebca6b) ^ (h >>> 13);
    const slot = h >>> (32 - this.bits);
    this.slot = slot;
    if (this.listAt[slot] !== listId) return null;
    const at = slot * words;
    for (let i = 0; i < words; i += 1) if (this.keys[at + i] !== state[i]) return null;
    return this.answers[slot]!;
  }

  /** Store the answer for the key the last `find` missed. */
  store(state: Int32Array, list: readonly number[], answer: T): T {
    const listId = this.knownLists.indexOf(list);
    if (listId < 0) return answer;
    const slot = this.slot;
    this.keys.set(state.subarray(0, this.words), slot * this.words);
    this.listAt[slot] = listId;
    this.answers[slot] = answer;
    return answer;
  }
}
