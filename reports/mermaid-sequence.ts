import { chartActors, type ActorId } from './chart-actors.ts';
import { messageLabel, type ChartMessage } from './chart-message.ts';
import { stepMessages } from './chart-messages.ts';
import type { ChartTrace, ChartViolation } from './chart-trace.ts';

// A time chart as a Mermaid sequenceDiagram (GitHub renders it): the same actors and messages
// as the HTML chart; the failing step in a red rect, a lasso's cycle in a loop block.

const ENTITY: Record<string, string> = { '#': '#35;', ';': '#59;', '<': '#lt;', '>': '#gt;', '%': '#37;', '&': '#amp;' };

/** Text Mermaid shows as it is: its statement separators, comments and markup encoded as entity codes. */
export function mermaidText(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[#;<>%&]/g, (c) => ENTITY[c]!);
}

const alias = (id: ActorId) => id.replace(':', '');

function line(m: ChartMessage, prefix: string, last: ActorId): string {
  const text = mermaidText(`${prefix}${m.fault === null ? '' : '⚡ '}${messageLabel(m)}`);
  if (m.kind === 'time') return `  Note over ${alias('cl:0')},${alias(last)}: ${text}`;
  if (m.from === m.to) return `  Note over ${alias(m.from)}: ${text}`;
  const dashed = m.kind === 'sci' || m.kind === 'reply' || m.kind === 'gpe' || m.kind === 'dma' || m.kind === 'eject-ack';
  const head = m.blocked ? (dashed ? '--x' : '-x') : dashed ? '-->>' : '->>';
  return `  ${alias(m.from)}${head}${alias(m.to)}: ${text}`;
}

const broken = (v: ChartViolation, last: ActorId) => `  Note over ${alias('cl:0')},${alias(last)}: ${mermaidText(`✗ ${v.id} broken${v.on === 'emulator' ? ' (emulator)' : ''}: ${v.sentence} — ${v.why}`)}`;

/** The diagram's source, without the code fence. */
export function mermaidSequence(chart: ChartTrace): string {
  const actors = chartActors(chart);
  const last = actors[actors.length - 1]!.id;
  const out = ['sequenceDiagram'];
  for (const a of actors) out.push(`  participant ${alias(a.id)} as ${mermaidText(a.name)}`);
  for (const v of chart.initial.violations) out.push(broken(v, last));
  const loopFrom = chart.loop === null ? null : Math.min(chart.loop + 1, chart.steps.length);
  for (const s of chart.steps) {
    if (s.index === loopFrom) out.push(`  loop ${mermaidText(chart.loop! >= chart.steps.length ? 'settles: every fair step leaves the state as it is' : `cycle: back to state ${chart.loop}`)}`);
    const failing = s.index === chart.failingStep;
    if (failing) out.push('  rect rgb(255, 214, 214)');
    stepMessages(chart, s).forEach((m, k) => out.push(line(m, k === 0 ? `${s.index} ▸ ` : '', last)));
    for (const v of s.violations) out.push(broken(v, last));
    if (failing) out.push('  end');
  }
  if (loopFrom !== null && chart.steps.length > 0) out.push('  end');
  return out.join('\n');
}
