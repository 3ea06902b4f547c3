import { z } from 'zod';
import type { Config } from '../../model/index.ts';
import data from '../../properties/equivalent-mutants.json' with { type: 'json' };

// The committed justifications of surviving mutants (properties/equivalent-mutants.json): per
// base design, the mutant's description (`gateKeeperCache: none → invalidate-before-enable`, never
// its number, which moves when the schema gains a field) and why no property can or should tell
// it from the base. An entry may hold only within a configuration (`within`: the largest LPAR
// count, slot count, fault or write budget it is claimed for): a field that matters only with
// several standbys is equivalent at 2 LPARs and nowhere else. A survivor with no entry in scope is
// a catalogue gap; an entry in scope that names no survivor is stale (equivalents.test.ts fails).

const within = z.object({
  lparCount: z.number().int().min(2).optional(),
  slotCount: z.number().int().min(1).optional(),
  faultBudget: z.number().int().min(0).optional(),
  writeBudget: z.number().int().min(0).optional(),
}).strict();

const entry = z.object({
  reason: z.string().min(20, 'say why the mutant is equivalent, in a sentence or more'),
  within: within.optional(),
}).strict();

const fileSchema = z.object({
  about: z.string(),
  designs: z.record(z.string(), z.record(z.string(), entry)),
}).strict();

export type EquivalenceEntry = z.infer<typeof entry>;

/** Description → reason. */
export type Justifications = ReadonlyMap<string, string>;

/** Every entry of the committed file for a design (description → entry). */
export function committedEntries(designName: string): ReadonlyMap<string, EquivalenceEntry> {
  return new Map(Object.entries(fileSchema.parse(data).designs[designName] ?? {}));
}

/** Whether an entry is claimed for this configuration. */
export function inScope(e: EquivalenceEntry, config: Config): boolean {
  const w = e.within ?? {};
  return (Object.keys(w) as (keyof Config)[]).every((k) => config[k] <= w[k]!);
}

/** The justifications for mutants of `designName` that hold at `config` (description → reason). */
export function committedJustifications(designName: string, config: Config): Justifications {
  return new Map([...committedEntries(designName)].filter(([, e]) => inScope(e, config)).map(([d, e]) => [d, e.reason]));
}
