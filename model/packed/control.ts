import { AUTH_ANY, AUTH_TAKEOVER_FENCED } from './design-code.ts';
import type { PackedMachine } from './machine.ts';
import { boot, completeHotAdd, disableSlot, powerOff, raiseHotplugSci } from './mutators.ts';
import { isUp, ownsEnabledSlot } from './queries.ts';
import * as R from './registers.ts';
import { subjectMask } from './script-subjects.ts';
import { removeInactive } from './step-flags.ts';

// The command control routine [124] (model/handlers/control*.ts, deact.ts, act.ts, rem-pci.ts,
// add-pci.ts): each `…Allowed` is the guard, each `…Apply` the flow, so that a clustering script
// (./cluster.ts) and a direct command share them.

export const CONTROL_DEACT = 0;
export const CONTROL_ACT = 1;
export const CONTROL_REM_PCI = 2;
export const CONTROL_ADD_PCI = 3;

/** Not add/rem_pci on a multi-port disk; the issuer can send commands and, unless any LPAR may command any other, fails over the subject. */
export function controlAllowed(m: PackedMachine, control: number, issuer: number, subject: number, viaScript = false): boolean {
  const r = m.r;
  // A multi-port disk is wired to every partition: there is no logical hot-plug to command.
  if (m.d.multiPort && (control === CONTROL_REM_PCI || control === CONTROL_ADD_PCI)) return false;
  if (!isUp(r, issuer)) return false;
  if (m.d.authorization === AUTH_ANY) return true;
  const victim = r[R.lparBase(issuer) + R.SCRIPT_VICTIM]!;
  if (victim === R.NONE) return false;
  // A script's own step may command every LPAR it fences; a command issued directly, only its victim.
  // Under `addPciToOwner: reenable` a script may also add back a slot allocated to itself.
  const own = viaScript && control === CONTROL_ADD_PCI && subject === issuer && m.d.addPciToOwnerReenables ? 1 << issuer : 0;
  if (viaScript ? ((subjectMask(m, victim, issuer) | own) & (1 << subject)) === 0 : victim !== subject) return false;
  return !(m.d.authorization === AUTH_TAKEOVER_FENCED && control === CONTROL_ACT && ownsEnabledSlot(r, m.config.slotCount, subject));
}

export function deactAllowed(m: PackedMachine, target: number): boolean {
  return m.r[R.lparBase(target) + R.OS] !== R.OS_OFF;
}

/** Fig. 3(a), 1101 / 1109; FLT-15 makes it report success and leave the LPAR running. */
export function deactApply(m: PackedMachine, target: number): void {
  const reg = R.lparBase(target) + R.DEACT_INEFFECTIVE;
  if (m.r[reg] === 1) m.set(reg, 0);
  else powerOff(m, target);
}

export function actAllowed(m: PackedMachine, target: number): boolean {
  return m.r[R.lparBase(target) + R.OS] === R.OS_OFF;
}

/** Fig. 3(b), 1105: boot as a standby. */
export function actApply(m: PackedMachine, target: number): void {
  boot(m, target, false);
  m.set(R.lparBase(target) + R.DETECTED_FAILED, 0);
  m.acted |= 1 << target;
}

export function remAllowed(m: PackedMachine, target: number, s: number): boolean {
  const base = R.slotBase(s);
  return m.r[base + R.OWNER] === target && m.r[base + R.ENABLED] === 1;
}

/** Fig. 6: 601 disable; 602 target off → done; else 603 SCI (and wait for the ack if the design says). */
export function remApply(m: PackedMachine, target: number, s: number): void {
  disableSlot(m, s);
  if (m.r[R.lparBase(target) + R.OS] === R.OS_OFF) return removeInactive(m);
  const gpe = R.lparBase(target) + R.GPE_EJECT;
  if (m.d.skipRemoveSci) m.set(gpe, m.r[gpe]! | (1 << s)); // posted, but no SCI: 603 skipped
  else raiseHotplugSci(m, target, s, R.EVENT_EJECT);
  if (m.d.ejectAckRequired) m.set(R.slotBase(s) + R.EJECT_AWAITING_ACK, target);
}

/** add_pci's own conditions; `viaScript`: under `addPciToOwner: reenable` a script may enable its own removed slot again. */
export function addAllowed(m: PackedMachine, issuer: number, from: number, s: number, viaScript = false): boolean {
  const r = m.r;
  const base = R.slotBase(s);
  if (r[base + R.OWNER] !== from) return false;
  if (issuer === from && !(viaScript && m.d.addPciToOwnerReenables && r[base + R.ENABLED] === 0)) return false;
  if (r[base + R.PENDING_ADD] !== R.NONE || r[base + R.EJECT_AWAITING_ACK] !== R.NONE) return false;
  return !(r[base + R.ENABLED] === 1 && m.d.addRejectWhileEnabled);
}

/** Fig. 5: 501 card present → 503–504, else 502 wait for the card. */
export function addApply(m: PackedMachine, issuer: number, s: number): void {
  const base = R.slotBase(s);
  if (m.r[base + R.CARD] === R.CARD_ABSENT) m.set(base + R.PENDING_ADD, issuer);
  else completeHotAdd(m, s, issuer);
}
