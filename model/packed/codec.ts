import type { Config } from '../config.ts';
import type { LparId } from '../ids.ts';
import type { GpeState, LparState, ModelState, SlotState } from '../state.ts';
import type { DesignCode } from './design-code.ts';
import type { Layout } from './layout.ts';
import * as R from './registers.ts';

// ModelState ↔ registers ↔ packed words. Decoding builds a fresh ModelState (for reports,
// traces and the agreement tests); encoding refuses a state the layout cannot hold (a value out
// of its bits, or a field the design never sets), naming the register, rather than pack it wrong.

const nullable = (v: number | null) => (v === null ? R.NONE : v);
const orNull = (v: number): LparId | null => (v === R.NONE ? null : (v as LparId));
const flag = (v: boolean) => (v ? 1 : 0);

export function cpuCode(percent: number, d: DesignCode): number {
  if (percent === 0) return R.CPU_OFF;
  if (percent === d.cpuPercent[R.CPU_STANDBY]) return d.cpuStandbyCode;
  if (percent === d.cpuPercent[R.CPU_ACTIVE]) return d.cpuActiveCode;
  throw new RangeError(`cpuPercent ${percent} is none of 0, the design's standby and active rates`);
}

function writeLpar(regs: Int32Array, base: number, l: LparState, d: DesignCode): void {
  regs[base + R.OS] = R.codeOf(R.OS_STATES, l.os, 'os');
  regs[base + R.PAUSED] = flag(l.paused);
  regs[base + R.ROLE] = R.codeOf(R.ROLES, l.role, 'role');
  regs[base + R.SERVICE] = R.codeOf(R.SERVICE_STATES, l.service, 'service');
  l.devices.forEach((device, s) => { regs[base + R.DEV + s] = R.codeOf(R.GUEST_DEVICES, device, 'device'); });
  regs[base + R.GPE_STATUS] = flag(l.gpe.status);
  regs[base + R.GPE_ENABLED] = flag(l.gpe.enabled);
  regs[base + R.GPE_INSERT] = l.gpe.insertMask;
  regs[base + R.GPE_EJECT] = l.gpe.ejectMask;
  regs[base + R.ALIVE] = flag(l.cluster.alive);
  regs[base + R.SILENCE] = l.cluster.silenceTicks;
  regs[base + R.PEER_FAILED] = flag(l.cluster.peerServiceFailed);
  const script = l.cluster.script;
  regs[base + R.SCRIPT_VICTIM] = script === null ? R.NONE : script.victim;
  regs[base + R.SCRIPT_STEP] = script?.step ?? 0;
  regs[base + R.SCRIPT_MASK] = script?.slotMask ?? 0;
  regs[base + R.SCRIPT_FALSE_POSITIVE] = flag(script?.falsePositive ?? false);
  regs[base + R.HB_LINK_UP] = flag(l.heartbeatLinkUp);
  regs[base + R.SHUTDOWN_REQUESTED] = flag(l.shutdownRequested);
  regs[base + R.DEACT_INEFFECTIVE] = flag(l.deactIneffective);
  regs[base + R.CPU] = cpuCode(l.cpuPercent, d);
  regs[base + R.DETECTED_FAILED] = flag(l.detectedFailed);
  regs[base + R.GPE_SCI_EDGE] = flag(l.gpe.sciEdge === true);
  regs[base + R.CLUSTER_STEPS] = l.cluster.stepsThisTick ?? 0;
}

function writeSlot(regs: Int32Array, base: number, s: SlotState): void {
  regs[base + R.CARD] = R.codeOf(R.CARD_STATES, s.card, 'card');
  regs[base + R.OWNER] = nullable(s.owner);
  regs[base + R.ENABLED] = flag(s.enabled);
  regs[base + R.GATE_KEEPER] = nullable(s.gateKeeper);
  regs[base + R.GATE_KEEPER_STALE] = nullable(s.gateKeeperStale);
  regs[base + R.PENDING_ADD] = nullable(s.pendingAdd);
  regs[base + R.ROM_TARGET] = s.romSci === null ? R.NONE : s.romSci.target;
  regs[base + R.ROM_EVENT] = s.romSci === null ? 0 : R.codeOf(R.HOTPLUG_EVENTS, s.romSci.event, 'romSci.event');
  regs[base + R.IO_ISSUER] = s.io === null ? R.NONE : s.io.issuer;
  regs[base + R.IO_WRITE] = s.io?.writeId ?? 0;
  regs[base + R.IO_STALE] = flag(s.io?.stale ?? false);
  regs[base + R.EJECT_AWAITING_ACK] = nullable(s.ejectAwaitingAck);
}

/** Registers of a model state (the configuration's LPARs and slots; the rest left at default). */
export function toRegisters(state: ModelState, d: DesignCode, layout: Layout, regs: Int32Array): void {
  for (let i = 0; i < regs.length; i += 1) regs[i] = -layout.bias[i]!;
  regs[R.DISK_WRITE] = state.disk.writeId;
  regs[R.DISK_INTACT] = flag(state.disk.intact);
  regs[R.SERVICE_OWNER] = state.serviceOwner;
  regs[R.PREV_OWNER] = nullable(state.previousServiceOwner);
  regs[R.WRITES_ISSUED] = state.writesIssued;
  regs[R.ACKED_WRITE] = state.ackedWriteId;
  regs[R.FAULTS_USED] = state.faultsUsed;
  state.lpars.forEach((l, i) => writeLpar(regs, R.lparBase(i), l, d));
  state.slots.forEach((s, i) => writeSlot(regs, R.slotBase(i), s));
}

