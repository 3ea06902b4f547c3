import type { ChartTrace } from './chart-trace.ts';
import { mermaidSequence } from './mermaid-sequence.ts';
import { chartFor, reportDesigns, type ReportDesign, type ReportInput, type ReportMethod } from './report-model.ts';

// report.md: the HTML report's summary in Markdown, with a Mermaid sequenceDiagram per
// counterexample (GitHub renders it); a chart of more than FOLD_STEPS steps is folded in
// <details>. Every string from a design, trace or summary is escaped for Markdown tables/HTML.

export const FOLD_STEPS = 12;

/** Text for Markdown and the HTML GitHub allows in it: no tags, no table breaks. */
export function mdText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/([\\`*_[\]])/g, '\\$1').replace(/\\\|/g, '\\|');
}

/** Inline code that no backtick inside can close. */
const code = (text: string) => (text.includes('`') ? `\`\` ${text.replace(/[\r\n]+/g, ' ')} \`\`` : `\`${text.replace(/[\r\n]+/g, ' ')}\``);

function methodTable(m: ReportMethod): string[] {
  const out = [`### ${mdText(m.label)}: **${mdText(m.verdict)}**`, ''];
  if (m.neverExercised.length > 0) out.push(`Never exercised: ${mdText(m.neverExercised.join(', '))}`, '');
  out.push('| ID | property | verdict | evidence | counterexample |', '|---|---|---|---|---|');
  for (const r of m.rows) {
    const cx = r.counterexample === null ? '' : `${mdText(r.counterexample.why)}${r.counterexample.replay === null ? '' : `<br>${code(r.counterexample.replay)}`}`;
    const findings = r.findings.length === 0 ? '' : `<br>${r.findings.map((f) => mdText(f)).join('<br>')}`;
    out.push(`| ${mdText(r.id)} | ${mdText(r.name)} | ${r.verdict === 'counterexample' ? '**counterexample**' : mdText(r.verdict)} | ${mdText(r.evidence)} | ${cx}${findings} |`);
  }
  out.push('');
  return out;
}

/** A chart's heading, what broke, the replay line and its diagram (folded when long). */
export function chartMarkdown(chart: ChartTrace, heading: string): string[] {
  const out = [`${heading} ${mdText(chart.title)}`, ''];
  out.push(mdText(`${chart.design.id} ${chart.design.name}: ${chart.design.title}`), '');
  if (chart.property !== null) {
    const where = chart.failingStep === null ? '' : chart.failingStep === 0 ? ' in the initial state' : ` at step ${chart.failingStep}`;
    out.push(`✗ **${mdText(chart.property.id)}** “${mdText(chart.property.sentence)}” is broken${where}: ${mdText(chart.property.why)}`, '');
  } else {
    out.push('Every invariant holds after every step.', '');
  }
  if (chart.replay !== null) out.push(`Replay: ${code(chart.replay)}`, '');
  const diagram = ['```mermaid', mermaidSequence(chart), '```'];
  if (chart.steps.length > FOLD_STEPS) out.push('<details>', `<summary>Time chart: ${chart.steps.length} steps</summary>`, '', ...diagram, '', '</details>', '');
  else out.push(...diagram, '');
  return out;
}

function designMarkdown(input: ReportInput, d: ReportDesign): string[] {
  const out = [`## ${mdText(`${d.id} ${d.name}`)}${d.title === null ? '' : ` — ${mdText(d.title)}`}`, ''];
  for (const m of d.methods) out.push(...methodTable(m));
  const traces = [...new Set(d.methods.flatMap((m) => m.rows.flatMap((r) => (r.counterexample?.trace == null ? [] : [r.counterexample.trace]))))];
  for (const t of traces) {
    const chart = chartFor(input, t);
    if (chart !== undefined) out.push(...chartMarkdown(chart, '####'));
  }
  return out;
}

/** The whole document. */
export function markdownReport(input: ReportInput): string {
  const designs = reportDesigns(input);
  const out = [`# ${mdText(input.title ?? 'slotcheck report')}`, ''];
  for (const line of input.lead ?? []) out.push(mdText(line), '');
  if (designs.length > 0) {
    out.push('| design | verdict per method | properties broken |', '|---|---|---|');
    for (const d of designs) {
      const broken = [...new Set(d.methods.flatMap((m) => m.rows.filter((r) => r.verdict === 'counterexample').map((r) => r.id)))];
      out.push(`| ${mdText(`${d.id} ${d.name}`)} | ${d.methods.map((m) => `${mdText(m.verdict)} (${mdText(m.label.split(':')[0]!)})`).join('<br>')} | ${mdText(broken.join(', '))} |`);
    }
    out.push('');
  }
  for (const d of designs) out.push(...designMarkdown(input, d));
  if ((input.scenarios ?? []).length > 0) {
    out.push('## Scenarios', '');
    for (const s of input.scenarios!) out.push(...chartMarkdown(s, '###'));
  }
  if ((input.unreadable ?? []).length > 0) {
    out.push('## Traces that could not be read', '');
    for (const u of input.unreadable!) out.push(`- ${code(u.file)}: ${mdText(u.why)}`);
    out.push('');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
