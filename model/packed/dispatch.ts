import { COMMAND_FIELDS, isPerturbation, type Command, type CommandKind } from '../commands.ts';
import type { Config } from '../config.ts';
import { allCommands } from '../enabled-commands.ts';
import { clusterStep } from './cluster.ts';
import * as C from './control.ts';
import * as D from './device.ts';
import * as F from './faults.ts';
import { guestDeviceStep, guestSci, guestShutdown, guestUnmount } from './guest.ts';
import type { PackedMachine } from './machine.ts';
import * as R from './registers.ts';
import { checkControlOracle } from './step-flags.ts';

// Every command of a configuration, in the order of `allCommands` (the order the explorer must
// keep), compiled to a kind code and up to three arguments; `tryCommand` runs one on a machine.

const KIND_CODE = {
  deact: 0, act: 1, rem_pci: 2, add_pci: 3, guest_sci: 4, guest_configure: 5, guest_mount: 6, guest_unmount: 7,
  guest_shutdown: 8, cluster_step: 9, device_dma: 10, gk_flush: 11, rom_sci: 12, tick: 13, client_write: 14,
  card_insert: 15, resume: 16, hb_restore: 17, gpe_enable: 18, cluster_restart: 19, os_crash: 20, service_fail: 21,
  pause: 22, hb_loss: 23, device_error: 24, card_pull: 25, gpe_disable: 26, spurious_sci: 27, cluster_die: 28,
  stale_eject_ack: 29, stray_mmio: 30, stray_dma: 31, deact_ineffective: 32, os_reboot: 33,
} as const satisfies Record<CommandKind, number>;

export interface CommandTable {
  readonly commands: readonly Command[];
  readonly kind: Int32Array;
  readonly arg0: Int32Array;
  readonly arg1: Int32Array;
  readonly arg2: Int32Array;
  /** Faults and directly issued control commands draw on the fault budget. */
  readonly perturbation: Uint8Array;
  /** The indices of the commands that are not perturbations, in order: all a state whose fault budget is spent can take. */
  readonly unperturbed: Int32Array;
}

export function commandTable(config: Config): CommandTable {
  const commands = allCommands(config);
  const n = commands.length;
  const unperturbed = Int32Array.from(commands.flatMap((c, i) => (isPerturbation(c.kind) ? [] : [i])));
  const table = {
    commands, kind: new Int32Array(n), arg0: new Int32Array(n), arg1: new Int32Array(n), arg2: new Int32Array(n), perturbation: new Uint8Array(n), unperturbed,
  };
  const args = [table.arg0, table.arg1, table.arg2];
  commands.forEach((command, i) => {
    table.kind[i] = KIND_CODE[command.kind];
    table.perturbation[i] = isPerturbation(command.kind) ? 1 : 0;
    const fields = command as unknown as Record<string, number>;
    COMMAND_FIELDS[command.kind].forEach((field, k) => { args[k]![i] = fields[field]!; });
  });
  return table;
}

/** A control command issued directly: the routine's guard, INV-10's oracle, the flow. */
function directControl(m: PackedMachine, control: number, issuer: number, subject: number, slot: number): boolean {
  if (!C.controlAllowed(m, control, issuer, subject)) return false;
  switch (control) {
    case C.CONTROL_DEACT:
      if (!C.deactAllowed(m, subject)) return false;
      C.deactApply(m, subject);
      break;
    case C.CONTROL_ACT:
      if (!C.actAllowed(m, subject)) return false;
      C.actApply(m, subject);
      break;
    case C.CONTROL_REM_PCI:
      if (!C.remAllowed(m, subject, slot)) return false;
      C.remApply(m, subject, slot);
      break;
    default:
      if (!C.addAllowed(m, issuer, subject, slot)) return false;
      C.addApply(m, issuer, slot);
  }
  const hotPlug = control === C.CONTROL_ADD_PCI || control === C.CONTROL_REM_PCI;
  checkControlOracle(m, control === C.CONTROL_ACT, control === C.CONTROL_ADD_PCI, hotPlug, issuer, subject);
  return true;
}

