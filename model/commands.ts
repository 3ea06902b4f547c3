import type { LparId, SlotId } from './ids.ts';

// Every input the machine can take, as one closed union. Control commands keep the JSON shape of
// Fig. 3 / DESIGN.md §5; the rest are the steps the control program, guests, card and clustering
// programs take, the environment, and the faults of the catalogue.

/** Fig. 3: the control commands a guest sends to the control program's command routine [124]. */
export type ControlCommand =
  | { readonly kind: 'deact'; readonly issuer: LparId; readonly target: LparId }
  | { readonly kind: 'act'; readonly issuer: LparId; readonly target: LparId }
  | { readonly kind: 'rem_pci'; readonly issuer: LparId; readonly target: LparId; readonly slot: SlotId }
  | { readonly kind: 'add_pci'; readonly issuer: LparId; readonly from: LparId; readonly slot: SlotId };

/** Steps of the protocol itself. */
export type ProtocolStep =
  | { readonly kind: 'guest_sci'; readonly lpar: LparId } //                        505–506, 604–605
  | { readonly kind: 'guest_configure'; readonly lpar: LparId; readonly slot: SlotId } // 507
  | { readonly kind: 'guest_mount'; readonly lpar: LparId; readonly slot: SlotId } //     508
  | { readonly kind: 'guest_unmount'; readonly lpar: LparId; readonly slot: SlotId } //   606
  | { readonly kind: 'guest_shutdown'; readonly lpar: LparId } //                       1108
  | { readonly kind: 'cluster_step'; readonly lpar: LparId } //                         1100–1105
  | { readonly kind: 'device_dma'; readonly slot: SlotId }
  | { readonly kind: 'gk_flush'; readonly slot: SlotId }
  | { readonly kind: 'rom_sci'; readonly slot: SlotId }; //                            Fig. 14, 15, 17

/** The world around the machine: time, clients, the system manager, recoveries from faults. */
export type EnvironmentStep =
  | { readonly kind: 'tick' }
  | { readonly kind: 'client_write'; readonly lpar: LparId }
  | { readonly kind: 'card_insert'; readonly slot: SlotId } // 502
  | { readonly kind: 'resume'; readonly lpar: LparId }
  | { readonly kind: 'hb_restore'; readonly lpar: LparId }
  | { readonly kind: 'gpe_enable'; readonly lpar: LparId }
  | { readonly kind: 'cluster_restart'; readonly lpar: LparId };

/** Faults of DESIGN.md §4 that the model expresses as inputs (the others emerge from interleavings). */
export type FaultCommand =
  | { readonly kind: 'os_crash'; readonly lpar: LparId } //        FLT-01, FLT-18
  | { readonly kind: 'service_fail'; readonly lpar: LparId } //    FLT-02
  | { readonly kind: 'pause'; readonly lpar: LparId } //           FLT-03
  | { readonly kind: 'hb_loss'; readonly lpar: LparId } //         FLT-04
  | { readonly kind: 'device_error'; readonly slot: SlotId } //    FLT-05
  | { readonly kind: 'card_pull'; readonly slot: SlotId } //       FLT-06
  | { readonly kind: 'gpe_disable'; readonly lpar: LparId } //     FLT-07
  | { readonly kind: 'spurious_sci'; readonly lpar: LparId } //    FLT-08
  | { readonly kind: 'cluster_die'; readonly lpar: LparId } //     FLT-09
  | { readonly kind: 'stale_eject_ack'; readonly lpar: LparId; readonly slot: SlotId } // FLT-12
  | { readonly kind: 'stray_mmio'; readonly lpar: LparId; readonly slot: SlotId } //      FLT-13
  | { readonly kind: 'stray_dma'; readonly slot: SlotId; readonly window: LparId } //     FLT-14
  | { readonly kind: 'deact_ineffective'; readonly lpar: LparId } // FLT-15
  | { readonly kind: 'os_reboot'; readonly lpar: LparId }; //        FLT-16

