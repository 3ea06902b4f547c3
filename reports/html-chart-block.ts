import type { ChartTrace } from './chart-trace.ts';
import { chartSvg } from './html-chart.ts';
import { esc, jsonForScript } from './html-escape.ts';
import { fromItf } from './itf-decode.ts';

// One chart on the page: the time chart, the state panel beside it (filled by the page's
// script from the JSON island), and the lines that say what broke and how to replay it.

/** What the state panel shows per step, index 0 being the initial state. */
function panelData(chart: ChartTrace) {
  return {
    steps: [
      { index: 0, label: 'initial state', changes: [], violations: chart.initial.violations, state: fromItf(chart.initial.state) },
      ...chart.steps.map((s) => ({ index: s.index, label: s.label, changes: s.changes, violations: s.violations, state: fromItf(s.state) })),
    ],
  };
}

function describe(chart: ChartTrace): string {
  const c = chart.config;
  const lines = [`<p class="muted">${esc(`${chart.design.id} ${chart.design.name}: ${chart.design.title}`)} · ${esc(`${c.lparCount} LPARs × ${c.slotCount} slot(s), faults ${c.faultBudget}, writes ${c.writeBudget}`)} · ${esc(chart.method)} · ${chart.steps.length} steps</p>`];
  if (chart.property !== null) {
    const where = chart.failingStep === null ? '' : chart.failingStep === 0 ? ' in the initial state' : ` at step ${chart.failingStep}`;
    lines.push(`<p class="sentence"><strong>✗ ${esc(chart.property.id)}</strong> “${esc(chart.property.sentence)}” is broken${esc(where)}: ${esc(chart.property.why)}</p>`);
  } else {
    lines.push('<p class="v-pass">Every invariant holds after every step, on the model and the emulator.</p>');
  }
  if (chart.loop !== null) lines.push(`<p class="muted">A lasso: after step ${chart.steps.length} the run is back in state ${chart.loop}; the bracket on the right marks the cycle.</p>`);
  if (chart.replay !== null) lines.push(`<p>Replay: <code>${esc(chart.replay)}</code></p>`);
  return lines.join('');
}

/** A chart with its state panel; `key` makes its element ids unique on the page. */
export function chartBlock(chart: ChartTrace, key: string, open: boolean): string {
  const initial = chart.failingStep ?? (chart.steps.length === 0 ? 0 : chart.steps[chart.steps.length - 1]!.index);
  const summary = chart.property === null ? `${chart.title}` : `${chart.title}: ${chart.property.why}`;
  return `<details class="cx" id="${esc(key)}"${open ? ' open' : ''}><summary>${esc(summary)}</summary>${describe(chart)}`
    + `<p class="keys">← and → step through the trace (the chart you last clicked); click a step to select it.</p>`
    + `<div class="chart" data-chart="${esc(key)}" data-initial="${initial}" data-steps="${chart.steps.length}">`
    + `<div class="chart-scroll">${chartSvg(chart, key)}</div><aside class="state-panel" aria-live="polite"></aside>`
    + `<script type="application/json" class="chart-data">${jsonForScript(panelData(chart))}</script></div></details>`;
}
