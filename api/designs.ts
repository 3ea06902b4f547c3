import { builtInDesign, BUILT_IN_DESIGNS, configProblems, DEFAULT_CONFIG, type Config, type Design } from '../model/index.ts';
import { checkDesign } from '../model/design-schema.ts';
import { SlotcheckError } from './errors.ts';

/** Each design with the name it was given by, for the command lines a result prints (a file's path, say). */
export interface GivenDesign {
  readonly given: string;
  readonly design: Design;
}

/** A design as the library takes it: a Design object (built-in, `defineDesign`'s, or your own), a built-in's name or DSN id, or either with the name to print. */
export type DesignInput = Design | string | GivenDesign;

/** The designs to check: every built-in one by default; a name is looked up, an object checked whole. */
export function resolveDesignInputs(inputs: readonly DesignInput[] | undefined): GivenDesign[] {
  if (inputs === undefined || inputs.length === 0) return BUILT_IN_DESIGNS.map((design) => ({ given: design.name, design }));
  const out: GivenDesign[] = [];
  for (const input of inputs) {
    const given = typeof input === 'string' ? input : 'given' in input ? input.given : input.name;
    const design = typeof input === 'string' ? builtInDesign(input) : checkedDesign('given' in input ? input.design : input);
    if (design === undefined) throw new SlotcheckError('SC003', `there is no built-in design "${given}"`, `use one of: ${BUILT_IN_DESIGNS.map((d) => `${d.name} (${d.id})`).join(', ')}, or pass a Design object (defineDesign)`);
    if (!out.some((d) => d.design.name === design.name)) out.push({ given, design });
  }
  return out;
}

function checkedDesign(value: Design): Design {
  const checked = checkDesign(value);
  if (!checked.ok) throw new SlotcheckError('SC007', `design "${String((value as { name?: unknown }).name)}": ${checked.field}: ${checked.message}`, 'build designs with defineDesign, which checks every field');
  return checked.design;
}

/** A configuration from a partial one, over the given defaults; SC002 naming the field when the model cannot build it. */
export function configWith(partial: Partial<Config> | undefined, defaults: Partial<Config>): Config {
  const config: Config = { ...DEFAULT_CONFIG, ...defaults, ...partial };
  const problems = configProblems(config);
  if (problems.length > 0) throw new SlotcheckError('SC002', `config.${problems[0]!.field}: ${problems[0]!.message}`, 'keep lparCount from 2 to 4, slotCount from 1 to 3, and the budgets whole numbers ≥ 0');
  return config;
}

/** A whole-number option within the tool's limits; SC002 naming it otherwise. */
export function wholeIn(name: string, value: number, min: number, max: number): number {
  if (!Number.isSafeInteger(value) || value < min || value > max) throw new SlotcheckError('SC002', `${name} is ${String(value)}`, `give ${name} a whole number from ${min} to ${max}`);
  return value;
}
