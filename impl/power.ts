import {
  CARD_PRESENT, DRIVER_CONFIGURED, NONE, OS_OFF, OS_RUNNING, ROLE_ACTIVE, ROLE_STANDBY, ROLE_TAKEOVER, SERVICE_STOPPED,
} from './codes.ts';
import type { Machine } from './machine.ts';
import { outboundAccess } from './selector.ts';

/** Everything the guest held in volatile state: gone at power off and at reset. */
function resetGuest(m: Machine, lpar: number): void {
  const g = m.guests[lpar]!;
  const c = m.cluster[lpar]!;
  g.paused = false;
  g.service = SERVICE_STOPPED;
  g.drivers.fill(0);
  g.shutdownRequested = false;
  m.acpi[lpar]!.reset();
  c.role = ROLE_STANDBY;
  c.alive = false;
  c.silentTicks = 0;
  c.peerServiceFailed = false;
  c.dropScript();
  m.deactFails[lpar] = 0;
}

/** The control program forgets requests that involve the LPAR's running OS. */
function forgetGuestHandshakes(m: Machine, lpar: number, alsoPendingAdds: boolean): void {
  for (let s = 0; s < m.slotCount; s += 1) {
    if (m.ejectAckAwaited[s] === lpar) m.ejectAckAwaited[s] = NONE;
    if (alsoPendingAdds && m.pendingAdd[s] === lpar) m.pendingAdd[s] = NONE;
  }
}

/** `deact` that takes effect: the LPAR's vCPUs stop, its ACPI block is held in reset, its CPU share is 0. */
export function powerOff(m: Machine, lpar: number): void {
  resetGuest(m, lpar);
  m.guests[lpar]!.os = OS_OFF;
  m.cpuPercent[lpar] = 0;
  forgetGuestHandshakes(m, lpar, true);
}

/**
 * Boot the LPAR (`act`, or a reset by FLT-16). The clustering program reloads what the cluster
 * configuration and its journal say: an active LPAR stays active with its service down; one
 * taking over resumes only a journaled script; anyone else is a standby. Boot enumeration probes
 * the slots the firmware lists for it (allocated and enabled) and configures what answers, which
 * is how a hot-plug event lost to a power cycle is reflected (INV-08).
 */
export function boot(m: Machine, lpar: number, cause: 'act' | 'reset'): void {
  const c = m.cluster[lpar]!;
  const role = c.role;
  const journal = { victim: c.scriptVictim, step: c.scriptStep, mask: c.scriptSlotMask, falsePositive: c.scriptFalsePositive };
  resetGuest(m, lpar);
  if (cause === 'reset' && role === ROLE_ACTIVE) c.role = ROLE_ACTIVE;
  if (cause === 'reset' && role === ROLE_TAKEOVER && m.design.scriptSurvivesRestart && journal.victim !== NONE) {
    c.role = ROLE_TAKEOVER;
    c.scriptVictim = journal.victim;
    c.scriptStep = journal.step;
    c.scriptSlotMask = journal.mask;
    c.scriptFalsePositive = journal.falsePositive;
  }
  const g = m.guests[lpar]!;
  g.os = OS_RUNNING;
  c.alive = true;
  m.cpuPercent[lpar] = m.design.cpuStandbyPercent;
  forgetGuestHandshakes(m, lpar, false);
  for (let s = 0; s < m.slotCount; s += 1) {
    const wired = m.design.ports === 'multi' || m.enabledOwner(s) === lpar;
    if (!wired || m.cards[s]!.state !== CARD_PRESENT) continue;
    if (outboundAccess(m, lpar, s, 'config') === 'completed') g.drivers[s] = DRIVER_CONFIGURED;
  }
}
