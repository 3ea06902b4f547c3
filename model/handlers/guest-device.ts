import type { ProtocolStep } from '../commands.ts';
import { commit } from '../commit.ts';
import { notEnabled, type Handler } from '../handler.ts';
import { isUp, lparAt, selectorAllows, slotAt } from '../queries.ts';
import type { GuestDevice } from '../state.ts';

type DeviceStep = Extract<ProtocolStep, { kind: 'guest_configure' | 'guest_mount' }>;

const STAGE = {
  guest_configure: { from: 'inserting', to: 'configured', access: 'config', step: 507 },
  guest_mount: { from: 'configured', to: 'mounted', access: 'mmio', step: 508 },
} as const satisfies Record<DeviceStep['kind'], { from: GuestDevice; to: GuestDevice; access: 'config' | 'mmio'; step: number }>;

/**
 * Step 507 (the ACPI routine configures the device: config-space accesses) and step 508 (the OS
 * mounts the disk: MMIO). Each goes through the selector [117]; a refused access raises a
 * general protection exception and the OS gives the device up.
 */
export const guestDeviceStep: Handler<DeviceStep> = {
  guard(state, c) {
    const l = lparAt(state, c.lpar);
    const from = STAGE[c.kind].from;
    if (!isUp(l)) return notEnabled(`LPAR${c.lpar} is ${l.paused ? 'paused' : l.os}`);
    if (l.devices[c.slot] !== from) return notEnabled(`LPAR${c.lpar} sees slot ${c.slot} as ${l.devices[c.slot]}, not ${from}`);
    return null;
  },
  apply(state, c, design) {
    const stage = STAGE[c.kind];
    return commit(state, (draft, emit) => {
      emit({ kind: 'patent-step', step: stage.step });
      const base = { kind: 'access', lpar: c.lpar, slot: c.slot, access: stage.access } as const;
      const devices = draft.lpars[c.lpar]!.devices;
      if (!selectorAllows(state, design, c.lpar, c.slot)) {
        emit({ ...base, result: 'gp-exception' });
        devices[c.slot] = 'none';
      } else if (slotAt(state, c.slot).card !== 'present') {
        emit({ ...base, result: 'no-device' });
        devices[c.slot] = 'none';
      } else {
        emit({ ...base, result: 'completed' });
        devices[c.slot] = stage.to;
      }
    });
  },
};
