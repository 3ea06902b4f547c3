import { escXml as esc } from './html-escape.ts';
import { reportDesigns, type ReportDesign, type ReportInput, type ReportRow } from './report-model.ts';

// JUnit XML for CI (`--junit FILE`): a <testsuite> per design, a <testcase> per property ID.
// A counterexample is a <failure> carrying the property's sentence, why, the trace and the line
// that replays it; inconclusive and unreached (exit code 3) are an <error>; not-applicable is
// <skipped/>. No times or timestamps: the same result gives the same bytes. Validated against
// the Jenkins xunit-plugin schema vendored in reports/junit.xsd.

type CaseVerdict = { readonly kind: 'pass' } | { readonly kind: 'skipped'; readonly note: string } | { readonly kind: 'failure' | 'error'; readonly rows: readonly { row: ReportRow; method: string }[] };

/** One property over every method that checked it: the worst verdict wins. */
function caseVerdict(rows: readonly { row: ReportRow; method: string }[]): CaseVerdict {
  const failed = rows.filter((r) => r.row.verdict === 'counterexample' || r.row.verdict === 'error');
  if (failed.length > 0) return { kind: 'failure', rows: failed };
  const open = rows.filter((r) => r.row.verdict === 'inconclusive' || r.row.verdict === 'unreached');
  if (open.length > 0) return { kind: 'error', rows: open };
  if (rows.every((r) => r.row.verdict === 'not-applicable')) return { kind: 'skipped', note: rows[0]?.row.note ?? '' };
  return { kind: 'pass' };
}

function failureBody(id: string, name: string, rows: readonly { row: ReportRow; method: string }[]): string {
  const lines = [`${id}: ${name}`];
  for (const { row, method } of rows) {
    lines.push('', `${row.verdict} (${method})`);
    const cx = row.counterexample;
    if (cx !== null) {
      lines.push(`why: ${cx.why}`, `steps: ${cx.steps}`);
      if (cx.trace !== null) lines.push(`trace: ${cx.trace}`);
      if (cx.replay !== null) lines.push(`replay: ${cx.replay}`);
    } else if (row.note !== '') {
      lines.push(row.note);
    }
    for (const f of row.findings) lines.push(`finding ${f}`);
  }
  return lines.join('\n');
}

function testCase(design: ReportDesign, id: string, rows: readonly { row: ReportRow; method: string }[]): { xml: string; verdict: CaseVerdict } {
  const name = rows[0]!.row.name;
  const verdict = caseVerdict(rows);
  const open = `<testcase name="${esc(`${id}: ${name}`)}" classname="${esc(`slotcheck.${design.name}`)}"`;
  if (verdict.kind === 'pass') return { xml: `    ${open}/>`, verdict };
  if (verdict.kind === 'skipped') return { xml: `    ${open}>\n      <skipped message="${esc(`not applicable: ${verdict.note}`)}"/>\n    </testcase>`, verdict };
  const first = verdict.rows[0]!.row;
  const message = first.counterexample === null ? `${id} ${first.verdict}` : `${id} violated: ${first.counterexample.why}`;
  const tag = verdict.kind;
  const type = verdict.kind === 'failure' ? 'counterexample' : first.verdict;
  return { xml: `    ${open}>\n      <${tag} message="${esc(message)}" type="${esc(type)}">${esc(failureBody(id, name, verdict.rows))}</${tag}>\n    </testcase>`, verdict };
}

function testSuite(design: ReportDesign): { xml: string; tests: number; failures: number; errors: number; skipped: number } {
  const byId = new Map<string, { row: ReportRow; method: string }[]>();
  for (const m of design.methods) for (const row of m.rows) {
    if (!byId.has(row.id)) byId.set(row.id, []);
    byId.get(row.id)!.push({ row, method: m.label });
  }
  const cases = [...byId].map(([id, rows]) => testCase(design, id, rows));
  const count = (kind: CaseVerdict['kind']) => cases.filter((c) => c.verdict.kind === kind).length;
  const totals = { tests: cases.length, failures: count('failure'), errors: count('error'), skipped: count('skipped') };
  const head = `  <testsuite name="${esc(`${design.id} ${design.name}`)}" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}" skipped="${totals.skipped}" package="slotcheck">`;
  const props = `    <properties>\n${design.methods.map((m, i) => `      <property name="method.${i + 1}" value="${esc(m.label)}"/>`).join('\n')}\n    </properties>`;
  return { xml: [head, props, ...cases.map((c) => c.xml), '  </testsuite>'].join('\n'), ...totals };
}

/** The JUnit XML document of a report's designs; `name` is the run's name (e.g. "slotcheck run"). */
export function junitReport(input: ReportInput, name = input.title ?? 'slotcheck'): string {
  const suites = reportDesigns(input).map(testSuite);
  const sum = (k: 'tests' | 'failures' | 'errors') => suites.reduce((a, s) => a + s[k], 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${esc(name)}" tests="${sum('tests')}" failures="${sum('failures')}" errors="${sum('errors')}">`,
    ...suites.map((s) => s.xml),
    '</testsuites>',
    '',
  ].join('\n');
}
