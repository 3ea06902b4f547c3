import { lparIds, type LparState, type SlotId } from '../../model/index.ts';
import { liveIo, runsServiceWithDevice, selectorAllows, SERVICE_SLOT } from '../../model/queries.ts';
import type { Invariant } from '../catalogue-types.ts';
import { HOLDS, violated } from '../verdict.ts';

/**
 * What INV-06 can say about a victim found unfenced at a service start. A standby with its service
 * stopped that is declared failed was restarted by act (act clears the flag) and declared failed
 * again since, by a later detection: it was fenced once, not since.
 */
function fencedHow(v: LparState): string {
  const restartedThenRedeclared = v.detectedFailed && v.role === 'standby' && v.service !== 'running';
  return restartedThenRedeclared ? 'declared failed again after it was restarted as a standby, and not fenced since' : 'never fenced';
}

export const INV_06: Invariant = {
  id: 'INV-06',
  expect: 'always',
  name: 'fence before takeover: the service starts only once the old active is off (or shut down) and removed',
  coverage: 'model',
  note: 'At every service start the victim must be fenced (powered off or shut down, or restarted by act since it was declared failed, as a standby owning nothing) and no longer own the enabled slot; in every state at most one LPAR runs the service and can reach its disk.',
  state(state, design) {
    const running = lparIds(state.config.lparCount).filter((l) => runsServiceWithDevice(state, design, l));
    return running.length > 1 ? violated(`${running.map((l) => `LPAR${l}`).join(' and ')} both run the service with the disk`) : HOLDS;
  },
  step({ before, result, design }) {
    for (const e of result.effects) {
      if (e.kind !== 'service-start') continue;
      const victim = before.lpars[e.lpar]!.cluster.script?.victim;
      if (victim === undefined) continue;
      const v = before.lpars[victim]!;
      // act clears detectedFailed and needs the LPAR off: a victim restarted since it was declared failed was fenced.
      const restartedClean = !v.detectedFailed && v.role === 'standby' && v.service !== 'running';
      if (v.os !== 'off' && v.os !== 'shutdown' && !restartedClean) {
        return violated(`LPAR${e.lpar} started the service while LPAR${victim} was still ${v.paused ? 'running (paused)' : v.os}, ${fencedHow(v)}`);
      }
      if (selectorAllows(before, design, victim, SERVICE_SLOT)) return violated(`LPAR${e.lpar} started the service while LPAR${victim} could still reach slot ${SERVICE_SLOT}`);
    }
    return HOLDS;
  },
};

export const INV_07: Invariant = {
  id: 'INV-07',
  expect: 'always',
  name: 'every acknowledged write is on the disk, and no fenced LPAR writes after the new active started',
  coverage: 'model',
  note: 'The model keeps the id and integrity of the data last written; the emulator compares real bytes on the disk with the acknowledged values.',
  state(state) {
    const acked = state.ackedWriteId;
    if (acked === 0) return HOLDS;
    if (state.disk.writeId >= acked && state.disk.intact) return HOLDS;
    if (liveIo(state.slots[SERVICE_SLOT]!)?.writeId === acked) return HOLDS; // still on its way (acknowledged before durable)
    if (!state.disk.intact) return violated(`write ${acked} was acknowledged but the disk holds data fetched from the wrong memory window`);
    return violated(`write ${acked} was acknowledged but the disk holds write ${state.disk.writeId}`);
  },
  step({ before, command, result }) {
    for (const e of result.effects) {
      if (e.kind === 'disk-write' && e.writer !== before.serviceOwner) {
        const what = command.kind === 'stray_mmio' ? `a stray write from LPAR${e.writer}` : `LPAR${e.writer}'s write ${e.writeId}`;
        return violated(`${what} landed on the disk while LPAR${before.serviceOwner} owns the service`);
      }
    }
    return HOLDS;
  },
};

export const INV_11: Invariant = {
  id: 'INV-11',
  expect: 'always',
  name: 'an LPAR restarted by act is a standby that owns no slot and runs no service',
  coverage: 'model',
  note: 'Checked right after every accepted act, direct or issued by a fail-over script.',
  step({ command, result, design }) {
    const acted = [
      ...(command.kind === 'act' && result.outcome.kind === 'ok' ? [command.target] : []),
      ...result.effects.flatMap((e) => (e.kind === 'script-command' && e.command.kind === 'act' && e.outcome.kind === 'ok' ? [e.command.target] : [])),
    ];
    for (const target of acted) {
      const l = result.state.lpars[target]!;
      const owned = result.state.slots.findIndex((_, s) => selectorAllows(result.state, design, target, s as SlotId));
      if (owned >= 0) return violated(`LPAR${target} came back by act and can still reach slot ${owned}`);
      if (l.role !== 'standby' || l.service !== 'stopped') return violated(`LPAR${target} came back by act as ${l.role} with its service ${l.service}`);
    }
    return HOLDS;
  },
};

export const INV_12: Invariant = {
  id: 'INV-12',
  expect: 'always',
  name: "CPU allocation rates sum to at most 100%, and the active has the design's active rate",
  coverage: 'model',
  note: 'Rates are those the control program assigns at boot and at each service start.',
  state(state, design) {
    const total = state.lpars.reduce((sum, l) => sum + l.cpuPercent, 0);
    if (total > 100) return violated(`CPU allocation rates sum to ${total}% (${state.lpars.map((l, i) => `LPAR${i} ${l.cpuPercent}%`).join(', ')})`);
    const owner = state.lpars[state.serviceOwner]!;
    if (owner.role === 'active' && owner.service === 'running' && owner.cpuPercent !== design.cpuActivePercent) {
      return violated(`the active LPAR${state.serviceOwner} has ${owner.cpuPercent}% CPU, not the design's ${design.cpuActivePercent}%`);
    }
    return HOLDS;
  },
};
