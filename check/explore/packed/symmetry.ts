import type { Config } from '../../../model/config.ts';
import { symmetryGroup } from '../symmetry.ts';
import { packFields } from '../../../model/packed/codec.ts';
import type { Layout } from '../../../model/packed/layout.ts';
import * as R from '../../../model/packed/registers.ts';

// The explorer's symmetry reduction (../symmetry.ts: standby LPARs renamed among themselves, LPAR0
// and every slot fixed) on registers, so that `--symmetry` runs on the packed system too. A
// renaming moves each LPAR's block of registers to its new id and renames every register that
// holds an LPAR id (../permute-state.ts does the same on a ModelState; packed-symmetry.test.ts
// checks the two agree). A state's key is the least packed form among its renamed copies.

/** Registers whose value is an LPAR id (or NONE), wherever they sit. */
function lparValuedRegisters(config: Config): number[] {
  const out: number[] = [R.SERVICE_OWNER, R.PREV_OWNER];
  for (let l = 0; l < config.lparCount; l += 1) out.push(R.lparBase(l) + R.SCRIPT_VICTIM);
  for (let s = 0; s < config.slotCount; s += 1) {
    const b = R.slotBase(s);
    out.push(b + R.OWNER, b + R.GATE_KEEPER, b + R.GATE_KEEPER_STALE, b + R.PENDING_ADD, b + R.ROM_TARGET, b + R.IO_ISSUER, b + R.EJECT_AWAITING_ACK);
  }
  return out;
}

export class PackedSymmetry {
  readonly groups: readonly string[];
  /** Renamings in the group, identity included. */
  readonly order: number;
  /** Per renaming other than the identity: where each register goes, and the new id of each LPAR. */
  private readonly moves: { readonly to: Int32Array; readonly lpar: Int32Array }[];
  private readonly lparValued: Int32Array;
  private readonly renamed = new Int32Array(R.REGISTER_COUNT);
  private readonly candidate: Int32Array;
  private readonly seen: Int32Array[];

  constructor(config: Config, private readonly layout: Layout) {
    const group = symmetryGroup(config);
    this.groups = group.groups;
    this.order = group.permutations.length;
    this.moves = group.permutations.filter((p) => p.lpar.some((to, from) => to !== from)).map((p) => {
      const to = Int32Array.from({ length: R.REGISTER_COUNT }, (_, r) => r);
      for (let l = 0; l < config.lparCount; l += 1) for (let f = 0; f < R.LPAR_STRIDE; f += 1) to[R.lparBase(l) + f] = R.lparBase(p.lpar[l]!) + f;
      return { to, lpar: Int32Array.from(p.lpar) };
    });
    this.lparValued = Int32Array.from(lparValuedRegisters(config));
    this.candidate = new Int32Array(layout.words);
    this.seen = Array.from({ length: this.order }, () => new Int32Array(layout.words));
  }

  /**
   * The least packed form among the renamed copies of the state whose registers are `regs` and
   * whose packed words are `words`, written to `out`; returns how many distinct copies there are.
   */
  canonical(regs: Int32Array, words: Int32Array, out: Int32Array): number {
    out.set(words);
    this.seen[0]!.set(words);
    let distinct = 1;
    for (const move of this.moves) {
      this.rename(regs, move.to, move.lpar);
      packFields(this.renamed, this.layout, this.candidate);
      if (compareWords(this.candidate, out) < 0) out.set(this.candidate);
      let known = false;
      for (let k = 0; k < distinct && !known; k += 1) known = compareWords(this.seen[k]!, this.candidate) === 0;
      if (!known) this.seen[distinct++]!.set(this.candidate);
    }
    return distinct;
  }

  private rename(regs: Int32Array, to: Int32Array, lpar: Int32Array): void {
    const out = this.renamed;
    for (let r = 0; r < R.REGISTER_COUNT; r += 1) out[to[r]!] = regs[r]!;
    for (let k = 0; k < this.lparValued.length; k += 1) {
      const r = this.lparValued[k]!;
      const id = out[r]!;
      if (id !== R.NONE) out[r] = lpar[id]!;
    }
  }
}

function compareWords(a: Int32Array, b: Int32Array): number {
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}
