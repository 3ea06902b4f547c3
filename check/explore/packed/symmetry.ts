import type { Config } from '../../../model/config.ts';
import { symmetryGroup } from '../symmetry.ts';
import type { Layout } from '../../../model/packed/layout.ts';
import * as R from '../../../model/packed/registers.ts';

// The explorer's symmetry reduction (../symmetry.ts: standby LPARs renamed among themselves, LPAR0
// and every slot fixed) on registers, so that `--symmetry` runs on the packed system too. A
// renaming moves each LPAR's block of registers to its new id and renames every register that
// holds an LPAR id (../permute-state.ts does the same on a ModelState; packed-symmetry.test.ts
// checks the two agree).
//
// The canonical form of a state is the least packed form among its renamings that put the
// standbys in order of a signature: a hash of what a standby is, invariant under renaming (its own
// registers, LPAR ids in them written as none / LPAR0 / itself / another standby, and which of the
// fixed registers name it). For renamings π, sig_{πs}(π l) = sig_s(l), so the renamings of s that
// sort it, P(s), satisfy P(σ s) = P(s) σ⁻¹: {π s | π ∈ P(s)} is the same set for every state of
// an orbit, and so is its least element. When the signatures differ (most states) P(s) is one
// renaming, found by sorting: one rename and pack, none when it is the identity. Trying all
// (n-1)! renamings, as before, cost 5 renames and packs per state at 4 LPARs.
//
// Orbit size: |G| / |Stab(s)|. A renaming that fixes s preserves signatures, so Stab(t) lies in
// the renamings H that permute equal signatures of the sorted t; of the forms τ t (τ ∈ H), exactly
// |Stab(t)| equal the least one. So orbit = |G| / (renamings in P(s) that give the least form).

