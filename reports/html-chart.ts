import { actorIndex, chartActors, type Actor } from './chart-actors.ts';
import type { ChartMessage } from './chart-message.ts';
import { stepMessages } from './chart-messages.ts';
import type { ChartTrace, ChartViolation } from './chart-trace.ts';
import { clip, esc } from './html-escape.ts';
import { at, fromItf, type Plain } from './itf-decode.ts';
import { arrow, lassoBracket, LAYOUT, markerFor, markers, note, timeLine, violationLine } from './svg-parts.ts';

// A trace as the patent draws a time chart (Fig. 10, 11, 14–17): one column per actor, time
// running down, one band per step with its arrows; the failing step in red with the property's
// sentence; a lasso's cycle bracketed on the right. Pure: the same chart gives the same bytes.

interface Band {
  readonly index: number;
  readonly label: string;
  readonly messages: readonly ChartMessage[];
  readonly violations: readonly ChartViolation[];
  readonly after: Plain;
  readonly top: number;
  readonly height: number;
}

function bands(chart: ChartTrace): Band[] {
  const out: Band[] = [];
  let top = LAYOUT.head;
  const push = (b: Omit<Band, 'top' | 'height'>) => {
    const height = (Math.max(1, b.messages.length) + b.violations.length) * LAYOUT.row + 2 * LAYOUT.pad;
    out.push({ ...b, top, height });
    top += height;
  };
  if (chart.initial.violations.length > 0 || chart.failingStep === 0) {
    push({ index: 0, label: 'initial state', messages: [], violations: chart.initial.violations, after: fromItf(chart.initial.state) });
  }
  let previous = new Set(chart.initial.violations.map((v) => v.id));
  for (const s of chart.steps) {
    // A property still broken from the step before gets one short line; a new break, or the
    // traced property at its failing step, gets its sentence.
    const fresh = s.violations.filter((v) => !previous.has(v.id) || (s.index === chart.failingStep && v.id === chart.property?.id));
    const still = s.violations.filter((v) => !fresh.includes(v)).map((v) => v.id);
    const stillLine: ChartViolation[] = still.length === 0 ? [] : [{ id: still.join(', '), sentence: '', why: '', on: 'model' }];
    push({ index: s.index, label: s.label, messages: stepMessages(chart, s), violations: [...fresh, ...stillLine], after: fromItf(s.state) });
    previous = new Set(s.violations.map((v) => v.id));
  }
  return out;
}

const lifelineX = (i: number) => LAYOUT.gutter + i * LAYOUT.column + LAYOUT.column / 2;

function header(actors: readonly Actor[], width: number): string {
  const groups: string[] = [];
  const lpars = [...new Set(actors.flatMap((a) => (a.lpar === null ? [] : [a.lpar])))];
  for (const l of lpars) {
    const cols = actors.map((a, i) => (a.lpar === l ? i : -1)).filter((i) => i >= 0);
    const x = LAYOUT.gutter + cols[0]! * LAYOUT.column + 4;
    const w = cols.length * LAYOUT.column - 8;
    const name = actors[cols[0]!]!.name.split(' ')[0]!;
    groups.push(`<g class="group"><rect x="${x}" y="2" width="${w}" height="${LAYOUT.head - 6}" rx="6"/><text class="group-name" x="${x + w / 2}" y="15" text-anchor="middle">${esc(name)}</text></g>`);
  }
  const boxes = actors.map((a, i) => {
    const x = LAYOUT.gutter + i * LAYOUT.column + 8;
    const words = a.name.split(' ');
    const short = a.lpar === null ? a.name : words.slice(1).join(' ');
    return `<g class="actor" data-actor="${esc(a.id)}"><title>${esc(`${a.name}: ${a.detail}`)}</title><rect x="${x}" y="22" width="${LAYOUT.column - 16}" height="${LAYOUT.head - 28}" rx="4"/>`
      + `<text class="actor-name" x="${x + (LAYOUT.column - 16) / 2}" y="38" text-anchor="middle">${esc(clip(short, 22))}</text>`
      + a.detail.split(' · ').slice(0, 3).map((d, k) => `<text class="actor-detail" x="${x + (LAYOUT.column - 16) / 2}" y="${52 + k * 12}" text-anchor="middle">${esc(clip(d, 26))}</text>`).join('') + '</g>';
  });
  return `<g class="head"><text class="time-axis" x="12" y="40">time ↓</text>${groups.join('')}${boxes.join('')}<line class="head-rule" x1="0" y1="${LAYOUT.head - 2}" x2="${width}" y2="${LAYOUT.head - 2}"/></g>`;
}

