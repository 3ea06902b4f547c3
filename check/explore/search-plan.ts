import type { Design } from '../../model/index.ts';
import { CATALOGUE, LIVENESS, propertyById } from '../../properties/catalogue.ts';
import { boundProblems, type ExploreBounds, type ExploreRunOptions } from './options.ts';
import { nothingChecked, type ExplorePropertyReport, type ExploreVerdict } from './report.ts';
import type { SearchPlan } from './search.ts';

// What every search (exact or compact) decides the same way: what to look for, whether its bounds
// are bounds, and the overall verdict from the properties' verdicts.

export function planForDesign(design: Design, options: ExploreRunOptions): SearchPlan {
  const unknown = (options.only ?? []).filter((id) => propertyById(id) === undefined);
  if (unknown.length > 0) throw new RangeError(`unknown property id(s) ${unknown.join(', ')} in only; the catalogue has ${CATALOGUE.map((p) => p.id).join(', ')}`);
  const wanted = (id: string) => options.only === undefined || options.only.includes(id);
  return { wanted, liveness: LIVENESS.filter((p) => wanted(p.id) && p.notApplicable(design) === null) };
}

export function assertBounds(bounds: ExploreBounds): void {
  const problems = boundProblems(bounds);
  if (problems.length > 0) throw new RangeError(`invalid exploration bounds: ${problems.map((p) => p.message).join('; ')}`);
}

export function overallVerdict(properties: readonly ExplorePropertyReport[]): ExploreVerdict {
  if (properties.some((p) => p.verdict === 'counterexample')) return 'counterexample';
  if (properties.some((p) => p.verdict === 'inconclusive' || p.verdict === 'unreached')) return 'inconclusive';
  // `only` may name just properties the design cannot exhibit.
  if (nothingChecked(properties)) return 'inconclusive';
  return 'pass';
}