/** Pack registers into words; throws if a register does not fit its field. */
export function pack(regs: Int32Array, layout: Layout, out: Int32Array): void {
  for (let reg = 0; reg < regs.length; reg += 1) {
    const stored = regs[reg]! + layout.bias[reg]!;
    const mask = layout.mask[reg]!;
    if (stored < 0 || (stored & ~mask) !== 0) {
      throw new RangeError(`register ${reg} holds ${regs[reg]}, which its ${mask === 0 ? 'zero-bit (unused by this design)' : `${32 - Math.clz32(mask)}-bit`} field cannot hold`);
    }
  }
  packFields(regs, layout, out);
}

/**
 * Pack registers known to fit their fields (a renamed copy of a packed state, say) without
 * checking them: only the layout's fields are read, zero-bit registers not at all.
 */
export function packFields(regs: Int32Array, layout: Layout, out: Int32Array): void {
  const { unpack } = layout;
  out.fill(0);
  for (let k = 0; k < unpack.length; k += 5) {
    const word = unpack[k + 1]!;
    out[word] = out[word]! | (((regs[unpack[k]!]! + unpack[k + 4]!) & unpack[k + 3]!) << unpack[k + 2]!);
  }
}

const gpeOf = (regs: Int32Array, base: number): GpeState => ({
  status: regs[base + R.GPE_STATUS] === 1,
  enabled: regs[base + R.GPE_ENABLED] === 1,
  insertMask: regs[base + R.GPE_INSERT]!,
  ejectMask: regs[base + R.GPE_EJECT]!,
  ...(regs[base + R.GPE_SCI_EDGE] === 1 ? { sciEdge: true as const } : {}),
});

function readLpar(regs: Int32Array, base: number, config: Config, d: DesignCode): LparState {
  const victim = regs[base + R.SCRIPT_VICTIM]!;
  return {
    os: R.OS_STATES[regs[base + R.OS]!]!,
    paused: regs[base + R.PAUSED] === 1,
    role: R.ROLES[regs[base + R.ROLE]!]!,
    service: R.SERVICE_STATES[regs[base + R.SERVICE]!]!,
    devices: Array.from({ length: config.slotCount }, (_, s) => R.GUEST_DEVICES[regs[base + R.DEV + s]!]!),
    gpe: gpeOf(regs, base),
    cluster: {
      alive: regs[base + R.ALIVE] === 1,
      silenceTicks: regs[base + R.SILENCE]!,
      peerServiceFailed: regs[base + R.PEER_FAILED] === 1,
      script: victim === R.NONE ? null : {
        victim: victim as LparId,
        step: regs[base + R.SCRIPT_STEP]!,
        slotMask: regs[base + R.SCRIPT_MASK]!,
        falsePositive: regs[base + R.SCRIPT_FALSE_POSITIVE] === 1,
      },
      ...(regs[base + R.CLUSTER_STEPS]! > 0 ? { stepsThisTick: regs[base + R.CLUSTER_STEPS]! } : {}),
    },
    heartbeatLinkUp: regs[base + R.HB_LINK_UP] === 1,
    shutdownRequested: regs[base + R.SHUTDOWN_REQUESTED] === 1,
    deactIneffective: regs[base + R.DEACT_INEFFECTIVE] === 1,
    cpuPercent: d.cpuPercent[regs[base + R.CPU]!]!,
    detectedFailed: regs[base + R.DETECTED_FAILED] === 1,
  };
}

function readSlot(regs: Int32Array, base: number): SlotState {
  const rom = regs[base + R.ROM_TARGET]!;
  const io = regs[base + R.IO_ISSUER]!;
  return {
    card: R.CARD_STATES[regs[base + R.CARD]!]!,
    owner: orNull(regs[base + R.OWNER]!),
    enabled: regs[base + R.ENABLED] === 1,
    gateKeeper: orNull(regs[base + R.GATE_KEEPER]!),
    gateKeeperStale: orNull(regs[base + R.GATE_KEEPER_STALE]!),
    pendingAdd: orNull(regs[base + R.PENDING_ADD]!),
    romSci: rom === R.NONE ? null : { target: rom as LparId, event: R.HOTPLUG_EVENTS[regs[base + R.ROM_EVENT]!]! },
    io: io === R.NONE ? null : { issuer: io as LparId, writeId: regs[base + R.IO_WRITE]!, stale: regs[base + R.IO_STALE] === 1 },
    ejectAwaitingAck: orNull(regs[base + R.EJECT_AWAITING_ACK]!),
  };
}

export function fromRegisters(regs: Int32Array, config: Config, d: DesignCode): ModelState {
  return {
    config,
    lpars: Array.from({ length: config.lparCount }, (_, l) => readLpar(regs, R.lparBase(l), config, d)),
    slots: Array.from({ length: config.slotCount }, (_, s) => readSlot(regs, R.slotBase(s))),
    disk: { writeId: regs[R.DISK_WRITE]!, intact: regs[R.DISK_INTACT] === 1 },
    serviceOwner: regs[R.SERVICE_OWNER]! as LparId,
    previousServiceOwner: orNull(regs[R.PREV_OWNER]!),
    writesIssued: regs[R.WRITES_ISSUED]!,
    ackedWriteId: regs[R.ACKED_WRITE]!,
    faultsUsed: regs[R.FAULTS_USED]!,
  };
}
