import { COMMAND_FIELDS, countsClusterSteps, sciTrigger, type Command, type Design, type ModelState } from '../model/index.ts';
import type { ArgumentField } from '../model/commands.ts';
import type { ClusterState, DiskState, GpeState, InflightIo, LparState, RomSciRequest, Script, SlotState } from '../model/index.ts';

// The Informal Trace Format (Apalache ADR-015) as Quint writes and reads it (quint/src/itf.ts):
// integers as {"#bigint": "N"}, records as objects, sequences as arrays, sets as {"#set": […]},
// unit as {"#tup": []}, and a nullable field as an Option variant {"tag": "Some", "value": v} or
// {"tag": "None", "value": {"#tup": []}}. Each model field is written by its declared ITF type
// below, never guessed from its value, so a bit-per-slot mask is a set of slots and `#meta.varTypes`
// says what every variable is.

export type ItfValue = boolean | string | ItfValue[] | { readonly [key: string]: ItfValue };

export type ItfType =
  | { readonly kind: 'int' | 'bool' | 'str' | 'slotSet' }
  /** A field the model state leaves out at one value (gpe.sciEdge false, cluster.stepsThisTick 0): written as that value when absent. */
  | { readonly kind: 'omitted'; readonly of: ItfType; readonly absent: boolean | number }
  | { readonly kind: 'seq' | 'option'; readonly of: ItfType }
  | { readonly kind: 'record'; readonly fields: Readonly<Record<string, ItfType>> };

const INT: ItfType = { kind: 'int' };
const BOOL: ItfType = { kind: 'bool' };
const STR: ItfType = { kind: 'str' };
/** A number whose bit i says "slot i": written as the set of those slots. */
const SLOT_SET: ItfType = { kind: 'slotSet' };
const ABSENT_FALSE: ItfType = { kind: 'omitted', of: BOOL, absent: false };
const ABSENT_ZERO: ItfType = { kind: 'omitted', of: INT, absent: 0 };
const seq = (of: ItfType): ItfType => ({ kind: 'seq', of });
const option = (of: ItfType): ItfType => ({ kind: 'option', of });
/** A record type naming every field of T, no more (the compiler checks both ways). */
const record = <T>(fields: { readonly [K in keyof T]-?: ItfType }): ItfType => ({ kind: 'record', fields });

const SCRIPT = record<Script>({ victim: INT, step: INT, slotMask: SLOT_SET, falsePositive: BOOL });
// The step count exists only in designs with `clusterStepsPerTickAtFullCpu`, typed Int in every
// state of their traces; other designs' traces have no such field, as for the edge latch below.
const CLUSTER_FIELDS = { alive: BOOL, silenceTicks: INT, peerServiceFailed: BOOL, script: option(SCRIPT) } as const;
const CLUSTER: Record<'unbounded' | 'counted', ItfType> = {
  unbounded: { kind: 'record', fields: CLUSTER_FIELDS },
  counted: record<ClusterState>({ ...CLUSTER_FIELDS, stepsThisTick: ABSENT_ZERO }),
};
// The edge latch exists only in designs with `sciTrigger: edge`: their traces have it in every
// state, typed Bool; every other design's have no such field (a level design never sets it).
const GPE_LEVEL_FIELDS = { status: BOOL, enabled: BOOL, insertMask: SLOT_SET, ejectMask: SLOT_SET } as const;
const GPE: Record<'level' | 'edge', ItfType> = {
  level: { kind: 'record', fields: GPE_LEVEL_FIELDS },
  edge: record<GpeState>({ ...GPE_LEVEL_FIELDS, sciEdge: ABSENT_FALSE }),
};
const lparType = (gpe: ItfType, cluster: ItfType): ItfType => record<LparState>({
  os: STR, paused: BOOL, role: STR, service: STR, devices: seq(STR), gpe, cluster, heartbeatLinkUp: BOOL,
  shutdownRequested: BOOL, deactIneffective: BOOL, cpuPercent: INT, detectedFailed: BOOL,
});
const SLOT = record<SlotState>({
  card: STR, owner: option(INT), enabled: BOOL, gateKeeper: option(INT), gateKeeperStale: option(INT), pendingAdd: option(INT),
  romSci: option(record<RomSciRequest>({ target: INT, event: STR })), io: option(record<InflightIo>({ issuer: INT, writeId: INT, stale: BOOL })),
  ejectAwaitingAck: option(INT),
});

/** The model state's variables, in the order a trace lists them (its configuration is in the trace's #meta). */
export const TRACE_VARS = ['lpars', 'slots', 'disk', 'serviceOwner', 'previousServiceOwner', 'writesIssued', 'ackedWriteId', 'faultsUsed'] as const;

type StateTypes = { readonly [V in (typeof TRACE_VARS)[number]]: ItfType };
const stateTypes = (gpe: ItfType, cluster: ItfType): StateTypes => ({
  lpars: seq(lparType(gpe, cluster)), slots: seq(SLOT), disk: record<DiskState>({ writeId: INT, intact: BOOL }),
  serviceOwner: INT, previousServiceOwner: option(INT), writesIssued: INT, ackedWriteId: INT, faultsUsed: INT,
});
/** The state's types for a design: with the fields only its design fields give it. */
function stateTypesOf(design: Design): StateTypes {
  return stateTypes(GPE[sciTrigger(design)], CLUSTER[countsClusterSteps(design) ? 'counted' : 'unbounded']);
}

