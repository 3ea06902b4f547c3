import type { EnvironmentStep } from '../commands.ts';
import { commit } from '../commit.ts';
import { notEnabled, refusal, type Handler } from '../handler.ts';
import { isUp, lparAt, selectorAllows, SERVICE_SLOT, slotAt } from '../queries.ts';

type ClientWrite = Extract<EnvironmentStep, { kind: 'client_write' }>;

/**
 * A client sends a write to the service in `lpar`. The service's driver programs the card with an
 * MMIO write (through the selector); the card fetches the data by DMA later (`device_dma`). The
 * write is acknowledged now or once durable, as the design says (open question 7).
 */
export const clientWrite: Handler<ClientWrite> = {
  guard(state, c, design) {
    if (state.writesIssued >= state.config.writeBudget) {
      return refusal('write-budget-spent', `all ${state.config.writeBudget} client writes of this run are spent`);
    }
    const l = lparAt(state, c.lpar);
    if (!isUp(l) || l.service !== 'running') return notEnabled(`LPAR${c.lpar} runs no service to take a client write`);
    const slot = slotAt(state, SERVICE_SLOT);
    if (selectorAllows(state, design, c.lpar, SERVICE_SLOT) && slot.card === 'present' && slot.io !== null) {
      return refusal('device-busy', `the card in slot ${SERVICE_SLOT} still holds write ${slot.io.writeId}`);
    }
    return null;
  },
  apply(state, c, design) {
    const slot = slotAt(state, SERVICE_SLOT);
    const allowed = selectorAllows(state, design, c.lpar, SERVICE_SLOT);
    return commit(state, (draft, emit) => {
      const writeId = state.writesIssued + 1;
      draft.writesIssued = writeId;
      const base = { kind: 'access', lpar: c.lpar, slot: SERVICE_SLOT, access: 'mmio' } as const;
      if (!allowed) return emit({ ...base, result: 'gp-exception' });
      if (slot.card !== 'present') return emit({ ...base, result: 'no-device' });
      emit({ ...base, result: 'completed' });
      draft.slots[SERVICE_SLOT]!.io = { issuer: c.lpar, writeId, stale: false };
      if (design.clientAck === 'before-durable') {
        draft.ackedWriteId = Math.max(draft.ackedWriteId, writeId);
        emit({ kind: 'ack', writeId, lpar: c.lpar });
      }
    });
  },
};
