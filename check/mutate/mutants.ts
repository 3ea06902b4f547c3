import { checkDesign, designSchema } from '../../model/design-schema.ts';
import { addPciToOwner, concurrentTakeovers, failoverVictims, fenceRecheck, gateKeeperOrder, gpeStatusClear, hotRemoveSci, quiesceBy, recoveryBoundSteps, sciHandler, sciTrigger, scriptSlots, type Design, type ScriptStep } from '../../model/index.ts';

// Every single-decision variant of a base design (issue 18, `slotcheck mutate`). The fields and
// their values come from the design schema itself, so a field added to the schema is mutated
// without a change here: an enum takes each other value, a boolean the other one, a whole number
// one step (1) each way, and the fail-over script has each step dropped, each adjacent pair
// swapped and each step duplicated. An optional whole number whose absence is no number
// (clusterStepsPerTickAtFullCpu: absent is unbounded, which has no neighbour one step away) takes
// the schema's two ends instead, the tightest and the most generous bound. Every candidate is checked whole with checkDesign: one the
// schema refuses (a duplicated script step, a period of 0 ticks) is no mutant, and is listed with
// the schema's reason. Candidates that behave as the base (the same design once absent optional
// fields take their documented meaning) are dropped; candidates equal to one another are merged.

/** One design change of the base. */
export interface Mutant {
  /** `M001`, `M002`, … in generation order: schema field order, then value order. Stable for a given base and schema. */
  readonly id: string;
  /** What changed, in one line: `inflightDmaOnReassign: quiesce → none`, `failoverScript: drop rem_pci`. */
  readonly description: string;
  /** Other changes that give the very same design (merged into this mutant), usually none. */
  readonly alsoAs: readonly string[];
  /** The design field changed. */
  readonly field: string;
  /** The base with the change: named `<base>--m001`, id `user` (as any design that extends another). */
  readonly design: Design;
}

/** A candidate the schema refuses: not a mutant, but said so. */
export interface InvalidMutant {
  readonly description: string;
  /** The field checkDesign names, and its message. */
  readonly field: string;
  readonly message: string;
}

export interface MutantSet {
  readonly mutants: readonly Mutant[];
  readonly invalid: readonly InvalidMutant[];
  /** Candidates that turned out to be the base itself (an absent optional field set to what absence means). */
  readonly sameAsBase: readonly string[];
}

/** What an absent optional field means (model/design.ts), so that setting it to that is no change. */
const ABSENT_MEANS: Readonly<Record<string, (d: Design) => unknown>> = {
  failoverVictims: (d) => failoverVictims(d),
  scriptSlots: (d) => scriptSlots(d),
  fenceRecheck: (d) => fenceRecheck(d),
  concurrentTakeovers: (d) => concurrentTakeovers(d),
  ownerOfRecordDetects: (d) => d.ownerOfRecordDetects ?? false,
  addPciToOwner: (d) => addPciToOwner(d),
  recoveryBoundSteps: (d) => recoveryBoundSteps(d),
  gateKeeperOrder: (d) => gateKeeperOrder(d),
  quiesceBy: (d) => quiesceBy(d),
  sciHandler: (d) => sciHandler(d),
  gpeStatusClear: (d) => gpeStatusClear(d),
  hotRemoveSci: (d) => hotRemoveSci(d),
  sciTrigger: (d) => sciTrigger(d),
};

/** Fields that say which design it is, not how it behaves. */
const IDENTITY_FIELDS = new Set(['name', 'id', 'title']);

interface Candidate {
  readonly field: string;
  readonly description: string;
  readonly value: unknown;
}

type SchemaNode = { readonly def: { readonly type: string; readonly innerType?: SchemaNode }; readonly options?: readonly unknown[]; readonly minValue?: number | null; readonly maxValue?: number | null };

const show = (value: unknown): string => (value === undefined ? '(absent)' : Array.isArray(value) ? value.join(' → ') : String(value));

