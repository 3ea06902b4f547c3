import type { ExplorePropertyReport, ExploreReport } from '../../check/explore/report.ts';
import { nothingChecked } from '../../check/explore/report.ts';

const MARK: Record<ExplorePropertyReport['verdict'], string> = {
  pass: 'pass', counterexample: 'FAIL', inconclusive: 'INCONCLUSIVE', reached: 'reached', unreached: 'UNREACHED', 'not-applicable': 'n/a',
};

const pad = (text: string, width: number) => (text.length >= width ? `${text} ` : text + ' '.repeat(width - text.length));

function detail(p: ExplorePropertyReport, traces: ReadonlyMap<string, string>): string {
  const cx = p.counterexample;
  if (cx !== null) {
    const shape = cx.loopStart === null ? `shortest counterexample: ${cx.steps.length} step(s)` : `lasso: ${cx.loopStart} step(s) then a cycle of ${Math.max(cx.steps.length - cx.loopStart, 0)}`;
    return `${shape}: ${cx.why}${traces.has(p.id) ? `\n${' '.repeat(31)}npx slotcheck replay ${traces.get(p.id)}` : ''}`;
  }
  if (p.witness !== null) {
    const w = p.witness;
    return `shortest path ${w.steps.length} step(s); a step reaches it from ${w.states} state(s)${w.unreducedStates === null ? '' : ` (${w.unreducedStates} unreduced)`}, in ${w.transitions} transition(s)`;
  }
  return p.verdict === 'pass' ? '' : p.note;
}

/** The text `slotcheck explore` prints for one design. */
export function renderExploreTable(r: ExploreReport, traces: ReadonlyMap<string, string>): string {
  const c = r.config;
  const lines = [
    `${r.design.id} ${r.design.name} — exhaustive: ${c.lparCount} LPARs × ${c.slotCount} slot(s), fault budget ${c.faultBudget}, ${c.writeBudget} client writes${r.symmetry.applied ? ', symmetry reduction on' : ''}`,
    `  ${r.states} states, ${r.transitions} transitions, depth ${r.maxDepth}${r.unreduced === null ? '' : ` (unreduced: ${r.unreduced.states} states, ${r.unreduced.transitions} transitions)`} — verdict: ${r.verdict.toUpperCase()}${r.store.probabilistic ? ', PROBABILISTIC' : ''}`,
  ];
  if (r.store.kind === 'compact') lines.push(`  PROBABILISTIC (--store compact): ${r.store.note}; a pass holds unless a missed state breaks it`);
  if (r.boundHit !== null) lines.push(`  bound hit: ${r.boundHit.bound} = ${r.boundHit.limit} (${r.boundHit.detail}): nothing below is proven beyond it`);
  if (nothingChecked(r.properties)) lines.push(`  nothing checked: ${r.properties.length === 0 ? 'no property was asked for' : 'every property asked for (--only) is n/a on this design'}, so the verdict is inconclusive`);
  else if (r.only !== null && !r.properties.some((p) => p.expect === 'sometimes')) lines.push('  no witness asked for (--only): nothing here shows that the search reached the hard cases');
  lines.push(`  ${pad('property', 13)}${pad('verdict', 14)}detail`);
  for (const p of r.properties) lines.push(`  ${pad(p.id, 13)}${pad(r.store.probabilistic && p.verdict === 'pass' ? 'pass (prob.)' : MARK[p.verdict], 14)}${detail(p, traces)}`);
  lines.push(coverageLine(r));
  return lines.join('\n');
}

/** One line of command coverage: how much of the protocol the explored transitions exercise. */
function coverageLine(r: ExploreReport): string {
  const { kinds, neverTaken } = r.coverage;
  const sum = (f: (k: (typeof kinds)[number]) => number) => kinds.reduce((n, k) => n + f(k), 0);
  const takenKinds = kinds.length - neverTaken.length;
  const renamed = r.symmetry.applied ? ', up to renaming' : '';
  const not = r.boundHit === null ? 'never taken' : 'not taken before the bound';
  const never = neverTaken.length === 0 ? 'every kind taken' : `${not}: ${neverTaken.join(', ')}`;
  return `  commands: ${takenKinds} of ${kinds.length} kinds taken (${sum((k) => k.taken)} of ${sum((k) => k.commands)} commands${renamed}); ${never}`;
}