/** Quint's model-based-testing variables: the action that led to a state, and the values it picked. */
export const ACTION_TAKEN = 'mbt::actionTaken';
export const NONDET_PICKS = 'mbt::nondetPicks';
/** Every argument any command takes: each state's picks name them all, as Quint names every `nondet`. */
const PICKED_FIELDS: readonly ArgumentField[] = [...new Set(Object.values(COMMAND_FIELDS).flat())].sort();
const PICKS_TYPE: ItfType = { kind: 'record', fields: Object.fromEntries(PICKED_FIELDS.map((f) => [f, option(INT)])) };

/** The variables of a trace file: the model state's, then Quint's two. */
export const ITF_VARS: readonly string[] = [...TRACE_VARS, ACTION_TAKEN, NONDET_PICKS];

const UNIT: ItfValue = { '#tup': [] };
const NONE: ItfValue = { tag: 'None', value: UNIT };
const bigint = (n: number): ItfValue => ({ '#bigint': String(n) });
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function wrong(path: string, value: unknown, type: ItfType): TypeError {
  return new TypeError(`cannot write ${path} = ${JSON.stringify(value)} in ITF as ${typeText(type)}`);
}

/** A value written as `type` says; throws (naming the field) when the value is not of that type. */
export function encodeItf(type: ItfType, value: unknown, path: string): ItfValue {
  switch (type.kind) {
    case 'int':
      if (!Number.isSafeInteger(value)) throw wrong(path, value, type);
      return bigint(value as number);
    case 'omitted':
      // The model never stores the absent value itself: a present one is a bug to name.
      if (value === type.absent || (typeof value === 'number' && value < 0)) throw wrong(path, value, type);
      return encodeItf(type.of, value ?? type.absent, path);
    case 'bool':
    case 'str':
      if (typeof value !== (type.kind === 'bool' ? 'boolean' : 'string')) throw wrong(path, value, type);
      return value as boolean | string;
    case 'slotSet': {
      if (!Number.isSafeInteger(value) || (value as number) < 0) throw wrong(path, value, type);
      const slots: ItfValue[] = [];
      for (let mask = value as number, i = 0; mask > 0; mask = Math.floor(mask / 2), i += 1) if (mask % 2 === 1) slots.push(bigint(i));
      return { '#set': slots };
    }
    case 'seq':
      if (!Array.isArray(value)) throw wrong(path, value, type);
      return value.map((v, i) => encodeItf(type.of, v, `${path}[${i}]`));
    case 'option':
      return value === null ? NONE : { tag: 'Some', value: encodeItf(type.of, value, path) };
    case 'record': {
      if (!isObject(value)) throw wrong(path, value, type);
      const extra = Object.keys(value).filter((k) => !(k in type.fields));
      if (extra.length > 0) throw new TypeError(`${path}.${extra[0]} has no ITF type: add it to reports/itf.ts`);
      const out: Record<string, ItfValue> = {};
      for (const [k, t] of Object.entries(type.fields)) out[k] = encodeItf(t, value[k], path === '' ? k : `${path}.${k}`);
      return out;
    }
  }
}

/** A type as Apalache writes it in `#meta.varTypes` (its type system 1.2: records, variants, Seq, Set). */
export function typeText(type: ItfType): string {
  switch (type.kind) {
    case 'int': return 'Int';
    case 'bool': return 'Bool';
    case 'omitted': return typeText(type.of);
    case 'str': return 'Str';
    case 'slotSet': return 'Set(Int)';
    case 'seq': return `Seq(${typeText(type.of)})`;
    case 'option': return `None(UNIT) | Some(${typeText(type.of)})`;
    case 'record': return `{ ${Object.keys(type.fields).sort().map((k) => `${k}: ${typeText(type.fields[k]!)}`).join(', ')} }`;
  }
}

/** A trace's `#meta.varTypes` for a design: every variable of `ITF_VARS` with its type. */
export function itfVarTypes(design: Design): Readonly<Record<string, string>> {
  const types = stateTypesOf(design);
  return {
    ...Object.fromEntries(TRACE_VARS.map((v) => [v, typeText(types[v])])),
    [ACTION_TAKEN]: 'Str',
    [NONDET_PICKS]: typeText(PICKS_TYPE),
  };
}

/** One state of a design's trace: the model state's variables in ITF form. */
export function stateToItf(state: ModelState, design: Design): Record<string, ItfValue> {
  const types = stateTypesOf(design);
  const out: Record<string, ItfValue> = {};
  for (const v of TRACE_VARS) out[v] = encodeItf(types[v], state[v], v);
  return out;
}

/**
 * Quint's `mbt::actionTaken` (the command's kind; "init" for the initial state) and
 * `mbt::nondetPicks` (every argument field: Some(value) where the command has it, else None).
 */
export function actionToItf(command: Command | null): Record<string, ItfValue> {
  const picks: Record<string, ItfValue> = {};
  for (const f of PICKED_FIELDS) {
    const value = command === null ? undefined : (command as Partial<Record<ArgumentField, number>>)[f];
    picks[f] = value === undefined ? NONE : { tag: 'Some', value: bigint(value) };
  }
  return { [ACTION_TAKEN]: command === null ? 'init' : command.kind, [NONDET_PICKS]: picks };
}

/** How a lasso is written, for the trace's `#meta.description` (ADR-015 leaves it open). */
export function lassoConvention(loop: number, last: number): string {
  return loop === last
    ? `A lasso (loop = ${loop}, the last state): the run settles in state ${loop}, where every fair step leaves the state as it is; it stays there forever.`
    : `A lasso (loop = ${loop}): the last state, ${last}, is the same state as states[${loop}] (repeated, not implied), and the run goes on by taking ${last === loop + 1 ? `step ${last}` : `steps ${loop + 1} to ${last}`} again, forever.`;
}
