import type { Command, CommandKind } from '../model/index.ts';
import {
  dmaRefusal, errorRefusal, failCard, flushRefusal, insertCard, insertRefusal, performDma, performFlush, performRomSci, performStrayDma,
  pullCard, pullRefusal, romSciRefusal, strayDmaRefusal,
} from './card-io.ts';
import { clusterStepRefusal, runClusterStep } from './cluster-script.ts';
import { controlRefusal, executeControl } from './control-routine.ts';
import { runSciHandler, sciRefusal } from './guest-acpi.ts';
import {
  clientWriteRefusal, runClientWrite, runShutdown, runStage, runUnmount, shutdownRefusal, stageRefusal, unmountRefusal,
} from './guest-driver.ts';
import { heartbeatTick } from './heartbeat.ts';
import {
  lparFaultRefusal, runLparFault, runStaleEjectAck, runStrayMmio, staleEjectAckRefusal, strayMmioRefusal, type LparFaultKind,
} from './lpar-faults.ts';
import type { Machine } from './machine.ts';
import type { Refusal } from '../model/handler.ts';

/** How the emulator takes one kind of command: check first (nothing changes on refusal), then run. */
interface CommandRoute<C> {
  refusal(m: Machine, c: C): Refusal | null;
  run(m: Machine, c: C): void;
}

type Of<K extends CommandKind> = Extract<Command, { kind: K }>;
type RouteTable = { readonly [K in CommandKind]: CommandRoute<Of<K>> };

function lparFault(kind: LparFaultKind): CommandRoute<{ readonly lpar: number }> {
  return { refusal: (m, c) => lparFaultRefusal(m, kind, c.lpar), run: (m, c) => runLparFault(m, kind, c.lpar) };
}

const control: CommandRoute<Of<'deact' | 'act' | 'rem_pci' | 'add_pci'>> = { refusal: controlRefusal, run: executeControl };

/** Every command kind's route; the mapped type makes a missing kind a compile error. */
export const ROUTES: RouteTable = {
  deact: control, act: control, rem_pci: control, add_pci: control,
  guest_sci: { refusal: (m, c) => sciRefusal(m, c.lpar), run: (m, c) => runSciHandler(m, c.lpar) },
  guest_configure: { refusal: (m, c) => stageRefusal(m, c.lpar, c.slot, c.kind), run: (m, c) => runStage(m, c.lpar, c.slot, c.kind) },
  guest_mount: { refusal: (m, c) => stageRefusal(m, c.lpar, c.slot, c.kind), run: (m, c) => runStage(m, c.lpar, c.slot, c.kind) },
  guest_unmount: { refusal: (m, c) => unmountRefusal(m, c.lpar, c.slot), run: (m, c) => runUnmount(m, c.lpar, c.slot) },
  guest_shutdown: { refusal: (m, c) => shutdownRefusal(m, c.lpar), run: (m, c) => runShutdown(m, c.lpar) },
  cluster_step: { refusal: (m, c) => clusterStepRefusal(m, c.lpar), run: (m, c) => runClusterStep(m, c.lpar) },
  device_dma: { refusal: (m, c) => dmaRefusal(m, c.slot), run: (m, c) => performDma(m, c.slot) },
  gk_flush: { refusal: (m, c) => flushRefusal(m, c.slot), run: (m, c) => performFlush(m, c.slot) },
  rom_sci: { refusal: (m, c) => romSciRefusal(m, c.slot), run: (m, c) => performRomSci(m, c.slot) },
  tick: { refusal: () => null, run: heartbeatTick },
  client_write: { refusal: (m, c) => clientWriteRefusal(m, c.lpar), run: (m, c) => runClientWrite(m, c.lpar) },
  card_insert: { refusal: (m, c) => insertRefusal(m, c.slot), run: (m, c) => insertCard(m, c.slot) },
  resume: lparFault('resume'),
  hb_restore: lparFault('hb_restore'),
  gpe_enable: lparFault('gpe_enable'),
  cluster_restart: lparFault('cluster_restart'),
  os_crash: lparFault('os_crash'),
  service_fail: lparFault('service_fail'),
  pause: lparFault('pause'),
  hb_loss: lparFault('hb_loss'),
  device_error: { refusal: (m, c) => errorRefusal(m, c.slot), run: (m, c) => failCard(m, c.slot) },
  card_pull: { refusal: (m, c) => pullRefusal(m, c.slot), run: (m, c) => pullCard(m, c.slot) },
  gpe_disable: lparFault('gpe_disable'),
  spurious_sci: lparFault('spurious_sci'),
  cluster_die: lparFault('cluster_die'),
  stale_eject_ack: { refusal: (m, c) => staleEjectAckRefusal(m, c.lpar, c.slot), run: (m, c) => runStaleEjectAck(m, c.lpar, c.slot) },
  stray_mmio: { refusal: (m, c) => strayMmioRefusal(m, c.lpar, c.slot), run: (m, c) => runStrayMmio(m, c.lpar, c.slot) },
  stray_dma: { refusal: (m, c) => strayDmaRefusal(m, c.slot, c.window), run: (m, c) => performStrayDma(m, c.slot, c.window) },
  deact_ineffective: lparFault('deact_ineffective'),
  os_reboot: lparFault('os_reboot'),
};
