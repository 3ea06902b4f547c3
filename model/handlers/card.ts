import type { EnvironmentStep, FaultCommand } from '../commands.ts';
import { commit } from '../commit.ts';
import { notEnabled, type Handler } from '../handler.ts';
import { deliverSciMutably } from '../mutators/sci.ts';
import { abortIoMutably } from '../mutators/slot-table.ts';
import { lparIds } from '../ids.ts';
import { enabledOwner, selectorAllows, slotAt } from '../queries.ts';
import { completeHotAddMutably } from './add-pci.ts';

type CardInsert = Extract<EnvironmentStep, { kind: 'card_insert' }>;
type CardPull = Extract<FaultCommand, { kind: 'card_pull' }>;
type DeviceError = Extract<FaultCommand, { kind: 'device_error' }>;

/**
 * Step 502: the system manager inserts a card; an add_pci that waited for it goes on to 503.
 * Otherwise it is a physical hot-add, signalled by SCI, as in conventional ACPI hot-plug, to every
 * partition the slot is connected to (its enabled owner; all of them with a multi-port disk).
 */
export const cardInsert: Handler<CardInsert> = {
  guard(state, c) {
    return slotAt(state, c.slot).card !== 'absent' ? notEnabled(`slot ${c.slot} already holds a card`) : null;
  },
  apply(state, c, design) {
    const waiting = slotAt(state, c.slot).pendingAdd;
    return commit(state, (draft, emit) => {
      draft.slots[c.slot]!.card = 'present';
      if (waiting === null) {
        for (const l of lparIds(state.config.lparCount)) if (selectorAllows(state, design, l, c.slot)) deliverSciMutably(draft, design, l, c.slot, 'insert', emit);
        return;
      }
      draft.slots[c.slot]!.pendingAdd = null;
      emit({ kind: 'add-after-insert', slot: c.slot, lpar: waiting });
      completeHotAddMutably(draft, design, c.slot, waiting, emit);
    });
  },
};

/** FLT-06: the card is pulled; whatever it was doing is lost, and the owner hears of the removal. */
export const cardPull: Handler<CardPull> = {
  guard(state, c) {
    return slotAt(state, c.slot).card === 'absent' ? notEnabled(`slot ${c.slot} is already empty`) : null;
  },
  apply(state, c, design) {
    return commit(state, (draft, emit) => {
      abortIoMutably(draft, c.slot, 'card pulled', emit);
      const slot = draft.slots[c.slot]!;
      slot.card = 'absent';
      slot.romSci = null;
      for (const l of lparIds(state.config.lparCount)) if (selectorAllows(state, design, l, c.slot)) deliverSciMutably(draft, design, l, c.slot, 'eject', emit);
    });
  },
};

/**
 * FLT-05: an unrecoverable device error. With the Fig. 17 path the card itself posts an eject in
 * the owner's GPE register and raises an SCI, so the owner's OS hot-removes it.
 */
export const deviceError: Handler<DeviceError> = {
  guard(state, c) {
    return slotAt(state, c.slot).card !== 'present' ? notEnabled(`slot ${c.slot} holds no working card`) : null;
  },
  apply(state, c, design) {
    const owner = enabledOwner(slotAt(state, c.slot));
    return commit(state, (draft, emit) => {
      abortIoMutably(draft, c.slot, 'unrecoverable device error', emit);
      draft.slots[c.slot]!.card = 'failed';
      if (design.deviceErrorHotRemove && owner !== null) deliverSciMutably(draft, design, owner, c.slot, 'eject', emit);
    });
  },
};
