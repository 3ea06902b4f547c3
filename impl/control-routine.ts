import { addPciToOwner, type ControlCommand } from '../model/index.ts';
import { CARD_ABSENT, EVENT_EJECT, NONE, OS_OFF } from './codes.ts';
import { completeHotAdd, disableSlot, raiseHotplugSci } from './hot-plug.ts';
import type { Machine } from './machine.ts';
import { boot, powerOff } from './power.ts';
import { refusal, type Refusal } from '../model/handler.ts';
import { scriptSubjectMask } from './script-victims.ts';

// The command control routine [124] of the control program: Fig. 3 commands from a guest,
// checked (issuer, authorization, the command's own conditions) and then executed.

function subjectOf(c: ControlCommand): number {
  return c.kind === 'add_pci' ? c.from : c.target;
}

function issuerRefusal(m: Machine, c: ControlCommand, viaScript: boolean): Refusal | null {
  const issuer = m.guests[c.issuer]!;
  if (!issuer.up) return refusal('issuer-not-running', `LPAR${c.issuer} cannot send ${c.kind}: it is ${issuer.paused ? 'paused' : 'not running'}`);
  const auth = m.design.authorization;
  if (auth === 'any') return null;
  // A script's own step may command every LPAR it fences; a command sent directly, only its victim.
  const cluster = m.cluster[c.issuer]!;
  const own = viaScript && ownSlotReenabled(m, c) ? 1 << c.issuer : 0;
  const allowed = !cluster.hasScript ? 0 : viaScript ? scriptSubjectMask(m, c.issuer) | own : 1 << cluster.scriptVictim;
  if ((allowed & (1 << subjectOf(c))) === 0) {
    return refusal('unauthorized', `LPAR${c.issuer} is not failing over LPAR${subjectOf(c)}, so it may not send ${c.kind} against it`);
  }
  if (auth === 'takeover-fenced' && c.kind === 'act') {
    for (let s = 0; s < m.slotCount; s += 1) {
      if (m.enabledOwner(s) === c.target) return refusal('unauthorized', `LPAR${c.target} still owns the enabled slot ${s}; remove it before act`);
    }
  }
  return null;
}

/** `addPciToOwner: reenable`: a script's add_pci of a removed slot the table still gives its issuer. */
function ownSlotReenabled(m: Machine, c: ControlCommand): boolean {
  return c.kind === 'add_pci' && c.issuer === c.from && addPciToOwner(m.design) === 'reenable' && m.owner[c.slot] === c.issuer && m.enabled[c.slot] === 0;
}

function commandRefusal(m: Machine, c: ControlCommand, viaScript: boolean): Refusal | null {
  switch (c.kind) {
    case 'deact':
      return m.guests[c.target]!.os === OS_OFF ? refusal('already-off', `LPAR${c.target} is already deactivated`) : null;
    case 'act':
      return m.guests[c.target]!.os !== OS_OFF ? refusal('already-on', `LPAR${c.target} is already active`) : null;
    case 'rem_pci':
      if (m.owner[c.slot] !== c.target) return refusal('not-owner', `the table gives slot ${c.slot} to LPAR${m.owner[c.slot]}, not LPAR${c.target}`);
      if (m.enabled[c.slot] === 0) return refusal('already-removed', `slot ${c.slot} has enable flag 0 already (state 401)`);
      return null;
    case 'add_pci':
      if (c.issuer === c.from && !(viaScript && ownSlotReenabled(m, c))) return refusal('same-lpar', `add_pci from LPAR${c.from} to itself`);
      if (m.owner[c.slot] !== c.from) return refusal('not-owner', `the table gives slot ${c.slot} to LPAR${m.owner[c.slot]}, not LPAR${c.from}`);
      if (m.pendingAdd[c.slot] !== NONE) return refusal('add-pending', `slot ${c.slot} waits at step 502 for a card for LPAR${m.pendingAdd[c.slot]}`);
      if (m.ejectAckAwaited[c.slot] !== NONE) return refusal('eject-not-acknowledged', `slot ${c.slot} waits for LPAR${m.ejectAckAwaited[c.slot]}'s eject acknowledge`);
      if (m.enabled[c.slot] === 1 && m.design.addWhileEnabled === 'reject') return refusal('slot-enabled-elsewhere', `slot ${c.slot} is still enabled for LPAR${c.from}`);
      return null;
  }
}

/** Why the command routine refuses `c` now, or null. */
export function controlRefusal(m: Machine, c: ControlCommand, viaScript = false): Refusal | null {
  if (m.design.ports === 'multi' && (c.kind === 'add_pci' || c.kind === 'rem_pci')) {
    return refusal('unsupported', `${c.kind}: the multi-port disk is wired to every partition; there is nothing to hot-plug logically`);
  }
  return issuerRefusal(m, c, viaScript) ?? commandRefusal(m, c, viaScript);
}

/** Execute an accepted control command (its refusal was checked). */
export function executeControl(m: Machine, c: ControlCommand): void {
  switch (c.kind) {
    case 'deact':
      if (m.deactFails[c.target] === 1) m.deactFails[c.target] = 0; // FLT-15: reported done, the LPAR runs on
      else powerOff(m, c.target);
      return;
    case 'act':
      boot(m, c.target, 'act');
      m.failedMask &= ~(1 << c.target);
      return;
    case 'rem_pci':
      m.observe({ kind: 'patent-step', step: 600 });
      disableSlot(m, c.slot);
      m.observe({ kind: 'patent-step', step: 602 });
      if (m.guests[c.target]!.os === OS_OFF) return; // 602: inactive, done
      if (m.design.hotRemoveSci === 'skip') m.acpi[c.target]!.postWithoutSci(c.slot, EVENT_EJECT); // 603 skipped
      else {
        m.observe({ kind: 'patent-step', step: 603 });
        raiseHotplugSci(m, c.target, c.slot, EVENT_EJECT);
      }
      if (m.design.ejectAck === 'required') m.ejectAckAwaited[c.slot] = c.target;
      return;
    case 'add_pci':
      m.observe({ kind: 'patent-step', step: 500 });
      m.observe({ kind: 'patent-step', step: 501 });
      if (m.cards[c.slot]!.state === CARD_ABSENT) {
        m.observe({ kind: 'patent-step', step: 502 });
        m.pendingAdd[c.slot] = c.issuer;
        return;
      }
      completeHotAdd(m, c.slot, c.issuer);
  }
}
