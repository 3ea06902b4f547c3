import type { DesignRunSummary, PropertySummary } from '../run-summary.ts';

const VERDICT_MARK: Record<PropertySummary['verdict'], string> = {
  pass: 'pass', counterexample: 'FAIL', inconclusive: 'INCONCLUSIVE', reached: 'reached', unreached: 'UNREACHED', 'not-applicable': 'n/a',
};

function detail(p: PropertySummary): string {
  if (p.counterexample !== null) {
    const cx = p.counterexample;
    const where = cx.stepIndex === 0 ? 'in the initial state' : `at step ${cx.stepIndex} of ${cx.steps}`;
    return `${where}: ${cx.why}${cx.shrinkBoundHit ? ' (shrink bound hit: may not be minimal)' : ''}`;
  }
  if (p.expect === 'sometimes') return p.verdict === 'not-applicable' ? p.note : `${p.count} of ${p.runs} runs`;
  if (p.verdict === 'inconclusive' || p.verdict === 'not-applicable') return p.note;
  return '';
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

/** The text `slotcheck run` prints for one design: a row per property, then how to reproduce. */
export function renderRunTable(s: DesignRunSummary): string {
  const lines: string[] = [];
  const c = s.config;
  lines.push(`${s.design.id} ${s.design.name} — ${c.lparCount} LPARs × ${c.slotCount} slot(s), fault budget ${c.faultBudget}, ${c.writeBudget} client writes`);
  lines.push(`  ${s.runs} runs, seed ${s.seed}, ${s.commandsExecuted} commands executed (${s.acceptedCommands} accepted) — verdict: ${s.verdict.toUpperCase()}`);
  const never = s.commandCoverage.neverAccepted;
  lines.push(`  commands: ${s.commandCoverage.kinds.length - never.length} of ${s.commandCoverage.kinds.length} kinds accepted; ${never.length === 0 ? 'every kind accepted' : `never accepted: ${never.join(', ')}`}`);
  if (s.error !== null) lines.push(`  internal error: ${s.error.split('\n')[0]}`);
  lines.push(`  ${pad('property', 13)}${pad('verdict', 14)}${pad('runs', 7)}detail`);
  // A property the design cannot exhibit counts no runs, whatever kind it is.
  const runsOf = (p: PropertySummary) => (p.verdict === 'not-applicable' ? '-' : String(p.runs));
  for (const p of s.properties) lines.push(`  ${pad(p.id, 13)}${pad(VERDICT_MARK[p.verdict], 14)}${pad(runsOf(p), 7)}${detail(p)}`);
  const traces = s.properties.flatMap((p) => (p.counterexample?.replay ? [`  ${p.id}: ${p.counterexample.replay}`] : []));
  if (traces.length > 0) lines.push('  replay a counterexample:', ...traces);
  lines.push(`  reproduce: ${s.reproduce}`);
  return lines.join('\n');
}
