import { match } from 'ts-pattern';
import type { Command } from '../commands.ts';
import type { DesignCode } from './design-code.ts';
import * as R from './registers.ts';

// Most commands a state offers are refused (DSN-02 at fault budget 3 tries 29 per state and takes
// 5), and refusing one through the dispatcher and its handler cost two thirds of successor
// generation. Each guard in this folder starts with one register test that refuses most of them;
// that test, read off the handler, is here as data: the generator checks it on the state before
// the step and skips the command without calling anything. It is a necessary condition only; the
// handler still runs the whole guard. prefilter.test.ts shows, on every reachable state of every
// built-in design and on random designs, that every command skipped is one the handler refuses.

/** The register must (equal) or must not (!equal) hold `value` in the state before the step. */
export interface Requirement {
  readonly register: number;
  readonly value: number;
  readonly equal: boolean;
}

/** `never`: the design makes the guard refuse in every state. null: no one-register condition. */
export type Prefilter = Requirement | 'never' | null;

const lpar = (l: number, field: number, value: number, equal = true): Requirement => ({ register: R.lparBase(l) + field, value, equal });
const slot = (s: number, field: number, value: number, equal = true): Requirement => ({ register: R.slotBase(s) + field, value, equal });

/** The first register test of the command's handler (./guest.ts, ./faults.ts, ./device.ts, ./cluster.ts, ./control.ts). */
export function prefilterOf(command: Command, d: DesignCode): Prefilter {
  return match<Command, Prefilter>(command)
    .with({ kind: 'guest_sci' }, (c) => lpar(c.lpar, R.GPE_STATUS, 1))
    .with({ kind: 'guest_configure' }, (c) => lpar(c.lpar, R.DEV + c.slot, R.DEV_INSERTING))
    .with({ kind: 'guest_mount' }, (c) => lpar(c.lpar, R.DEV + c.slot, R.DEV_CONFIGURED))
    .with({ kind: 'guest_unmount' }, (c) => lpar(c.lpar, R.DEV + c.slot, R.DEV_EJECTING))
    .with({ kind: 'guest_shutdown' }, (c) => lpar(c.lpar, R.SHUTDOWN_REQUESTED, 1))
    .with({ kind: 'cluster_step' }, (c) => lpar(c.lpar, R.ALIVE, 1))
    .with({ kind: 'client_write' }, (c) => lpar(c.lpar, R.SERVICE, R.SVC_RUNNING))
    .with({ kind: 'resume' }, (c) => lpar(c.lpar, R.PAUSED, 1))
    .with({ kind: 'hb_restore' }, (c) => lpar(c.lpar, R.HB_LINK_UP, 0))
    .with({ kind: 'gpe_enable' }, (c) => lpar(c.lpar, R.GPE_ENABLED, 0))
    .with({ kind: 'cluster_restart' }, (c) => lpar(c.lpar, R.ALIVE, 0))
    .with({ kind: 'os_crash' }, (c) => lpar(c.lpar, R.OS, R.OS_RUNNING))
    .with({ kind: 'service_fail' }, (c) => lpar(c.lpar, R.SERVICE, R.SVC_RUNNING))
    .with({ kind: 'pause' }, (c) => lpar(c.lpar, R.PAUSED, 0))
    .with({ kind: 'hb_loss' }, (c) => lpar(c.lpar, R.HB_LINK_UP, 1))
    .with({ kind: 'gpe_disable' }, (c) => lpar(c.lpar, R.GPE_ENABLED, 1))
    .with({ kind: 'spurious_sci' }, (c) => lpar(c.lpar, R.OS, R.OS_OFF, false))
    .with({ kind: 'cluster_die' }, (c) => lpar(c.lpar, R.ALIVE, 1))
    .with({ kind: 'deact_ineffective' }, (c) => lpar(c.lpar, R.DEACT_INEFFECTIVE, 0))
    .with({ kind: 'os_reboot' }, (c) => lpar(c.lpar, R.OS, R.OS_OFF, false))
    .with({ kind: 'stale_eject_ack' }, (c) => (d.ejectAckRequired ? lpar(c.lpar, R.OS, R.OS_RUNNING) : 'never'))
    .with({ kind: 'stray_mmio' }, (c) => lpar(c.lpar, R.OS, R.OS_RUNNING))
    .with({ kind: 'device_dma' }, (c) => slot(c.slot, R.IO_ISSUER, R.NONE, false))
    .with({ kind: 'gk_flush' }, (c) => slot(c.slot, R.GATE_KEEPER_STALE, R.NONE, false))
    .with({ kind: 'rom_sci' }, (c) => slot(c.slot, R.ROM_TARGET, R.NONE, false))
    .with({ kind: 'card_insert' }, (c) => slot(c.slot, R.CARD, R.CARD_ABSENT))
    .with({ kind: 'card_pull' }, (c) => slot(c.slot, R.CARD, R.CARD_ABSENT, false))
    .with({ kind: 'device_error' }, (c) => slot(c.slot, R.CARD, R.CARD_ABSENT, false))
    .with({ kind: 'stray_dma' }, (c) => slot(c.slot, R.CARD, R.CARD_ABSENT, false))
    // The command control routine (./control.ts): controlAllowed, then each control's own guard.
    .with({ kind: 'deact' }, (c) => lpar(c.issuer, R.OS, R.OS_RUNNING))
    .with({ kind: 'act' }, (c) => lpar(c.target, R.OS, R.OS_OFF))
    .with({ kind: 'rem_pci' }, (c) => (d.multiPort ? 'never' : slot(c.slot, R.OWNER, c.target)))
    .with({ kind: 'add_pci' }, (c) => (d.multiPort || c.issuer === c.from ? 'never' : slot(c.slot, R.OWNER, c.from)))
    .with({ kind: 'tick' }, () => null)
    .exhaustive();
}
