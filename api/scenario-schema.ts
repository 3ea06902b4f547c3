import { z } from 'zod';
import { configProblems, type Command, type Config } from '../model/index.ts';
import { WITNESSES } from '../properties/catalogue.ts';
import type { ScenarioExpectations } from '../check/scenario/expectations.ts';
import { SCENARIO_PROPERTY_IDS } from '../check/scenario/property-verdicts.ts';
import { parseStatePath, STATE_PATH_HELP } from '../check/scenario/state-path.ts';
import { nestedBeyond, READ_NESTING_MAX } from '../reports/canonical-json.ts';
import { commandSchema } from '../reports/trace-schema.ts';

// The scenario file: what a person writes by hand to run the patent's flows (examples/scenarios/).
// Commands are decoded as traces decode them (one decoder: model/validate.ts); the configuration
// is checked as every command checks it (configProblems); a problem names its field.

/** A configuration as scenarios default to it: 2 LPARs × 1 slot, budgets that never get in the way. */
export const SCENARIO_DEFAULT_CONFIG: Config = { lparCount: 2, slotCount: 1, faultBudget: 50, writeBudget: 10 };

/** The format in one sentence, for the fix of every refusal. */
export const SCENARIO_FORMAT = 'a scenario is {"design": a built-in name or a design file, "config"?: {"lparCount", "slotCount", "faultBudget", "writeBudget"}, "commands": [commands as traces write them], "expect"?: {"state"?: [{"at": step or "end", "path", "equals"}], "breaks"?: [{"property", "at"?}], "holds"?: [ids] or "all others", "reaches"?: [WIT ids]}}; examples/scenarios/ has one per patent figure';

const int = z.number().int();
const stepRef = z.union([int.min(0), z.literal('end')]);
const WITNESS_IDS = WITNESSES.map((w) => w.id);
const MISSING_VALUE = 'missing: the value the field must have (a number, string, boolean, null, list or object)';

const scenarioSchema = z.object({
  title: z.string().optional(),
  /** Lines for a person reading the file: which patent figure and steps the commands follow. */
  description: z.union([z.string(), z.array(z.string())]).optional(),
  design: z.string().min(1),
  config: z.object({ lparCount: int, slotCount: int, faultBudget: int, writeBudget: int }).partial().strict().optional(),
  commands: z.array(commandSchema),
  expect: z.object({
    state: z.array(z.object({ at: stepRef, path: z.string(), equals: z.unknown().nonoptional({ error: MISSING_VALUE }) }).strict()).optional(),
    breaks: z.array(z.object({ property: z.string(), at: stepRef.optional() }).strict()).optional(),
    holds: z.union([z.array(z.string()), z.literal('all others')]).optional(),
    reaches: z.array(z.string()).optional(),
  }).strict().optional(),
}).strict().superRefine((s, ctx) => {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  for (const p of configProblems({ ...SCENARIO_DEFAULT_CONFIG, ...s.config })) issue(['config', p.field], p.message);
  const last = s.commands.length;
  const stepIn = (at: number | 'end' | undefined, path: (string | number)[]) => {
    if (typeof at === 'number' && at > last) issue(path, `step ${at} is past the end: the scenario has steps 0 (the initial state) to ${last}, or "end"`);
  };
  const decided = (id: string, path: (string | number)[]) => {
    if (!SCENARIO_PROPERTY_IDS.includes(id)) issue(path, `"${id}" is not a property a scenario decides (${SCENARIO_PROPERTY_IDS.join(', ')}); witnesses go in "reaches"`);
  };
  const e = s.expect ?? {};
  (e.state ?? []).forEach((x, i) => {
    stepIn(x.at, ['expect', 'state', i, 'at']);
    const parsed = parseStatePath(x.path);
    if (!parsed.ok) issue(['expect', 'state', i, 'path'], `${parsed.why}; ${STATE_PATH_HELP}`);
  });
  (e.breaks ?? []).forEach((b, i) => {
    decided(b.property, ['expect', 'breaks', i, 'property']);
    stepIn(b.at, ['expect', 'breaks', i, 'at']);
  });
  const breaking = new Set((e.breaks ?? []).map((b) => b.property));
  if (Array.isArray(e.holds)) {
    e.holds.forEach((id, i) => {
      decided(id, ['expect', 'holds', i]);
      if (breaking.has(id)) issue(['expect', 'holds', i], `${id} is also in "breaks": a property cannot both hold and break`);
    });
  }
  (e.reaches ?? []).forEach((id, i) => {
    if (!WITNESS_IDS.includes(id)) issue(['expect', 'reaches', i], `"${id}" is not a witness (${WITNESS_IDS.join(', ')})`);
  });
});

/** A scenario file, checked: the design still as written (a name or a file path). */
export interface ScenarioSpec {
  readonly title: string | null;
  readonly design: string;
  readonly config: Config;
  readonly commands: readonly Command[];
  readonly expect: ScenarioExpectations;
}

export type ScenarioParse = { readonly ok: true; readonly scenario: ScenarioSpec } | { readonly ok: false; readonly field: string; readonly message: string };

const fieldName = (path: readonly PropertyKey[]) => (path.length === 0 ? '(top level)' : path.map(String).join('.'));

/** Check a parsed JSON value against the scenario format. */
export function parseScenario(json: unknown): ScenarioParse {
  const deep = nestedBeyond(json, READ_NESTING_MAX);
  if (deep !== null) return { ok: false, field: `${fieldName(deep.slice(0, 6))}${deep.length > 6 ? '…' : ''}`, message: `nests arrays and objects more than ${READ_NESTING_MAX} levels deep` };
  const parsed = scenarioSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, field: fieldName(issue.path), message: issue.message };
  }
  const s = parsed.data;
  return { ok: true, scenario: { title: s.title ?? null, design: s.design, config: { ...SCENARIO_DEFAULT_CONFIG, ...s.config }, commands: s.commands, expect: s.expect ?? {} } };
}
