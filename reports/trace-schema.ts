import { z } from 'zod';
import { configProblems, type Command, type Config, type Design } from '../model/index.ts';
import { commandShapeProblems } from '../model/validate.ts';
import { designSchema } from '../model/design-schema.ts';
import { PLANTED_BUGS } from '../impl/index.ts';
import { INVARIANTS, LIVENESS } from '../properties/catalogue.ts';
import { CONFORMANCE } from '../properties/conformance.ts';
import { nestedBeyond, READ_NESTING_MAX } from './canonical-json.ts';
import { TRACE_VARS } from './itf.ts';

// Parsing a trace file: every field a replay relies on is checked, and a problem names the field.

const int = z.number().int();
const configSchema = z.object({ lparCount: int, slotCount: int, faultBudget: int, writeBudget: int }).strict();

/** A command as JSON: a known kind with exactly its integer arguments (model/validate.ts decides). */
export const commandSchema = z.unknown().superRefine((value, ctx) => {
  for (const problem of commandShapeProblems(value)) ctx.addIssue({ code: 'custom', path: problem.field === '' ? [] : [problem.field], message: problem.message });
}).transform((value) => value as Command);

const outcomeSchema = z.union([
  z.object({ kind: z.literal('ok') }).strict(),
  z.object({ kind: z.literal('rejected'), code: z.string(), message: z.string() }).strict(),
]);

const stateMetaSchema = z.object({
  index: int,
  command: commandSchema.optional(),
  outcome: outcomeSchema.optional(),
  phase: z.enum(['generated', 'drain', 'explored']).optional(),
});

export const traceSchema = z.object({
  '#meta': z.object({
    format: z.literal('ITF'),
    source: z.literal('slotcheck'),
    toolVersion: z.string(),
    design: designSchema,
    designHash: z.string().regex(/^[0-9a-f]{64}$/),
    config: configSchema,
    method: z.enum(['random', 'explore', 'every-transition']),
    seed: int.nullable(),
    path: z.string().nullable(),
    replayPath: z.string().nullable(),
    property: z.object({ id: z.string(), name: z.string(), why: z.string() }),
    violationStep: int.min(0),
    loop: int.nullable(),
    emulator: z.object({ plantedBug: z.enum(PLANTED_BUGS).nullable() }).strict().nullable(),
  }).passthrough(),
  vars: z.array(z.string()),
  states: z.array(z.object({ '#meta': stateMetaSchema }).passthrough()).min(1),
  loop: int.optional(),
}).superRefine((trace, ctx) => {
  const meta = trace['#meta'];
  for (const problem of configProblems(meta.config)) ctx.addIssue({ code: 'custom', path: ['#meta', 'config', problem.field], message: problem.message });
  // A trace is a counterexample: to an invariant, a liveness property, or conformance; never a witness.
  const property = PROPERTY_NAMES.get(meta.property.id);
  if (property === undefined) {
    ctx.addIssue({ code: 'custom', path: ['#meta', 'property', 'id'], message: `"${meta.property.id}" is not a property a counterexample can be for (an INV-*, a LIV-* or CONFORMANCE)` });
  } else if (meta.property.name !== property) {
    ctx.addIssue({ code: 'custom', path: ['#meta', 'property', 'name'], message: `does not name ${meta.property.id} ("${property}")` });
  }
  const last = trace.states.length - 1;
  if (meta.loop !== null && (meta.loop < 0 || meta.loop > last)) {
    ctx.addIssue({ code: 'custom', path: ['#meta', 'loop'], message: `loop ${meta.loop} is not a state of the trace (0 to ${last})` });
  }
  if ((trace.loop ?? null) !== meta.loop) ctx.addIssue({ code: 'custom', path: ['loop'], message: `loop ${String(trace.loop)} differs from #meta.loop ${String(meta.loop)}` });
  trace.states.forEach((s, i) => {
    if (s['#meta'].index !== i) ctx.addIssue({ code: 'custom', path: ['states', i, '#meta', 'index'], message: `state ${i} says it is state ${s['#meta'].index}` });
    if (i > 0 && s['#meta'].command === undefined) ctx.addIssue({ code: 'custom', path: ['states', i, '#meta', 'command'], message: `state ${i} does not say which command led to it` });
    // A commands-only trace (states with a #meta and nothing else) replays from its commands; a state half recorded is an edit.
    const recorded = TRACE_VARS.filter((v) => Object.hasOwn(s, v));
    const missing = TRACE_VARS.filter((v) => !Object.hasOwn(s, v));
    if (recorded.length > 0 && missing.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['states', i, missing[0]!], message: `state ${i} records ${recorded.join(', ')} but not ${missing.join(', ')}: a state records every variable (${TRACE_VARS.join(', ')}) or none (a commands-only trace, replayed from its commands)` });
    }
  });
  if (trace['#meta'].violationStep >= trace.states.length) {
    ctx.addIssue({ code: 'custom', path: ['#meta', 'violationStep'], message: `violationStep ${trace['#meta'].violationStep} is past the last state (${trace.states.length - 1})` });
  }
});

/** The properties a counterexample trace can be for, by id, with their names. */
const PROPERTY_NAMES = new Map<string, string>([...INVARIANTS, ...LIVENESS, CONFORMANCE].map((p) => [p.id, p.name]));

export interface ParsedTrace {
  readonly design: Design;
  readonly config: Config;
  readonly meta: z.infer<typeof traceSchema>['#meta'];
  readonly commands: readonly Command[];
  /** The recorded states, ITF-encoded, to compare a replay with; null where a state records only its #meta (a commands-only trace). */
  readonly states: readonly (Record<string, unknown> | null)[];
}

export type TraceParse = { readonly ok: true; readonly trace: ParsedTrace } | { readonly ok: false; readonly field: string; readonly message: string };

const fieldName = (path: readonly PropertyKey[]) => (path.length === 0 ? '(top level)' : path.map(String).join('.'));

/** Check a parsed JSON value against the trace format. */
export function parseTrace(json: unknown): TraceParse {
  const deep = nestedBeyond(json, READ_NESTING_MAX);
  if (deep !== null) return { ok: false, field: `${fieldName(deep.slice(0, 6))}${deep.length > 6 ? '…' : ''}`, message: `nests arrays and objects more than ${READ_NESTING_MAX} levels deep; a trace has no such field` };
  const parsed = traceSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, field: fieldName(issue.path), message: issue.message };
  }
  const t = parsed.data;
  return {
    ok: true,
    trace: {
      design: t['#meta'].design as Design,
      config: t['#meta'].config,
      meta: t['#meta'],
      commands: t.states.slice(1).map((s) => s['#meta'].command as unknown as Command),
      states: t.states.map((s) => (TRACE_VARS.some((v) => Object.hasOwn(s, v)) ? s : null)),
    },
  };
}
