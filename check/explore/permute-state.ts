import type { InflightIo, LparId, LparState, ModelState, RomSciRequest, Script, SlotId, SlotState } from '../../model/index.ts';

/**
 * A renaming of LPAR and slot ids: `lpar[old] = new`, `slot[old] = new`. Both are permutations of
 * 0..count-1.
 */
export interface IdPermutation {
  readonly lpar: readonly number[];
  readonly slot: readonly number[];
}

export function identityPermutation(lparCount: number, slotCount: number): IdPermutation {
  return { lpar: Array.from({ length: lparCount }, (_, i) => i), slot: Array.from({ length: slotCount }, (_, i) => i) };
}

export function isIdentity(p: IdPermutation): boolean {
  return p.lpar.every((v, i) => v === i) && p.slot.every((v, i) => v === i);
}

/** A bit-per-slot mask with its bits moved to the renamed slots. */
function permuteMask(mask: number, slot: readonly number[]): number {
  let out = 0;
  for (let s = 0; s < slot.length; s += 1) if ((mask & (1 << s)) !== 0) out |= 1 << slot[s]!;
  return out;
}

function renameLpar(id: LparId | null, p: IdPermutation): LparId | null {
  return id === null ? null : (p.lpar[id] as LparId);
}

/** An array indexed by slot, with each entry moved to its slot's new id. */
function permuteBySlot<T>(items: readonly T[], p: IdPermutation): T[] {
  const out = new Array<T>(items.length);
  items.forEach((item, s) => { out[p.slot[s]!] = item; });
  return out;
}

function permuteScript(script: Script | null, p: IdPermutation): Script | null {
  if (script === null) return null;
  return { ...script, victim: p.lpar[script.victim] as LparId, slotMask: permuteMask(script.slotMask, p.slot) };
}

function permuteLpar(l: LparState, p: IdPermutation): LparState {
  return {
    ...l,
    devices: permuteBySlot(l.devices, p),
    gpe: { ...l.gpe, insertMask: permuteMask(l.gpe.insertMask, p.slot), ejectMask: permuteMask(l.gpe.ejectMask, p.slot) },
    cluster: { ...l.cluster, script: permuteScript(l.cluster.script, p) },
  };
}

function permuteSlot(s: SlotState, p: IdPermutation): SlotState {
  const romSci: RomSciRequest | null = s.romSci === null ? null : { ...s.romSci, target: p.lpar[s.romSci.target] as LparId };
  const io: InflightIo | null = s.io === null ? null : { ...s.io, issuer: p.lpar[s.io.issuer] as LparId };
  return {
    ...s,
    owner: renameLpar(s.owner, p),
    gateKeeper: renameLpar(s.gateKeeper, p),
    gateKeeperStale: renameLpar(s.gateKeeperStale, p),
    pendingAdd: renameLpar(s.pendingAdd, p),
    romSci,
    io,
    ejectAwaitingAck: renameLpar(s.ejectAwaitingAck, p),
  };
}

/**
 * The same machine with LPARs and slots renamed: every field that holds an LparId or a SlotId,
 * every per-slot array and bit mask, and the order of the `lpars` and `slots` arrays. Pure; the
 * result is a plain object (not frozen by immer), used for keys and for mapping states back.
 */
export function permuteState(state: ModelState, p: IdPermutation): ModelState {
  const lpars = new Array<LparState>(state.lpars.length);
  state.lpars.forEach((l, i) => { lpars[p.lpar[i]!] = permuteLpar(l, p); });
  const slots = permuteBySlot(state.slots.map((s) => permuteSlot(s, p)), p);
  return {
    ...state,
    lpars,
    slots,
    serviceOwner: p.lpar[state.serviceOwner] as LparId,
    previousServiceOwner: renameLpar(state.previousServiceOwner, p),
  };
}

/** A command with its LPAR and slot arguments renamed, so a transition maps to the renamed one. */
export function permuteCommandArgs<C extends object>(command: C, p: IdPermutation): C {
  const out = { ...command } as Record<string, unknown>;
  for (const field of ['issuer', 'target', 'from', 'lpar', 'window'] as const) {
    if (typeof out[field] === 'number') out[field] = p.lpar[out[field] as number] as LparId;
  }
  if (typeof out.slot === 'number') out.slot = p.slot[out.slot] as SlotId;
  return out as C;
}