function fieldCandidates(base: Design, field: string, node: SchemaNode): Candidate[] {
  const optional = node.def.type === 'optional';
  const inner = optional ? node.def.innerType! : node;
  const current = (base as unknown as Record<string, unknown>)[field];
  const effective = current === undefined && optional ? ABSENT_MEANS[field]?.(base) : current;
  const change = (value: unknown): Candidate => ({ field, value, description: `${field}: ${show(current)} → ${show(value)}` });
  switch (inner.def.type) {
    case 'enum': return (inner.options ?? []).filter((v) => v !== effective).map(change);
    case 'boolean': return [change(!(effective as boolean))];
    case 'number': {
      if (effective === undefined) return [inner.minValue, inner.maxValue].filter((v): v is number => typeof v === 'number').map(change);
      const n = effective as number;
      return [n - 1, n + 1].map(change);
    }
    case 'array': return field === 'failoverScript' ? scriptCandidates(base.failoverScript) : [];
    default: return [];
  }
}

/** Each step dropped, each adjacent pair swapped, each step duplicated (right after itself). */
export function scriptCandidates(script: readonly ScriptStep[]): Candidate[] {
  const out: Candidate[] = [];
  const field = 'failoverScript';
  script.forEach((step, i) => out.push({ field, value: script.filter((_, j) => j !== i), description: `${field}: drop ${step}` }));
  for (let i = 0; i + 1 < script.length; i += 1) {
    const swapped = [...script];
    [swapped[i], swapped[i + 1]] = [script[i + 1]!, script[i]!];
    out.push({ field, value: swapped, description: `${field}: swap ${script[i]} ↔ ${script[i + 1]}` });
  }
  script.forEach((step, i) => out.push({ field, value: [...script.slice(0, i + 1), step, ...script.slice(i + 1)], description: `${field}: duplicate ${step}` }));
  return out;
}

/** JSON with sorted keys: the same design gives the same text whatever its key order. */
function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value).sort().filter((k) => (value as Record<string, unknown>)[k] !== undefined);
    return `{${entries.map((k) => `${JSON.stringify(k)}:${sortedJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** How a design behaves, as text: every field but its identity, absent optional fields given their meaning. */
export function behaviourKey(design: Design): string {
  const behaviour: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(design)) if (!IDENTITY_FIELDS.has(k)) behaviour[k] = v;
  for (const [k, means] of Object.entries(ABSENT_MEANS)) behaviour[k] ??= means(design);
  return sortedJson(behaviour);
}

/** The mutant's design name: the base's with the mutant's number, `hardened--m007`. */
export function mutantName(baseName: string, id: string): string {
  return `${baseName}--${id.toLowerCase()}`;
}

/** Every single-decision mutant of `base`, in a deterministic order, with the candidates the schema refuses. */
export function generateMutants(base: Design): MutantSet {
  const shape = designSchema.shape as unknown as Record<string, SchemaNode>;
  const candidates = Object.entries(shape).filter(([field]) => !IDENTITY_FIELDS.has(field)).flatMap(([field, node]) => fieldCandidates(base, field, node));
  const baseKey = behaviourKey(base);
  const invalid: InvalidMutant[] = [];
  const sameAsBase: string[] = [];
  const byKey = new Map<string, { field: string; description: string; alsoAs: string[]; design: Design }>();
  for (const c of candidates) {
    const checked = checkDesign({ ...base, [c.field]: c.value });
    if (!checked.ok) {
      invalid.push({ description: c.description, field: checked.field, message: checked.message });
      continue;
    }
    const key = behaviourKey(checked.design);
    if (key === baseKey) sameAsBase.push(c.description);
    else if (byKey.has(key)) byKey.get(key)!.alsoAs.push(c.description);
    else byKey.set(key, { field: c.field, description: c.description, alsoAs: [], design: checked.design });
  }
  const mutants = [...byKey.values()].map((m, i): Mutant => {
    const id = `M${String(i + 1).padStart(3, '0')}`;
    const design: Design = { ...m.design, name: mutantName(base.name, id), id: 'user', title: `${base.name} mutant ${id}: ${m.description}` };
    return { id, description: m.description, alsoAs: m.alsoAs, field: m.field, design };
  });
  return { mutants, invalid, sameAsBase };
}
