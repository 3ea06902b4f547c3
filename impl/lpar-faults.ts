import { OS_CRASHED, OS_RUNNING, ROLE_STANDBY, ROLE_TAKEOVER, SERVICE_FAILED, SERVICE_RUNNING, SERVICE_STOPPED } from './codes.ts';
import { SERVICE_SLOT, writeEjectAck } from './guest-driver.ts';
import type { Machine } from './machine.ts';
import { boot } from './power.ts';
import { notEnabled, type Refusal } from '../model/handler.ts';
import { outboundAccess } from './selector.ts';

// Faults that strike one LPAR (FLT-01…FLT-16) and the environment's ways back from them.

export type LparFaultKind =
  | 'os_crash' | 'service_fail' | 'pause' | 'hb_loss' | 'gpe_disable' | 'spurious_sci' | 'cluster_die' | 'deact_ineffective' | 'os_reboot'
  | 'resume' | 'hb_restore' | 'gpe_enable' | 'cluster_restart';

/** Whether the fault (or recovery) can strike the LPAR now; the message says why not. */
function applicable(m: Machine, kind: LparFaultKind, lpar: number): string | null {
  const g = m.guests[lpar]!;
  const c = m.cluster[lpar]!;
  const running = g.os === OS_RUNNING;
  switch (kind) {
    case 'os_crash': return running ? null : 'has no running OS to crash';
    case 'service_fail': return running && g.service === SERVICE_RUNNING ? null : 'runs no service';
    case 'pause': return g.up ? null : 'is not running';
    case 'hb_loss': return c.heartbeatLinkUp ? null : 'already loses its heartbeats';
    case 'gpe_disable': return running && m.acpi[lpar]!.enabled ? null : 'has no enabled GPE to disable';
    case 'spurious_sci': return g.poweredOn ? null : 'is powered off';
    case 'cluster_die': return running && c.alive ? null : 'has no clustering program running';
    case 'deact_ineffective': return g.poweredOn && m.deactFails[lpar] === 0 ? null : 'is off or already armed';
    case 'os_reboot': return g.poweredOn ? null : 'is powered off';
    case 'resume': return g.paused ? null : 'is not paused';
    case 'hb_restore': return c.heartbeatLinkUp ? 'has its heartbeat link up' : null;
    case 'gpe_enable': return running && !m.acpi[lpar]!.enabled ? null : 'has no disabled GPE to enable';
    case 'cluster_restart': return running && !c.alive ? null : 'has no dead clustering program to restart';
  }
}

export function lparFaultRefusal(m: Machine, kind: LparFaultKind, lpar: number): Refusal | null {
  const why = applicable(m, kind, lpar);
  return why === null ? null : notEnabled(`LPAR${lpar} ${why}`);
}

export function runLparFault(m: Machine, kind: LparFaultKind, lpar: number): void {
  const g = m.guests[lpar]!;
  const c = m.cluster[lpar]!;
  switch (kind) {
    case 'os_crash': // FLT-01 / FLT-18: the service and the clustering program die with the OS
      g.os = OS_CRASHED;
      g.paused = false;
      g.service = SERVICE_STOPPED;
      c.alive = false;
      return;
    case 'service_fail': g.service = SERVICE_FAILED; return; // FLT-02
    case 'pause': g.paused = true; return; // FLT-03
    case 'hb_loss': c.heartbeatLinkUp = false; return; // FLT-04
    case 'gpe_disable': m.acpi[lpar]!.setEnabled(false); return; // FLT-07
    case 'spurious_sci': m.acpi[lpar]!.setStatusSpuriously(); return; // FLT-08
    case 'cluster_die': c.alive = false; return; // FLT-09
    case 'deact_ineffective': m.deactFails[lpar] = 1; return; // FLT-15
    case 'os_reboot': boot(m, lpar, 'reset'); return; // FLT-16
    case 'resume': g.paused = false; return;
    case 'hb_restore': c.heartbeatLinkUp = true; return;
    case 'gpe_enable': m.acpi[lpar]!.setEnabled(true); return; // the SCI is a level: a latched status asserts it now
    case 'cluster_restart':
      // A journaled script resumes; otherwise it is forgotten and an LPAR caught mid-takeover is a standby again.
      if (!m.design.scriptSurvivesRestart) c.dropScript();
      c.alive = true;
      c.silentTicks = 0;
      c.peerServiceFailed = false;
      if (!c.hasScript && c.role === ROLE_TAKEOVER) c.role = ROLE_STANDBY;
  }
}

export function strayMmioRefusal(m: Machine, lpar: number, slot: number): Refusal | null {
  if (!m.guests[lpar]!.up) return notEnabled(`LPAR${lpar} is not running`);
  if (m.enabledOwner(slot) === lpar) return notEnabled(`LPAR${lpar} owns slot ${slot}; its accesses are not stray`);
  return null;
}

/** FLT-13: a non-owner writes the card's doorbell. If the selector lets it through, the disk's data is garbled. */
export function runStrayMmio(m: Machine, lpar: number, slot: number): void {
  if (outboundAccess(m, lpar, slot, 'mmio') !== 'completed' || slot !== SERVICE_SLOT) return;
  m.disk.garble();
  m.observe({ kind: 'disk-write', writeId: m.disk.writeId, writer: lpar });
}

export function staleEjectAckRefusal(m: Machine, lpar: number, slot: number): Refusal | null {
  if (m.design.ejectAck !== 'required') return notEnabled('this design has no eject-acknowledge register');
  if (!m.guests[lpar]!.up) return notEnabled(`LPAR${lpar} is not running`);
  if (m.ejectAckAwaited[slot] === lpar) return notEnabled(`slot ${slot} does wait for LPAR${lpar}; its acknowledge is not stale`);
  return null;
}

/** FLT-12: an eject acknowledge the slot is not waiting for; the control program's trap ignores it. */
export function runStaleEjectAck(m: Machine, lpar: number, slot: number): void {
  writeEjectAck(m, lpar, slot);
}
