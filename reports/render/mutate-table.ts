import type { MutantRow, MutateOutcome } from '../../check/mutate/mutate-report.ts';

// The kill matrix of `slotcheck mutate`, as Markdown (kill-matrix.md) and as a terminal table:
// pure functions of what the checker returned. No time in the file: the same result gives the same
// text; the terminal table shows each mutant's time when it is given one.

/** A Markdown table cell: pipes escaped, line breaks flattened. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

const killers = (m: MutantRow): string => m.killing.map((k) => k.id).join(', ');

const byWhat = (m: MutantRow): string => m.killedBy ?? '–';

const shortestOf = (m: MutantRow): string => (m.shortest === null ? '–' : String(m.shortest));

/** What the matrix says about the bound and the kill rule, in one paragraph. */
function preamble(o: MutateOutcome): string {
  const c = o.bound.config;
  const r = o.bound.random;
  return [
    `Each mutant changes one decision of the design. Each is explored exhaustively at ${c.lparCount} LPARs × ${c.slotCount} slot(s), fault budget ${c.faultBudget}, ${c.writeBudget} client write(s) (at most ${o.bound.explore.statesMax.toLocaleString('en-US')} states),`,
    `and run through the random suite (${r.runs} runs, seed ${r.seed}, ${r.emulator ? 'model and emulator' : 'model only'}) at the same configuration.`,
    `A property kills a mutant when it fails on the mutant and on ${o.base.name} under neither method; witnesses never kill.`,
  ].join(' ');
}

/** The mutation score in one line. */
export function scoreLine(o: MutateOutcome): string {
  const s = o.score;
  return `mutation score ${s.killed} / ${s.total - s.equivalent} = ${s.score.toFixed(4)} (${s.total} mutants: ${s.killed} killed, ${s.survived} survived unexplained, ${s.equivalent} equivalent, ${s.inconclusive} inconclusive; killed by the explorer alone ${s.killedBy.explorer}, the random suite alone ${s.killedBy.random}, both ${s.killedBy.both})`;
}

/** Properties failing on the base, its lost witnesses: what a reader needs to judge a survivor. */
function survivorNote(m: MutantRow): string {
  const notes: string[] = [];
  if (m.lostWitnesses.length > 0) notes.push(`loses ${m.lostWitnesses.join(', ')}`);
  if (m.notApplicable.length > 0) notes.push(`makes ${m.notApplicable.join(', ')} not applicable`);
  return notes.length === 0 ? 'every property holds, every witness the base reaches is reached' : notes.join('; ');
}

