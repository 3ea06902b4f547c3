import type { ChartMessage } from './chart-message.ts';
import { messageLabel } from './chart-message.ts';
import { clip, esc } from './html-escape.ts';

// The drawing primitives of a time chart: arrows, notes, heartbeat lines. Coordinates are whole
// pixels; every text goes through esc().

export const LAYOUT = { gutter: 300, column: 150, head: 96, row: 28, pad: 6, bracket: 70 } as const;
/** Roughly the width of one character of the 11 px label font. */
const CHAR_PX = 6.2;

const STYLE: Record<ChartMessage['kind'], string> = {
  command: 'm-command', sci: 'm-sci', gpe: 'm-gpe', reply: 'm-reply', access: 'm-access', dma: 'm-dma', disk: 'm-disk',
  power: 'm-power', 'eject-ack': 'm-eject', table: 'm-table', note: 'm-note', fault: 'm-fault', time: 'm-time',
};

const classes = (m: ChartMessage) => [STYLE[m.kind], m.blocked ? 'blocked' : '', m.alarm ? 'alarm' : '', m.fault !== null ? 'faulty' : ''].filter((c) => c !== '').join(' ');

/** A label with a full-text tooltip when it had to be cut. */
function label(x: number, y: number, text: string, max: number, anchor: 'middle' | 'start' | 'end', cls = 'label'): string {
  const shown = clip(text, max);
  const title = shown === text ? '' : `<title>${esc(text)}</title>`;
  return `<text class="${cls}" x="${x}" y="${y}" text-anchor="${anchor}">${title}${esc(shown)}</text>`;
}

/** An arrow from one lifeline to another, labelled above; a cross at its head when it was blocked. */
export function arrow(m: ChartMessage, x1: number, x2: number, y: number, marker: string): string {
  const text = messageLabel(m);
  const dir = x2 >= x1 ? 1 : -1;
  const end = x2 - dir * (m.blocked ? 10 : 2);
  const span = Math.abs(x2 - x1);
  const max = Math.max(30, Math.floor((span + LAYOUT.column * 1.4) / CHAR_PX));
  const cross = m.blocked ? `<path class="cross" d="M${x2 - 5} ${y - 5}L${x2 + 5} ${y + 5}M${x2 - 5} ${y + 5}L${x2 + 5} ${y - 5}"/>` : '';
  return `<g class="msg ${classes(m)}"><line x1="${x1}" y1="${y}" x2="${end}" y2="${y}" marker-end="url(#${marker})"/>${cross}${label((x1 + x2) / 2, y - 5, text, max, 'middle')}</g>`;
}

/** Something one actor does by itself: a box on its lifeline. */
export function note(m: ChartMessage, x: number, y: number): string {
  const text = `${m.fault === null ? '' : '⚡ '}${messageLabel(m)}`;
  const max = 62;
  const width = Math.min(max, text.length) * CHAR_PX + 14;
  const h = LAYOUT.row - 8;
  return `<g class="msg note ${classes(m)}"><rect x="${Math.round(x - width / 2)}" y="${y - h + 6}" width="${Math.round(width)}" height="${h}" rx="3"/>${label(x, y, text, max, 'middle')}</g>`;
}

/** A heartbeat period: a dashed line across every lifeline. */
export function timeLine(m: ChartMessage, x1: number, x2: number, y: number): string {
  return `<g class="msg ${classes(m)}"><line x1="${x1}" y1="${y - 4}" x2="${x2}" y2="${y - 4}"/>${label(x1 - 8, y, `┄ ${m.text}`, 36, 'end', 'label time')}</g>`;
}

/** One line of text in a band: a property broken at that step. */
export function violationLine(x: number, y: number, text: string, width: number, quiet = false): string {
  return label(x, y, text, Math.floor(width / CHAR_PX), 'start', quiet ? 'label violation still' : 'label violation');
}

/** The arrowheads a chart's lines refer to, under ids unique to the chart. */
export function markers(prefix: string): string {
  const head = (id: string, cls: string) => `<marker id="${prefix}-${id}" class="${cls}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z"/></marker>`;
  return `<defs>${head('ah', 'ah')}${head('ah-red', 'ah red')}${head('ah-blue', 'ah blue')}</defs>`;
}

/** Which arrowhead a message takes. */
export function markerFor(prefix: string, m: ChartMessage): string {
  if (m.blocked || m.alarm || m.fault !== null) return `${prefix}-ah-red`;
  if (m.kind === 'sci' || m.kind === 'reply' || m.kind === 'gpe') return `${prefix}-ah-blue`;
  return `${prefix}-ah`;
}

/** A bracket on the right of the chart marking a liveness lasso's cycle, explained under the chart. */
export function lassoBracket(prefix: string, x: number, top: number, bottom: number, textY: number, text: string): string {
  return `<g class="lasso"><path d="M${x - 8} ${top}H${x}V${bottom}H${x - 8}"/><path class="loop-arrow" d="M${x + 8} ${bottom - 2}V${top + 6}" marker-end="url(#${prefix}-ah-red)"/>`
    + `<text class="label lasso-text" x="${x + 12}" y="${textY}" text-anchor="end">${esc(text)}</text></g>`;
}
