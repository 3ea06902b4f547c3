import type { Sweep, SweepRow } from '../../check/sweep/sweep-report.ts';

function cell(row: SweepRow, id: string): string {
  const p = row.report.properties.find((q) => q.id === id);
  if (p === undefined) return ' ';
  switch (p.verdict) {
    case 'pass': return '·';
    case 'counterexample': return `✗${p.counterexample?.steps.length ?? ''}`;
    case 'inconclusive': return '?';
    default: return '–';
  }
}

/** The sweep as a Markdown table: an ordering per row, a property per column; ✗n = shortest counterexample of n steps. */
export function renderSweepTable(s: Sweep): string {
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
  s.rows.forEach((row, i) => {
    lines.push(`| ${i + 1}${row.isBase ? '*' : ''} | ${row.label} | ${s.properties.map((id) => cell(row, id)).join(' | ')} |`);
  });
  const clean = s.rows.filter((r) => r.report.verdict === 'pass');
  lines.push('', `${clean.length} of ${s.explored} orderings break no property at this bound${clean.length > 0 ? ':' : '.'}`);
  for (const r of clean) lines.push(`- ${r.label}`);
  lines.push('', 'Orderings breaking each property:');
  for (const id of s.properties) {
    const n = s.rows.filter((r) => r.report.properties.find((p) => p.id === id)?.verdict === 'counterexample').length;
    lines.push(`- ${id}: ${n}`);
  }
  return `${lines.join('\n')}\n`;
}