/** How an actor's lifeline looks while a band lasts: an LPAR powered off or crashed is drawn thin. */
function lifelineClass(a: Actor, after: Plain): string {
  if (a.id.startsWith('os:') || a.id.startsWith('cl:')) {
    const os = at(after, 'lpars', a.lpar!, 'os');
    if (os === 'off') return 'life off';
    if (os === 'crashed' || os === 'shutdown') return 'life down';
    if (a.id.startsWith('cl:') && at(after, 'lpars', a.lpar!, 'cluster', 'alive') === false) return 'life off';
  }
  if (a.id.startsWith('card:')) {
    const card = at(after, 'slots', Number(a.id.slice(5)), 'card');
    if (card === 'absent') return 'life off';
    if (card === 'failed') return 'life down';
  }
  return 'life';
}

function band(chart: ChartTrace, b: Band, actors: readonly Actor[], width: number, prefix: string): string {
  const cls = ['step', b.index === chart.failingStep ? 'failing' : '', b.violations.length > 0 ? 'broken' : ''].filter((c) => c !== '').join(' ');
  const lines = actors.map((a, i) => `<line class="${lifelineClass(a, b.after)}" x1="${lifelineX(i)}" y1="${b.top}" x2="${lifelineX(i)}" y2="${b.top + b.height}"/>`).join('');
  const x = (id: ChartMessage['from']) => lifelineX(actorIndex(actors, id));
  const drawn = b.messages.map((m, k) => {
    const y = b.top + LAYOUT.pad + (k + 1) * LAYOUT.row - 9;
    if (m.kind === 'time') return timeLine(m, lifelineX(0), lifelineX(actors.length - 1), y);
    return m.from === m.to ? note(m, x(m.from), y) : arrow(m, x(m.from), x(m.to), y, markerFor(prefix, m));
  });
  const broken = b.violations.map((v, k) => {
    const y = b.top + LAYOUT.pad + (Math.max(1, b.messages.length) + k + 1) * LAYOUT.row - 9;
    const on = v.on === 'emulator' ? ' (on the emulator)' : '';
    const text = v.sentence === '' ? `still broken: ${v.id}` : `✗ ${v.id} broken${on}: ${v.sentence} — ${v.why}`;
    return violationLine(LAYOUT.gutter + 8, y, text, width - LAYOUT.gutter - LAYOUT.bracket, v.sentence === '');
  });
  const gutter = `<text class="step-no" x="10" y="${b.top + LAYOUT.pad + 17}">${b.index}</text>`
    + `<text class="step-label" x="40" y="${b.top + LAYOUT.pad + 17}"><title>${esc(b.label)}</title>${esc(clip(b.label, 42))}</text>`;
  return `<g class="${cls}" data-step="${b.index}"><rect class="band" x="0" y="${b.top}" width="${width}" height="${b.height}"/>${lines}${gutter}${drawn.join('')}${broken.join('')}</g>`;
}

/** The time chart of one trace as an inline SVG; `prefix` keeps its ids apart from other charts'. */
export function chartSvg(chart: ChartTrace, prefix: string): string {
  const actors = chartActors(chart);
  const width = LAYOUT.gutter + actors.length * LAYOUT.column + LAYOUT.bracket;
  const all = bands(chart);
  const bottom = all.length === 0 ? LAYOUT.head : all[all.length - 1]!.top + all[all.length - 1]!.height;
  const height = bottom + (chart.loop === null ? 12 : 34);
  let lasso = '';
  if (chart.loop !== null && all.length > 0) {
    const last = all[all.length - 1]!;
    const first = all.find((b) => b.index === chart.loop! + 1) ?? last;
    const text = chart.loop >= last.index
      ? `↺ lasso: the run settles in state ${last.index}: every fair step leaves it as it is, with the obligation open`
      : `↺ lasso: steps ${first.index}–${last.index} return to state ${chart.loop}, forever, with the obligation open`;
    lasso = lassoBracket(prefix, width - LAYOUT.bracket + 24, first.top + 4, last.top + last.height - 4, bottom + 22, text);
  }
  const title = `Time chart: ${chart.title}`;
  return `<svg class="timechart" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(title)}">`
    + `<title>${esc(title)}</title>${markers(prefix)}${header(actors, width)}${all.map((b) => band(chart, b, actors, width, prefix)).join('')}${lasso}</svg>`;
}