/** kill-matrix.md: a row per mutant, then survivors, equivalents, inconclusive checks and what was not a mutant. */
export function renderKillMatrix(o: MutateOutcome): string {
  const lines = [
    `# Mutants of ${o.base.id} ${o.base.name}`,
    '',
    preamble(o),
    '',
    `**${scoreLine(o)}**`,
    '',
  ];
  if (o.base.failing.length > 0) lines.push(`Failing on ${o.base.name} itself (these cannot kill): ${o.base.failing.join(', ')}.`, '');
  if (o.base.inconclusive !== null) lines.push(`**The base's check stopped short** (${cell(o.base.inconclusive)}): every judgement below is relative to an incomplete base.`, '');
  lines.push('| mutant | what changed | status | killed by (properties) | shortest | explorer / random |', '|---|---|---|---|---|---|');
  for (const m of o.mutants) {
    const changed = [m.description, ...m.alsoAs].map((d) => `\`${cell(d)}\``).join(' = ');
    lines.push(`| ${m.id} | ${changed} | ${m.status} | ${killers(m) || '–'} | ${shortestOf(m)} | ${byWhat(m)} |`);
  }
  const survivors = o.mutants.filter((m) => m.status === 'survived');
  lines.push('', `## Survivors nothing explains (${survivors.length})`, '');
  if (survivors.length === 0) lines.push('None.');
  for (const m of survivors) lines.push(`- ${m.id} \`${cell(m.description)}\`: ${survivorNote(m)}.`);
  const equivalent = o.mutants.filter((m) => m.status === 'equivalent');
  lines.push('', `## Equivalent (${equivalent.length}), as properties/equivalent-mutants.json justifies them`, '');
  if (equivalent.length === 0) lines.push('None.');
  for (const m of equivalent) lines.push(`- ${m.id} \`${cell(m.description)}\`: ${cell(m.equivalentReason ?? '')}`);
  const inconclusive = o.mutants.filter((m) => m.status === 'inconclusive');
  if (inconclusive.length > 0) {
    lines.push('', `## Inconclusive (${inconclusive.length}): a bound stopped the check`, '');
    for (const m of inconclusive) lines.push(`- ${m.id} \`${cell(m.description)}\`: ${cell(m.inconclusive ?? '')}`);
  }
  if (o.stale.length > 0) {
    lines.push('', `## Stale justifications (${o.stale.length}): they name no surviving mutant`, '');
    for (const d of o.stale) lines.push(`- \`${cell(d)}\``);
  }
  if (o.invalid.length > 0) {
    lines.push('', `## Not mutants: the design schema refuses them (${o.invalid.length})`, '');
    for (const m of o.invalid) lines.push(`- \`${cell(m.description)}\`: ${cell(m.field)}: ${cell(m.message)}`);
  }
  const traces = o.mutants.flatMap((m) => m.killing.flatMap((k) => [k.traces.explorer, k.traces.random].filter((t): t is string => t !== null).map((t) => `${m.id} ${k.id}: \`npx slotcheck replay ${cell(t)}\``)));
  if (traces.length > 0) lines.push('', '## Replay a killing counterexample', '', ...traces.map((t) => `- ${t}`));
  return `${lines.join('\n')}\n`;
}

/** What `slotcheck mutate` prints: a row per mutant, the survivors, the score. */
export function renderMutateTable(o: MutateOutcome, elapsedMs?: ReadonlyMap<string, { readonly explore: number; readonly random: number }>): string {
  const c = o.bound.config;
  const lines = [
    `${o.base.id} ${o.base.name}: ${o.mutants.length} mutants at ${c.lparCount} LPARs × ${c.slotCount} slot(s), fault budget ${c.faultBudget}, ${c.writeBudget} client writes; random ${o.bound.random.runs} runs, seed ${o.bound.random.seed}${o.bound.random.emulator ? '' : ' (model only)'}`,
  ];
  if (o.base.inconclusive !== null) lines.push(`  base check stopped short: ${o.base.inconclusive}`);
  if (o.base.failing.length > 0) lines.push(`  failing on the base (cannot kill): ${o.base.failing.join(', ')}`);
  const width = Math.max(12, ...o.mutants.map((m) => m.description.length)) + 2;
  const timed = elapsedMs !== undefined;
  lines.push(`  ${pad('mutant', 8)}${pad('status', 14)}${pad('by', 10)}${pad('short', 7)}${timed ? pad('time (explore + random)', 25) : ''}${pad('what changed', width)}killed by / why`);
  for (const m of o.mutants) {
    const detail = m.status === 'killed' ? killers(m) : m.status === 'inconclusive' ? m.inconclusive ?? '' : m.status === 'survived' ? survivorNote(m) : 'equivalent (properties/equivalent-mutants.json)';
    const t = elapsedMs?.get(m.id);
    const time = t === undefined ? '–' : `${(t.explore / 1000).toFixed(2)} s + ${(t.random / 1000).toFixed(2)} s`;
    lines.push(`  ${pad(m.id, 8)}${pad(m.status === 'survived' ? 'SURVIVED' : m.status === 'inconclusive' ? 'INCONCLUSIVE' : m.status, 14)}${pad(byWhat(m), 10)}${pad(shortestOf(m), 7)}${timed ? pad(time, 25) : ''}${pad(m.description, width)}${detail}`);
  }
  if (o.invalid.length > 0) lines.push(`  not mutants (the schema refuses them): ${o.invalid.map((m) => m.description).join('; ')}`);
  if (o.stale.length > 0) lines.push(`  stale justifications in properties/equivalent-mutants.json: ${o.stale.join('; ')}`);
  lines.push(`  ${scoreLine(o)}`);
  return lines.join('\n');
}
