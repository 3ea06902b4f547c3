import type { Command } from '../../../model/commands.ts';
import type { Design } from '../../../model/design.ts';
import type { ModelState } from '../../../model/state.ts';
import { step } from '../../../model/step.ts';
import { INVARIANTS } from '../../../properties/catalogue.ts';
import type { Violation } from '../../../properties/violations.ts';

// The packed system finds which invariant a state or step breaks; the sentence that says why is
// the reference catalogue's, computed from the decoded states: only when someone reads it (a
// report, a trace), or at once (`eager`) for a violation that must cross to another thread as
// plain data. If the reference does not agree that the invariant is broken, the sentence
// says so: that is a bug in the packed system, and the agreement tests look for it.

function invariant(id: string) {
  const found = INVARIANTS.find((inv) => inv.id === id);
  if (found === undefined) throw new RangeError(`no invariant ${id} in the catalogue`);
  return found;
}

function disagreement(id: string, part: string): string {
  return `the packed system found ${id} (${part} part) broken but the reference model's check holds: a bug in model/packed or properties/packed`;
}

/** A violation whose sentence is computed on first read. */
class LazyViolation implements Violation {
  private sentence: string | undefined;
  constructor(readonly id: string, private readonly explain: (id: string) => string) {}
  get why(): string {
    return (this.sentence ??= this.explain(this.id));
  }
}

function violation(id: string, explain: (id: string) => string, eager: boolean): Violation {
  return eager ? { id, why: explain(id) } : new LazyViolation(id, explain);
}

export function explainState(id: string, decode: () => ModelState, design: Design, eager: boolean): Violation {
  return violation(id, () => {
    const verdict = invariant(id).state?.(decode(), design);
    return verdict !== undefined && !verdict.holds ? verdict.why : disagreement(id, 'state');
  }, eager);
}

export function explainStep(id: string, decodeBefore: () => ModelState, command: Command, design: Design, eager: boolean): Violation {
  return violation(id, () => {
    const before = decodeBefore();
    const verdict = invariant(id).step?.({ before, command, result: step(before, command, design), design });
    return verdict !== undefined && !verdict.holds ? verdict.why : disagreement(id, 'step');
  }, eager);
}