/** Registers outside the LPAR blocks whose value is an LPAR id (or NONE). */
function fixedLparValuedRegisters(config: Config): number[] {
  const out: number[] = [R.SERVICE_OWNER, R.PREV_OWNER];
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
  /** Per renaming (index 0 the identity): the new id of each LPAR. */
  private readonly perms: Int32Array[];
  /** Per renaming: the index of its inverse. */
  private readonly inverse: Int32Array;
  private readonly lparCount: number;
  private readonly fixedLparValued: Int32Array;
  /**
   * Per renaming: the packed fields it changes, 6 numbers each (source register, word, shift,
   * mask, bias, 1 if the value is an LPAR id to rename): a renamed copy is the packed words with
   * those fields rewritten, not every register renamed and packed again.
   */
  private readonly edits: Int32Array[];
  private readonly candidate: Int32Array;
  /** The offsets in an LPAR block of the registers this layout stores for some standby. */
  private readonly blockFields: Int32Array;
  private readonly signature: Int32Array;
  private readonly sorted: Int32Array;
  /** Set by `canonicalize`: the index of the renaming that gives the canonical form, and the orbit size. */
  perm = 0;
  orbit = 1;

  constructor(config: Config, private readonly layout: Layout) {
    const group = symmetryGroup(config);
    this.groups = group.groups;
    this.order = group.permutations.length;
    this.lparCount = config.lparCount;
    if (R.LPAR_STRIDE > 30) throw new RangeError('signatures number block fields below 30');
    if (this.order > 8) throw new RangeError(`${this.order} renamings: a state's id keeps 3 bits for its renaming`);
    this.perms = group.permutations.map((p) => Int32Array.from(p.lpar));
    const index = (p: Int32Array) => this.perms.findIndex((q) => q.every((v, i) => v === p[i]));
    this.inverse = Int32Array.from(this.perms, (p) => {
      const inv = new Int32Array(p.length);
      p.forEach((to, from) => { inv[to] = from; });
      return index(inv);
    });
    this.fixedLparValued = Int32Array.from(fixedLparValuedRegisters(config));
    const lparValued = new Set([...fixedLparValuedRegisters(config), ...Array.from({ length: config.lparCount }, (_, l) => R.lparBase(l) + R.SCRIPT_VICTIM)]);
    this.edits = this.perms.map((lpar) => {
      // The register whose value lands in each register: LPAR l's block moves to lpar[l].
      const source = Int32Array.from({ length: R.REGISTER_COUNT }, (_, r) => r);
      for (let l = 0; l < config.lparCount; l += 1) for (let f = 0; f < R.LPAR_STRIDE; f += 1) source[R.lparBase(lpar[l]!) + f] = R.lparBase(l) + f;
      const out: number[] = [];
      const { unpack } = layout;
      for (let k = 0; k < unpack.length; k += 5) {
        const reg = unpack[k]!;
        const renamesValue = lparValued.has(reg);
        if (source[reg] === reg && !renamesValue) continue;
        out.push(source[reg]!, unpack[k + 1]!, unpack[k + 2]!, unpack[k + 3]!, unpack[k + 4]!, renamesValue ? 1 : 0);
      }
      return Int32Array.from(out);
    });
    this.candidate = new Int32Array(layout.words);
    this.blockFields = Int32Array.from({ length: R.LPAR_STRIDE }, (_, f) => f)
      .filter((f) => f !== R.SCRIPT_VICTIM && Array.from({ length: config.lparCount - 1 }, (_, i) => layout.mask[R.lparBase(i + 1) + f]!).some((m) => m !== 0));
    this.signature = new Int32Array(config.lparCount);
    this.sorted = new Int32Array(config.lparCount);
  }

  /**
   * The canonical packed form of the state whose registers are `regs` and packed words `words`,
   * written to `out`; sets `perm` (the renaming that maps the state to it) and `orbit`.
   */
  canonicalize(regs: Int32Array, words: Int32Array, out: Int32Array): void {
    const n = this.lparCount;
    if (n <= 2) {
      out.set(words);
      this.perm = 0;
      this.orbit = 1;
      return;
    }
    const sig = this.signature;
    const sorted = this.sorted;
    this.signatures(regs);
    for (let l = 1; l < n; l += 1) sorted[l] = sig[l]!;
    // Insertion sort of at most three values.
    for (let i = 2; i < n; i += 1) {
      const v = sorted[i]!;
      let j = i - 1;
      for (; j >= 1 && sorted[j]! > v; j -= 1) sorted[j + 1] = sorted[j]!;
      sorted[j + 1] = v;
    }
    let ties = false;
    for (let i = 2; i < n; i += 1) if (sorted[i] === sorted[i - 1]) ties = true;
    if (!ties) {
      // The one renaming that sorts: each standby to its signature's rank.
      for (let p = 0; p < this.order; p += 1) {
        if (!this.sorts(this.perms[p]!)) continue;
        this.perm = p;
        this.orbit = this.order;
        if (p === 0) out.set(words);
        else this.renameAndPack(regs, words, p, out);
        return;
      }
      throw new Error('no renaming sorts the standbys: the group is not every renaming of them');
    }
    // Equal signatures of standbys that are exact swaps of each other (most ties: idle standbys):
    // every renaming among them fixes the state, so any sorting renaming gives the least form.
    let fixedBy = 1;
    let symmetric = true;
    for (let i = 1; i < n && symmetric; ) {
      let j = i + 1;
      while (j < n && sorted[j] === sorted[i]) j += 1;
      for (let k = i + 1; k < j && symmetric; k += 1) symmetric = this.swapFixes(regs, this.standbyAt(i), this.standbyAt(k));
      for (let k = 2; k <= j - i; k += 1) fixedBy *= k;
      i = j;
    }
    if (symmetric) {
      for (let p = 0; p < this.order; p += 1) {
        if (!this.sorts(this.perms[p]!)) continue;
        this.perm = p;
        this.orbit = this.order / fixedBy;
        if (p === 0) out.set(words);
        else this.renameAndPack(regs, words, p, out);
        return;
      }
    }
    let best = -1;
    let equal = 0;
    for (let p = 0; p < this.order; p += 1) {
      if (!this.sorts(this.perms[p]!)) continue;
      const form = p === 0 ? words : (this.renameAndPack(regs, words, p, this.candidate), this.candidate);
      const c = best < 0 ? -1 : compareWords(form, out);
      if (c < 0) {
        out.set(form);
        best = p;
        equal = 1;
      } else if (c === 0) equal += 1;
    }
    this.perm = best;
    this.orbit = this.order / equal;
  }

  /** The packed words of the state that renaming `perm` maps to the canonical form whose registers are `regs`, written to `out`. */
  uncanonicalize(regs: Int32Array, words: Int32Array, perm: number, out: Int32Array): void {
    this.renameAndPack(regs, words, this.inverse[perm]!, out);
  }

  /** The first standby whose signature is the i-th in sorted order (for a tie block, any member will do as a start). */
  private standbyAt(i: number): number {
    // The k-th member of a tie block: the k-th standby, in id order, with that signature.
    let rank = 0;
    for (let b = i - 1; b >= 1 && this.sorted[b] === this.sorted[i]; b -= 1) rank += 1;
    for (let l = 1; l < this.lparCount; l += 1) {
      if (this.signature[l] !== this.sorted[i]) continue;
      if (rank === 0) return l;
      rank -= 1;
    }
    throw new Error('a sorted signature no standby has');
  }

  /** Whether swapping standbys a and b maps the state to itself (an exact check, not a hash). */
  private swapFixes(regs: Int32Array, a: number, b: number): boolean {
    const ba = R.lparBase(a);
    const bb = R.lparBase(b);
    for (let f = 0; f < R.LPAR_STRIDE; f += 1) {
      const va = regs[ba + f]!;
      const vb = regs[bb + f]!;
      if (f === R.SCRIPT_VICTIM ? (va === a ? b : va === b ? a : va) !== vb : va !== vb) return false;
    }
    const fixed = this.fixedLparValued;
    for (let k = 0; k < fixed.length; k += 1) {
      const v = regs[fixed[k]!];
      if (v === a || v === b) return false;
    }
    for (let l = 0; l < this.lparCount; l += 1) {
      if (l === a || l === b) continue;
      const v = regs[R.lparBase(l) + R.SCRIPT_VICTIM];
      if (v === a || v === b) return false;
    }
    return true;
  }

  /** Whether renaming `p` puts every standby at the position of its signature in sorted order. */
  private sorts(p: Int32Array): boolean {
    for (let l = 1; l < this.lparCount; l += 1) if (this.sorted[p[l]!] !== this.signature[l]) return false;
    return true;
  }

  /**
   * Per standby l, into `signature[l]`: a hash of what it is, equal for l in s and π l in π s.
   * A sum of independent products (one odd constant per position), not a chain of mixes: the
   * multiplications overlap, which makes it several times faster here; a collision only costs the
   * exact comparison of the tied renamings.
   */
  private signatures(regs: Int32Array): void {
    const n = this.lparCount;
    const sig = this.signature;
    const fields = this.blockFields;
    const mul = SIGNATURE_CONSTANTS;
    for (let l = 1; l < n; l += 1) {
      const base = R.lparBase(l);
      let h = Math.imul(relation(regs[base + R.SCRIPT_VICTIM]!, l) + 1, 0x2545f491);
      for (let k = 0; k < fields.length; k += 1) h = (h + Math.imul(regs[base + fields[k]!]! + 2, mul[k]!)) | 0;
      sig[l] = h;
    }
    // Which fixed registers name it, by position (globals and slots are never renamed).
    const fixed = this.fixedLparValued;
    for (let k = 0; k < fixed.length; k += 1) {
      const v = regs[fixed[k]!]!;
      if (v >= 1) sig[v] = (sig[v]! + mul[32 + k]!) | 0;
    }
    // Whose script targets it: LPAR0's (fixed), and how many standbys' (their ids are renamed).
    const victim0 = regs[R.lparBase(0) + R.SCRIPT_VICTIM]!;
    if (victim0 >= 1) sig[victim0] = (sig[victim0]! + mul[31]!) | 0;
    for (let m = 1; m < n; m += 1) {
      const v = regs[R.lparBase(m) + R.SCRIPT_VICTIM]!;
      if (v >= 1 && v !== m) sig[v] = (sig[v]! + mul[30]!) | 0;
    }
  }

  /** The packed words of renaming `perm` applied to the state (`regs`, `words`), written to `out`. */
  private renameAndPack(regs: Int32Array, words: Int32Array, perm: number, out: Int32Array): void {
    const edits = this.edits[perm]!;
    const lpar = this.perms[perm]!;
    out.set(words);
    for (let k = 0; k < edits.length; k += 6) {
      let v = regs[edits[k]!]!;
      if (edits[k + 5] === 1 && v !== R.NONE) v = lpar[v]!;
      const word = edits[k + 1]!;
      const shift = edits[k + 2]!;
      const mask = edits[k + 3]!;
      out[word] = (out[word]! & ~(mask << shift)) | (((v + edits[k + 4]!) & mask) << shift);
    }
  }
}

/** Odd multipliers, one per position a signature sums over (block fields, then fixed registers from 32). */
const SIGNATURE_CONSTANTS = Int32Array.from({ length: 32 + 3 * 12 + 2 }, (_, k) => {
  let h = Math.imul(k + 0x51ed27, 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h | 1;
});

/** An LPAR id as seen from standby `l`: none, LPAR0, itself, or another standby. */
function relation(id: number, l: number): number {
  return id === R.NONE ? 0 : id === 0 ? 1 : id === l ? 2 : 3;
}

function compareWords(a: Int32Array, b: Int32Array): number {
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}
