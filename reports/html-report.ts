import { REPORT_CSS, REPORT_SCRIPT } from './html-assets.ts';
import { chartBlock } from './html-chart-block.ts';
import { esc, slug } from './html-escape.ts';
import { chartFor, reportDesigns, type ReportDesign, type ReportInput, type ReportMethod, type ReportRow } from './report-model.ts';

// report.html: one standalone page (inline CSS, SVG and script; nothing fetched) per command's
// output folder. Per design, its properties with verdict and evidence per method, then a time
// chart per counterexample; then the scenarios' charts. A pure function of its input.

const verdict = (v: string) => `<span class="v-${esc(slug(v))}">${esc(v)}</span>`;

function row(r: ReportRow, anchor: string | null): string {
  const cx = r.counterexample;
  const trace = cx === null ? '' : `<div>${esc(cx.why)}</div>${cx.replay === null ? '' : `<div><code>${esc(cx.replay)}</code></div>`}${anchor === null ? '' : `<div><a href="#${esc(anchor)}">time chart</a></div>`}`;
  const findings = r.findings.map((f) => `<div class="muted">${esc(f)}</div>`).join('');
  return `<tr><td class="mono">${esc(r.id)}</td><td>${esc(r.name)}</td><td>${esc(r.expect)}</td><td>${verdict(r.verdict)}</td><td>${esc(r.evidence)}</td><td>${trace}${findings}</td></tr>`;
}

function methodTable(input: ReportInput, design: ReportDesign, m: ReportMethod, anchors: Map<string, string>): string {
  const never = m.neverExercised.length === 0 ? '' : `<p class="muted">Never exercised: ${esc(m.neverExercised.join(', '))}</p>`;
  const rows = m.rows.map((r) => row(r, r.counterexample?.trace != null && chartFor(input, r.counterexample.trace) !== undefined ? anchors.get(r.counterexample.trace) ?? null : null));
  return `<h3>${esc(m.label)}: ${verdict(m.verdict)}</h3>${never}<table class="props" data-design="${esc(design.name)}"><thead><tr><th>ID</th><th>property</th><th>expect</th><th>verdict</th><th>evidence</th><th>counterexample · findings</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function designSection(input: ReportInput, d: ReportDesign, anchors: Map<string, string>): string {
  const traces = [...new Set(d.methods.flatMap((m) => m.rows.flatMap((r) => (r.counterexample?.trace == null ? [] : [r.counterexample.trace]))))];
  const charts = traces.flatMap((t) => {
    const chart = chartFor(input, t);
    return chart === undefined ? [] : [chartBlock(chart, anchors.get(t)!, false)];
  });
  const title = d.title === null ? '' : ` <span class="muted">${esc(d.title)}</span>`;
  const body = d.methods.map((m) => methodTable(input, d, m, anchors)).join('');
  const cx = charts.length === 0 ? '' : `<h3>Counterexamples: time charts</h3>${charts.join('')}`;
  return `<section class="design" id="design-${esc(slug(d.name))}"><h2>${esc(d.id)} ${esc(d.name)}${title}</h2>${body}${cx}</section>`;
}

function overview(designs: readonly ReportDesign[]): string {
  const rows = designs.map((d) => `<tr><td><a href="#design-${esc(slug(d.name))}">${esc(d.id)} ${esc(d.name)}</a></td><td>${d.methods.map((m) => `${verdict(m.verdict)} <span class="muted">${esc(m.label.split(':')[0]!)}</span>`).join('<br>')}</td><td>${esc(d.methods.flatMap((m) => m.rows.filter((r) => r.verdict === 'counterexample').map((r) => r.id)).filter((id, i, all) => all.indexOf(id) === i).join(', '))}</td></tr>`);
  return `<table class="props overview"><thead><tr><th>design</th><th>verdict per method</th><th>properties broken</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The whole page. */
export function htmlReport(input: ReportInput): string {
  const designs = reportDesigns(input);
  const anchors = new Map<string, string>();
  let k = 0;
  for (const d of designs) for (const m of d.methods) for (const r of m.rows) {
    const t = r.counterexample?.trace;
    if (t != null && !anchors.has(t) && chartFor(input, t) !== undefined) anchors.set(t, `chart-${(k += 1)}`);
  }
  const scenarios = (input.scenarios ?? []).map((c, i) => chartBlock(c, `scenario-${i + 1}`, true));
  const unreadable = (input.unreadable ?? []).map((u) => `<li><code>${esc(u.file)}</code>: ${esc(u.why)}</li>`);
  const title = input.title ?? 'slotcheck report';
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title><style>${REPORT_CSS}</style></head><body>`,
    `<header class="top"><h1>${esc(title)}</h1>${(input.lead ?? []).map((line) => `<p>${esc(line)}</p>`).join('')}<p class="muted">Time charts in the patent's style: time runs down, one column per actor; arrows carry the command and the patent's step numbers (500…1109). A red band is a step that breaks a property.</p>`,
    `<nav>${designs.map((d) => `<a href="#design-${esc(slug(d.name))}">${esc(d.name)}</a>`).join('')}${scenarios.length === 0 ? '' : '<a href="#scenarios">scenarios</a>'}</nav></header>`,
    designs.length === 0 ? '' : overview(designs),
    ...designs.map((d) => designSection(input, d, anchors)),
    scenarios.length === 0 ? '' : `<section id="scenarios"><h2>Scenarios</h2>${scenarios.join('')}</section>`,
    unreadable.length === 0 ? '' : `<section><h2>Traces that could not be read</h2><ul>${unreadable.join('')}</ul></section>`,
    `<script>${REPORT_SCRIPT}</script></body></html>`,
    '',
  ].join('\n');
}
