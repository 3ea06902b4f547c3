import type { ModelState } from '../../model/index.ts';
import * as R from '../../model/packed/registers.ts';

// Biased fault timing (issue 18): a fault is most telling while a flow is half done, so the
// random runs weigh perturbations up in such states. "Half done" is read off the state alone:
// a fail-over script under way (Fig. 9–11 steps 1101–1105), a hot-add or hot-remove not yet
// seen by its guest (Fig. 5 steps 502–508, Fig. 6 steps 603–606), an eject awaiting its
// acknowledge, a card-ROM SCI requested (Fig. 14). Not a failure still undetected (a fault
// then would come before the flow it should interrupt), nor I/O in flight (nearly always).
//
// Two copies of one rule, as the random runs have two engines: on the model state (the
// reference engine) and on the packed registers (the packed engine). mid-flow.test.ts checks
// they agree on every state of an exhaustive exploration.

/**
 * The LPARs taking part in a flow half done, bit per LPAR (0: none is): one running a fail-over
 * script, its victim, one taking over or asked to shut down, one with a hot-plug event pending or
 * a device half configured or ejecting, one an add waits for, a ROM SCI is meant for or an eject
 * awaits. Perturbations come more often then, and half the aimed ones aim at these LPARs.
 */
export function flowLpars(state: ModelState): number {
  let mask = 0;
  state.lpars.forEach((l, i) => {
    const script = l.cluster.script;
    if (script !== null) mask |= (1 << i) | (1 << script.victim);
    if (l.role === 'takeover' || l.shutdownRequested || l.gpe.status || l.gpe.insertMask !== 0 || l.gpe.ejectMask !== 0) mask |= 1 << i;
    if (l.devices.some((d) => d === 'inserting' || d === 'ejecting')) mask |= 1 << i;
  });
  for (const s of state.slots) {
    for (const lpar of [s.pendingAdd, s.romSci?.target ?? null, s.ejectAwaitingAck]) if (lpar !== null) mask |= 1 << lpar;
  }
  return mask;
}

/** `flowLpars` on the packed registers of a state (`b` of a loaded PackedMachine). */
export function flowLparsRegisters(b: Int32Array, lparCount: number, slotCount: number): number {
  let mask = 0;
  for (let l = 0; l < lparCount; l += 1) {
    const at = R.lparBase(l);
    const victim = b[at + R.SCRIPT_VICTIM]!;
    if (victim !== R.NONE) mask |= (1 << l) | (1 << victim);
    if (b[at + R.ROLE] === R.ROLE_TAKEOVER || b[at + R.SHUTDOWN_REQUESTED] !== 0) mask |= 1 << l;
    if (b[at + R.GPE_STATUS] !== 0 || b[at + R.GPE_INSERT] !== 0 || b[at + R.GPE_EJECT] !== 0) mask |= 1 << l;
    for (let s = 0; s < slotCount; s += 1) {
      const device = b[at + R.DEV + s];
      if (device === R.DEV_INSERTING || device === R.DEV_EJECTING) mask |= 1 << l;
    }
  }
  for (let s = 0; s < slotCount; s += 1) {
    const at = R.slotBase(s);
    for (const lpar of [b[at + R.PENDING_ADD]!, b[at + R.ROM_TARGET]!, b[at + R.EJECT_AWAITING_ACK]!]) if (lpar !== R.NONE) mask |= 1 << lpar;
  }
  return mask;
}