export type Command = ControlCommand | ProtocolStep | EnvironmentStep | FaultCommand;
export type CommandKind = Command['kind'];

export type CommandCategory = 'control' | 'protocol' | 'environment' | 'fault';

const CATEGORY: Record<CommandKind, CommandCategory> = {
  deact: 'control', act: 'control', rem_pci: 'control', add_pci: 'control',
  guest_sci: 'protocol', guest_configure: 'protocol', guest_mount: 'protocol', guest_unmount: 'protocol',
  guest_shutdown: 'protocol', cluster_step: 'protocol', device_dma: 'protocol', gk_flush: 'protocol', rom_sci: 'protocol',
  tick: 'environment', client_write: 'environment', card_insert: 'environment', resume: 'environment',
  hb_restore: 'environment', gpe_enable: 'environment', cluster_restart: 'environment',
  os_crash: 'fault', service_fail: 'fault', pause: 'fault', hb_loss: 'fault', device_error: 'fault',
  card_pull: 'fault', gpe_disable: 'fault', spurious_sci: 'fault', cluster_die: 'fault', stale_eject_ack: 'fault',
  stray_mmio: 'fault', stray_dma: 'fault', deact_ineffective: 'fault', os_reboot: 'fault',
};

export const COMMAND_KINDS = Object.keys(CATEGORY) as CommandKind[];

export function categoryOf(kind: CommandKind): CommandCategory {
  return CATEGORY[kind];
}

/**
 * A control command issued directly (not by a clustering script) and every fault draw on the
 * run's fault budget: they are the perturbations (FLT-09, FLT-10 and the rest).
 */
export function isPerturbation(kind: CommandKind): boolean {
  const category = CATEGORY[kind];
  return category === 'fault' || category === 'control';
}

/** Which catalogue fault a fault command injects. */
export const FAULT_IDS: Partial<Record<CommandKind, string>> = {
  os_crash: 'FLT-01', service_fail: 'FLT-02', pause: 'FLT-03', hb_loss: 'FLT-04', device_error: 'FLT-05',
  card_pull: 'FLT-06', gpe_disable: 'FLT-07', spurious_sci: 'FLT-08', cluster_die: 'FLT-09',
  deact: 'FLT-09/FLT-10', act: 'FLT-09/FLT-10', rem_pci: 'FLT-09/FLT-10', add_pci: 'FLT-09/FLT-10',
  stale_eject_ack: 'FLT-12', stray_mmio: 'FLT-13', stray_dma: 'FLT-14', deact_ineffective: 'FLT-15', os_reboot: 'FLT-16',
};

export type ArgumentField = 'issuer' | 'target' | 'from' | 'lpar' | 'slot' | 'window';

/** The arguments each kind carries, in the order traces print them. */
export const COMMAND_FIELDS: Record<CommandKind, readonly ArgumentField[]> = {
  deact: ['issuer', 'target'], act: ['issuer', 'target'], rem_pci: ['issuer', 'target', 'slot'], add_pci: ['issuer', 'from', 'slot'],
  guest_sci: ['lpar'], guest_configure: ['lpar', 'slot'], guest_mount: ['lpar', 'slot'], guest_unmount: ['lpar', 'slot'],
  guest_shutdown: ['lpar'], cluster_step: ['lpar'], device_dma: ['slot'], gk_flush: ['slot'], rom_sci: ['slot'],
  tick: [], client_write: ['lpar'], card_insert: ['slot'], resume: ['lpar'], hb_restore: ['lpar'], gpe_enable: ['lpar'],
  cluster_restart: ['lpar'],
  os_crash: ['lpar'], service_fail: ['lpar'], pause: ['lpar'], hb_loss: ['lpar'], device_error: ['slot'], card_pull: ['slot'],
  gpe_disable: ['lpar'], spurious_sci: ['lpar'], cluster_die: ['lpar'], stale_eject_ack: ['lpar', 'slot'],
  stray_mmio: ['lpar', 'slot'], stray_dma: ['slot', 'window'], deact_ineffective: ['lpar'], os_reboot: ['lpar'],
};
