import type { ControlCommand } from '../commands.ts';
import { addPciToOwner, type Design } from '../design.ts';
import type { Refusal } from '../handler.ts';
import type { LparId } from '../ids.ts';
import { bit, hasBit, isUp, lparAt } from '../queries.ts';
import type { ModelState } from '../state.ts';
import { scriptSubjectMask } from './script-subjects.ts';

/** The LPAR a control command acts against: its target, or for add_pci the LPAR it takes from. */
export function subjectOf(command: ControlCommand): LparId {
  return command.kind === 'add_pci' ? command.from : command.target;
}

/**
 * Checks every control command passes before its own: the issuer must be able to send it
 * (Fig. 2, path 113) and, under `takeover-only`, must be running a fail-over against the subject
 * (its victim; a step of the script itself, under `failoverVictims: slot-holders`, any LPAR it fences).
 */
export function controlGuard(state: ModelState, design: Design, command: ControlCommand, viaScript = false): Refusal | null {
  const issuer = lparAt(state, command.issuer);
  if (!isUp(issuer)) {
    return { code: 'issuer-not-running', message: `LPAR${command.issuer} cannot issue ${command.kind}: its OS is ${issuer.paused ? 'paused' : issuer.os}` };
  }
  if (design.authorization !== 'any') {
    const script = issuer.cluster.script;
    // A script's own step may command every LPAR it fences; a command issued directly, only its victim.
    // Under `addPciToOwner: reenable` a script may also add back a slot allocated to itself.
    const own = viaScript && command.kind === 'add_pci' && command.from === command.issuer && addPciToOwner(design) === 'reenable' ? bit(command.issuer) : 0;
    const allowed = script === null ? 0 : viaScript ? scriptSubjectMask(state, design, script, command.issuer) | own : bit(script.victim);
    if (!hasBit(allowed, subjectOf(command))) {
      return { code: 'unauthorized', message: `LPAR${command.issuer} may issue ${command.kind} against LPAR${subjectOf(command)} only during a fail-over it started against that LPAR` };
    }
  }
  if (design.authorization === 'takeover-fenced') return fencingOrderProblem(state, command);
  return null;
}

/** `takeover-fenced`: the control program refuses to power an LPAR on into a slot it still owns. */
function fencingOrderProblem(state: ModelState, command: ControlCommand): Refusal | null {
  if (command.kind === 'act') {
    const owned = state.slots.findIndex((s) => s.enabled && s.owner === command.target);
    if (owned >= 0) return { code: 'unauthorized', message: `LPAR${command.target} still owns the enabled slot ${owned}; remove it before act` };
  }
  return null;
}
