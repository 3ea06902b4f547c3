import { orderingLabel } from '../../check/sweep/sweep-report.ts';
import type { SweepRowSummary, SweepSummary } from '../sweep-summary.ts';

function cell(row: SweepRowSummary, id: string): string {
  switch (row.properties[id]) {
    case undefined: return ' ';
    case 'pass': return '·';
    case 'counterexample': return `✗${row.failures.find((f) => f.id === id)?.steps ?? ''}`;
    case 'inconclusive': return '?';
    default: return '–';
  }
}

/** The sweep as a Markdown table: an ordering per row, a property per column; ✗n = shortest counterexample of n steps. */
export function renderSweepTable(s: SweepSummary): string {
  const c = s.config;
  const lines = [
    `# Fail-over script orderings of ${s.base.id} ${s.base.name}`,
    '',
    `Every ordering of the script's steps after detection (${s.explored} of ${s.orderings}), each explored exhaustively: ${c.lparCount} LPARs × ${c.slotCount} slot(s), fault budget ${c.faultBudget}, ${c.writeBudget} client write(s).`,
    '`·` holds, `✗n` broken (shortest counterexample: n steps, trace written), `?` inconclusive (a bound was hit), `–` not applicable. `*` marks the base design\'s own order.',
    '',
    `| # | script after detection | ${s.properties.join(' | ')} |`,
    `|---|---|${s.properties.map(() => '---').join('|')}|`,
  ];
  for (const row of s.rows) lines.push(`| ${row.index}${row.base ? '*' : ''} | ${orderingLabel(row.script)} | ${s.properties.map((id) => cell(row, id)).join(' | ')} |`);
  const clean = s.rows.filter((r) => r.verdict === 'pass');
  lines.push('', `${clean.length} of ${s.explored} orderings break no property at this bound${clean.length > 0 ? ':' : '.'}`);
  for (const r of clean) lines.push(`- ${orderingLabel(r.script)}`);
  lines.push('', 'Orderings breaking each property:');
  for (const id of s.properties) lines.push(`- ${id}: ${s.rows.filter((r) => r.properties[id] === 'counterexample').length}`);
  return `${lines.join('\n')}\n`;
}
