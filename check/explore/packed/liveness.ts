import type { Command } from '../../../model/commands.ts';
import type { Config } from '../../../model/config.ts';
import type { Design } from '../../../model/design.ts';
import { initialState } from '../../../model/initial-state.ts';
import type { ModelState } from '../../../model/state.ts';
import type { Liveness } from '../../../properties/catalogue-types.ts';
import { isFairAction } from '../../../properties/fairness.ts';
import type { LivenessView } from '../system.ts';
import type { DesignCode } from '../../../model/packed/design-code.ts';
import { enabledOwner, selectorAllows, SERVICE_SLOT } from '../../../model/packed/queries.ts';
import * as R from '../../../model/packed/registers.ts';

// properties/liveness.ts `pending` and random/drain.ts `isFairAction` on registers, so that the
// explorer need not decode every state it expands. Same obligation names, in the same order
// (the explorer numbers obligations in order of first appearance); agreement.ts compares them
// with the reference on every state the exhaustive and random-walk agreement tests reach.

// Each property's obligations as bits of a fixed numbering: LIV-01 and LIV-04 an LPAR l (bit l),
// LIV-03 an (LPAR, slot) pair (bit 4l + s), LIV-02 and LIV-05 a slot and its owner (bit 4s + l).
// Ascending bits are the order in which properties/liveness.ts names them (the explorer numbers
// obligations in order of first appearance), so a state's names are its bits' names in order.
// The explorer records a state's bits, not its names: no string is built or looked up per state.

/** Obligation names by bit, each built once. */
const names = (make: (bit: number) => string) => {
  const cache: string[] = [];
  return (bit: number) => (cache[bit] ??= make(bit));
};
const NAMES: Record<string, (bit: number) => string> = {
  'LIV-01': names((l) => `LPAR${l} is taking over but does not serve yet`),
  'LIV-02': names((sl) => `LPAR${sl & 3} owns slot ${sl >> 2} but has not mounted it`),
  'LIV-03': names((ls) => `LPAR${ls >> 2} still uses slot ${ls & 3}, which it can no longer reach`),
  'LIV-04': names((l) => `LPAR${l} was declared failed and is not back as a standby`),
  'LIV-05': names((sl) => `LPAR${sl & 3} still uses the failed card in slot ${sl >> 2}`),
  'LIV-06': names(() => 'no LPAR serves'),
};
/** The bit of an (LPAR, slot) pair, and of a (slot, LPAR) pair (LPARs and slots < 4, so bits < 16). */
const lparSlot = (l: number, s: number) => 1 << ((l << 2) | s);
const slotLpar = (s: number, l: number) => 1 << ((s << 2) | l);

/** The LPAR serves: active, service running, enabled owner of the service slot, disk mounted. */
function serves(r: Int32Array, d: DesignCode, l: number): boolean {
  const base = R.lparBase(l);
  return r[base + R.OS] === R.OS_RUNNING && r[base + R.ROLE] === R.ROLE_ACTIVE && r[base + R.SERVICE] === R.SVC_RUNNING
    && selectorAllows(r, d.multiPort, l, SERVICE_SLOT) && r[base + R.DEV + SERVICE_SLOT] === R.DEV_MOUNTED;
}

const running = (r: Int32Array, l: number) => r[R.lparBase(l) + R.OS] === R.OS_RUNNING;

function liv01(r: Int32Array, config: Config, d: DesignCode): number {
  const slot = R.slotBase(SERVICE_SLOT);
  if (r[slot + R.CARD] === R.CARD_FAILED || (r[slot + R.CARD] === R.CARD_ABSENT && r[slot + R.PENDING_ADD] === R.NONE)) return 0;
  let open = 0;
  for (let l = 0; l < config.lparCount; l += 1) {
    const base = R.lparBase(l);
    const takingOver = r[base + R.ROLE] === R.ROLE_TAKEOVER || r[base + R.SCRIPT_VICTIM] !== R.NONE;
    if (running(r, l) && takingOver && !serves(r, d, l)) open |= 1 << l;
  }
  return open;
}

function liv02(r: Int32Array, config: Config): number {
  let open = 0;
  for (let s = 0; s < config.slotCount; s += 1) {
    const owner = enabledOwner(r, s);
    if (owner === R.NONE || r[R.slotBase(s) + R.CARD] !== R.CARD_PRESENT) continue;
    if (running(r, owner) && r[R.lparBase(owner) + R.DEV + s] !== R.DEV_MOUNTED) open |= slotLpar(s, owner);
  }
  return open;
}

function liv03(r: Int32Array, config: Config, d: DesignCode): number {
  let open = 0;
  for (let l = 0; l < config.lparCount; l += 1) {
    if (!running(r, l)) continue;
    for (let s = 0; s < config.slotCount; s += 1) {
      if (r[R.lparBase(l) + R.DEV + s] !== R.DEV_NONE && !selectorAllows(r, d.multiPort, l, s)) open |= lparSlot(l, s);
    }
  }
  return open;
}