/** Run command `i` on the machine if its guard accepts it (true), else write nothing (false). */
function applyCommand(m: PackedMachine, t: CommandTable, i: number): boolean {
  const a = t.arg0[i]!;
  const b = t.arg1[i]!;
  switch (t.kind[i]) {
    case KIND_CODE.deact: return directControl(m, C.CONTROL_DEACT, a, b, 0);
    case KIND_CODE.act: return directControl(m, C.CONTROL_ACT, a, b, 0);
    case KIND_CODE.rem_pci: return directControl(m, C.CONTROL_REM_PCI, a, b, t.arg2[i]!);
    case KIND_CODE.add_pci: return directControl(m, C.CONTROL_ADD_PCI, a, b, t.arg2[i]!);
    case KIND_CODE.guest_sci: return guestSci(m, a);
    case KIND_CODE.guest_configure: return guestDeviceStep(m, a, b, R.DEV_INSERTING, R.DEV_CONFIGURED);
    case KIND_CODE.guest_mount: return guestDeviceStep(m, a, b, R.DEV_CONFIGURED, R.DEV_MOUNTED);
    case KIND_CODE.guest_unmount: return guestUnmount(m, a, b);
    case KIND_CODE.guest_shutdown: return guestShutdown(m, a);
    case KIND_CODE.cluster_step: return clusterStep(m, a);
    case KIND_CODE.device_dma: return D.deviceDma(m, a);
    case KIND_CODE.gk_flush: return D.gkFlush(m, a);
    case KIND_CODE.rom_sci: return D.romSci(m, a);
    case KIND_CODE.tick: return F.tick(m);
    case KIND_CODE.client_write: return D.clientWrite(m, a);
    case KIND_CODE.card_insert: return D.cardInsert(m, a);
    case KIND_CODE.resume: return F.resume(m, a);
    case KIND_CODE.hb_restore: return F.hbRestore(m, a);
    case KIND_CODE.gpe_enable: return F.gpeEnable(m, a);
    case KIND_CODE.cluster_restart: return F.clusterRestart(m, a);
    case KIND_CODE.os_crash: return F.osCrash(m, a);
    case KIND_CODE.service_fail: return F.serviceFail(m, a);
    case KIND_CODE.pause: return F.pause(m, a);
    case KIND_CODE.hb_loss: return F.hbLoss(m, a);
    case KIND_CODE.device_error: return D.deviceError(m, a);
    case KIND_CODE.card_pull: return D.cardPull(m, a);
    case KIND_CODE.gpe_disable: return F.gpeDisable(m, a);
    case KIND_CODE.spurious_sci: return F.spuriousSci(m, a);
    case KIND_CODE.cluster_die: return F.clusterDie(m, a);
    case KIND_CODE.stale_eject_ack: return F.staleEjectAck(m, a, b);
    case KIND_CODE.stray_mmio: return F.strayMmio(m, a, b);
    case KIND_CODE.stray_dma: return D.strayDma(m, a, b);
    case KIND_CODE.deact_ineffective: return F.deactIneffective(m, a);
    case KIND_CODE.os_reboot: return F.osReboot(m, a);
    default: throw new RangeError(`command table entry ${i} has unknown kind code ${t.kind[i]}`);
  }
}

/**
 * `step` of the reference (model/step.ts) for command `i`, on the state loaded in the machine:
 * the fault budget first, then the handler; an accepted perturbation spends one fault.
 */
export function tryCommand(m: PackedMachine, t: CommandTable, i: number): boolean {
  const perturbation = t.perturbation[i] === 1;
  if (perturbation && m.r[R.FAULTS_USED]! >= m.config.faultBudget) return false;
  if (!applyCommand(m, t, i)) return false;
  if (m.d.sciEdge) latchSciEdges(m);
  if (perturbation) m.set(R.FAULTS_USED, m.r[R.FAULTS_USED]! + 1);
  return true;
}

/**
 * model/sci-edge.ts on registers, after an accepted step (`b` before, `r` after): the edge latch
 * set by a rising SCI line (status AND enable), kept while it stays high, gone when it drops.
 */
function latchSciEdges(m: PackedMachine): void {
  const { b, r } = m;
  for (let l = 0; l < m.config.lparCount; l += 1) {
    const base = R.lparBase(l);
    const high = r[base + R.GPE_STATUS] === 1 && r[base + R.GPE_ENABLED] === 1;
    const wasHigh = b[base + R.GPE_STATUS] === 1 && b[base + R.GPE_ENABLED] === 1;
    const edge = high && (r[base + R.GPE_SCI_EDGE] === 1 || !wasHigh) ? 1 : 0;
    if (r[base + R.GPE_SCI_EDGE] !== edge) m.set(base + R.GPE_SCI_EDGE, edge);
  }
}
