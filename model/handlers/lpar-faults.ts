import type { Draft } from 'immer';
import type { FaultCommand } from '../commands.ts';
import { commit } from '../commit.ts';
import type { LparId } from '../ids.ts';
import { notEnabled, type Handler } from '../handler.ts';
import { bootMutably } from '../mutators/power.ts';
import { isPoweredOn, isUp, lparAt, selectorAllows, SERVICE_SLOT, slotAt } from '../queries.ts';
import type { LparState } from '../state.ts';

type OfKind<K extends FaultCommand['kind']> = Extract<FaultCommand, { kind: K }>;

/** A fault that applies to one LPAR when `when` holds, and sets what `set` sets. */
function lparFault(when: (l: LparState) => boolean, why: string, set: (l: Draft<LparState>) => void): Handler<{ readonly lpar: LparId }> {
  return {
    guard: (state, c) => (when(lparAt(state, c.lpar)) ? null : notEnabled(`LPAR${c.lpar} ${why}`)),
    apply: (state, c) => commit(state, (draft) => set(draft.lpars[c.lpar]!)),
  };
}

/** FLT-01 / FLT-18: the guest OS crashes; its service and clustering program die with it. */
export const osCrash = lparFault((l) => l.os === 'running', 'has no running OS to crash', (l) => {
  l.os = 'crashed';
  l.paused = false;
  l.service = 'stopped';
  l.cluster.alive = false;
});
/** FLT-02: only the service fails; the OS and the clustering program go on (case (b)). */
export const serviceFail = lparFault((l) => l.os === 'running' && l.service === 'running', 'runs no service', (l) => {
  l.service = 'failed';
});
/** FLT-03: the LPAR is slow or paused; it resumes later as a zombie that still believes it is active. */
export const pause = lparFault(isUp, 'is not running', (l) => {
  l.paused = true;
});
/** FLT-04: the LPAR's outgoing heartbeats are lost until the link is restored. */
export const hbLoss = lparFault((l) => l.heartbeatLinkUp, 'already loses its heartbeats', (l) => {
  l.heartbeatLinkUp = false;
});
/** FLT-07: the guest disables its GPE. */
export const gpeDisable = lparFault((l) => l.os === 'running' && l.gpe.enabled, 'has no enabled GPE to disable', (l) => {
  l.gpe.enabled = false;
});
/** FLT-08: an SCI with nothing pending (a duplicate). */
export const spuriousSci = lparFault(isPoweredOn, 'is powered off', (l) => {
  l.gpe.status = true;
});
/** FLT-09: the clustering program dies, possibly mid-script. */
export const clusterDie = lparFault((l) => l.os === 'running' && l.cluster.alive, 'has no clustering program running', (l) => {
  l.cluster.alive = false;
});
/** FLT-15: the next deact of this LPAR reports success but leaves it running. */
export const deactIneffective = lparFault((l) => isPoweredOn(l) && !l.deactIneffective, 'is off or already armed', (l) => {
  l.deactIneffective = true;
});

/** FLT-16: the LPAR resets with hot-plug events pending and boots again. */
export const osReboot: Handler<OfKind<'os_reboot'>> = {
  guard: (state, c) => (isPoweredOn(lparAt(state, c.lpar)) ? null : notEnabled(`LPAR${c.lpar} is powered off`)),
  apply: (state, c, design) => commit(state, (draft, emit) => bootMutably(draft, design, c.lpar, emit, 'reset')),
};

/** FLT-13: an LPAR that is not the slot's enabled owner touches the device's registers. */
export const strayMmio: Handler<OfKind<'stray_mmio'>> = {
  guard(state, c) {
    const slot = slotAt(state, c.slot);
    if (!isUp(lparAt(state, c.lpar))) return notEnabled(`LPAR${c.lpar} is not running`);
    if (slot.enabled && slot.owner === c.lpar) return notEnabled(`LPAR${c.lpar} owns slot ${c.slot}; its accesses are not stray`);
    return null;
  },
  apply(state, c, design) {
    const slot = slotAt(state, c.slot);
    return commit(state, (draft, emit) => {
      const base = { kind: 'access', lpar: c.lpar, slot: c.slot, access: 'mmio' } as const;
      if (!selectorAllows(state, design, c.lpar, c.slot)) return emit({ ...base, result: 'gp-exception' });
      if (slot.card !== 'present') return emit({ ...base, result: 'no-device' });
      emit({ ...base, result: 'completed' });
      if (c.slot === SERVICE_SLOT) {
        // A faulty partition's stray write lands on the shared disk: the prior art's problem.
        draft.disk = { writeId: state.disk.writeId, intact: false };
        emit({ kind: 'disk-write', writeId: state.disk.writeId, writer: c.lpar, intact: false });
      }
    });
  },
};

/** FLT-12: an eject acknowledge from an LPAR the slot is not waiting for; it must be ignored. */
export const staleEjectAck: Handler<OfKind<'stale_eject_ack'>> = {
  guard(state, c, design) {
    if (design.ejectAck !== 'required') return notEnabled('this design has no eject-acknowledge register');
    if (!isUp(lparAt(state, c.lpar))) return notEnabled(`LPAR${c.lpar} is not running`);
    if (slotAt(state, c.slot).ejectAwaitingAck === c.lpar) return notEnabled(`slot ${c.slot} does wait for LPAR${c.lpar}; its ack is not stale`);
    return null;
  },
  apply: (state) => commit(state, () => {}),
};