function liv04(r: Int32Array, config: Config, d: DesignCode): number {
  let open = 0;
  for (let l = 0; l < config.lparCount; l += 1) {
    const base = R.lparBase(l);
    if (r[base + R.DETECTED_FAILED] === 0) continue;
    if (running(r, l) && (r[base + R.ROLE] === R.ROLE_STANDBY || serves(r, d, l))) continue;
    let someoneElse = false;
    for (let o = 0; o < config.lparCount && !someoneElse; o += 1) someoneElse = o !== l && running(r, o);
    if (someoneElse) open |= 1 << l;
  }
  return open;
}

function liv05(r: Int32Array, config: Config): number {
  let open = 0;
  for (let s = 0; s < config.slotCount; s += 1) {
    const owner = enabledOwner(r, s);
    if (r[R.slotBase(s) + R.CARD] !== R.CARD_FAILED || owner === R.NONE) continue;
    if (running(r, owner) && r[R.lparBase(owner) + R.DEV + s] !== R.DEV_NONE) open |= slotLpar(s, owner);
  }
  return open;
}

/** LIV-06: nobody serves, while the disk can be served and an LPAR other than the owner of record runs to take over (bit 0). */
function liv06(r: Int32Array, config: Config, d: DesignCode): number {
  const slot = R.slotBase(SERVICE_SLOT);
  if (r[slot + R.CARD] === R.CARD_FAILED || (r[slot + R.CARD] === R.CARD_ABSENT && r[slot + R.PENDING_ADD] === R.NONE)) return 0;
  let someoneRuns = false;
  for (let l = 0; l < config.lparCount; l += 1) {
    if (serves(r, d, l)) return 0;
    someoneRuns ||= l !== r[R.SERVICE_OWNER] && running(r, l);
  }
  return someoneRuns ? 1 : 0;
}

/** How weak fairness (random/drain.ts `isFairAction`) treats a command, decided once per command. */
export const NOT_FAIR = 0;
export const FAIR = 1;
/** A card insertion: fair only while an add_pci waits for the card (the slot's pending add is set). */
export const FAIR_IF_PENDING_ADD = 2;

/** The fairness code of each command, in their order. */
export function fairnessCodes(commands: readonly Command[], config: Config, design: Design): Uint8Array {
  const anyState = initialState(config, design); // isFairAction reads the state for card insertions only
  return Uint8Array.from(commands, (c) => (c.kind === 'card_insert' ? FAIR_IF_PENDING_ADD : isFairAction(c, anyState) ? FAIR : NOT_FAIR));
}

/** Whether a command with this fairness code, on `slot` (card insertions), is fair in the state `regs` holds. */
export function isFairIn(regs: Int32Array, code: number, slot: number): boolean {
  return code === FAIR || (code === FAIR_IF_PENDING_ADD && regs[R.slotBase(slot) + R.PENDING_ADD] !== R.NONE);
}

/**
 * A LivenessView over registers a caller loads (`regs`, read when asked). A property this file
 * does not know is asked of the reference on the decoded state.
 */
export class RegisterLivenessView implements LivenessView {
  /** Per command: its fairness code × 4 + its slot (card insertions), in one lookup per edge. */
  private readonly fairness = new Map<Command, number>();

  constructor(
    readonly regs: Int32Array,
    private readonly config: Config,
    private readonly design: Design,
    private readonly code: DesignCode,
    commands: readonly Command[],
    private readonly decode: () => ModelState,
  ) {
    const codes = fairnessCodes(commands, config, design);
    commands.forEach((c, i) => this.fairness.set(c, codes[i]! * 4 + (c.kind === 'card_insert' ? c.slot : 0)));
  }

  pendingBits(property: Liveness): number {
    const { regs, config, code } = this;
    switch (property.id) {
      case 'LIV-01': return liv01(regs, config, code);
      case 'LIV-02': return liv02(regs, config);
      case 'LIV-03': return liv03(regs, config, code);
      case 'LIV-04': return liv04(regs, config, code);
      case 'LIV-05': return liv05(regs, config);
      case 'LIV-06': return liv06(regs, config, code);
      default: return -1;
    }
  }

  obligationName(property: Liveness, bit: number): string {
    const name = NAMES[property.id];
    if (name === undefined) throw new RangeError(`${property.id} has no obligations numbered here`);
    return name(bit);
  }

  pending(property: Liveness): readonly string[] {
    const bits = this.pendingBits(property);
    if (bits < 0) return property.pending(this.decode(), this.design);
    const out: string[] = [];
    for (let rest = bits; rest !== 0; rest &= rest - 1) out.push(this.obligationName(property, 31 - Math.clz32(rest & -rest)));
    return out;
  }

  isFair(command: Command): boolean {
    const fairness = this.fairness.get(command);
    if (fairness === undefined) return isFairAction(command, this.decode());
    return isFairIn(this.regs, fairness >> 2, fairness & 3);
  }
}
