import { checkDesign } from './design-schema.ts';
import type { Design } from './design.ts';
import { builtInDesign, BUILT_IN_DESIGNS } from './designs/index.ts';

/** A design that cannot be used; `field` names what is wrong. */
export class DesignError extends Error {
  constructor(readonly field: string, message: string) {
    super(`${field}: ${message}`);
  }
}

export type DesignSpec = Partial<Omit<Design, 'id'>> & {
  /** The built-in design (name or DSN id) or design object this one changes. */
  readonly extends: string | Design;
  readonly name: string;
  readonly title: string;
};

/**
 * A user's design: a built-in one (or another design) with some parameters changed. Checked
 * whole: an unknown parameter, a value of the wrong type or a script step that does not exist
 * throws a DesignError naming the field.
 *
 *   export default defineDesign({ extends: 'hardened', name: 'my-design', title: '…',
 *     failoverScript: ['deact', 'await-fenced', 'rem_pci', 'add_pci', 'start', 'act'] });
 */
export function defineDesign(spec: DesignSpec): Design {
  const { extends: base, ...changes } = spec as DesignSpec & Record<string, unknown>;
  // A design that extends another is always "user": certificates and traces of a user design must not pass for a built-in's.
  if ('id' in changes) throw new DesignError('id', `a design that extends another gets the id "user"; leave "id" out (it was ${JSON.stringify(changes.id)})`);
  const parent = typeof base === 'string' ? builtInDesign(base) : base;
  if (parent === undefined) {
    throw new DesignError('extends', `there is no built-in design "${String(base)}" (known: ${BUILT_IN_DESIGNS.map((d) => d.name).join(', ')})`);
  }
  const checked = checkDesign({ ...parent, ...changes, id: 'user' });
  if (!checked.ok) throw new DesignError(checked.field, checked.message);
  return checked.design;
}
