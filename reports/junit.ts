import type { MutantRow, MutateOutcome } from '../check/mutate/mutate-report.ts';
import { propertyById } from '../properties/catalogue.ts';
import { CONFORMANCE } from '../properties/conformance.ts';
import { escXml as esc } from './html-escape.ts';
import { replayCommand } from './trace.ts';
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
  if (verdict.kind === 'pass') return { xml: rows.some((r) => r.row.verdict === 'pass (probabilistic)') ? `    ${open}>\n      <system-out>${esc(`PROBABILISTIC pass: ${rows.map((r) => `${r.row.verdict} (${r.method})`).join('; ')}`)}</system-out>\n    </testcase>` : `    ${open}/>`, verdict };
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

/** The <testsuites> document around its suites, with their totals. */
function testSuites(name: string, suites: readonly { readonly xml: string; readonly tests: number; readonly failures: number; readonly errors: number }[]): string {
  const sum = (k: 'tests' | 'failures' | 'errors') => suites.reduce((a, s) => a + s[k], 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${esc(name)}" tests="${sum('tests')}" failures="${sum('failures')}" errors="${sum('errors')}">`,
    ...suites.map((s) => s.xml),
    '</testsuites>',
    '',
  ].join('\n');
}

/** The JUnit XML document of a report's designs; `name` is the run's name (e.g. "slotcheck run"). */
export function junitReport(input: ReportInput, name = input.title ?? 'slotcheck'): string {
  const suites = reportDesigns(input).map(testSuite);
  return testSuites(name, suites);
}

// `slotcheck mutate --junit FILE`: a <testsuite> per mutant (a variant of the design), a
// <testcase> per property that kills it, passing, with the trace and replay line in <system-out>:
// the catalogue tells that mutant apart. A mutant no property kills has one case for itself:
// <failure> when it survives unexplained (what makes the exit code 1), <error> when its check
// stopped short (3), <skipped> when properties/equivalent-mutants.json justifies it. A base whose
// check stopped short is an <error> suite of its own. CI then fails exactly when `mutate` does.

function mutantCase(o: MutateOutcome, m: MutantRow): string[] {
  const classname = esc(`slotcheck.mutate.${m.design.name}`);
  if (m.status === 'killed') {
    return m.killing.map((k) => {
      const traces = [k.traces.explorer, k.traces.random].filter((t): t is string => t !== null);
      const out = [`${k.id} kills ${m.id}: ${k.why}`, ...(k.explorerSteps === null ? [] : [`explorer: ${k.explorerSteps} steps`]), ...(k.randomSteps === null ? [] : [`random suite: ${k.randomSteps} steps`]), ...traces.flatMap((t) => [`trace: ${t}`, `replay: ${replayCommand(t)}`])];
      return `    <testcase name="${esc(`${k.id}: ${propertyById(k.id)?.name ?? CONFORMANCE.name}`)}" classname="${classname}">\n      <system-out>${esc(out.join('\n'))}</system-out>\n    </testcase>`;
    });
  }
  const name = `    <testcase name="${esc(`${m.id} is told apart from ${o.base.name}`)}" classname="${classname}">`;
  const body = m.status === 'equivalent'
    ? `<skipped message="${esc(`equivalent: ${m.equivalentReason ?? ''}`)}"/>`
    : m.status === 'inconclusive'
      ? `<error message="${esc(`inconclusive: ${m.inconclusive ?? ''}`)}" type="inconclusive"/>`
      : `<failure message="${esc(`${m.id} survives: no property tells it from ${o.base.name}`)}" type="survived">${esc(`${m.description}\nno property fails on it that holds on ${o.base.name}; justify it in properties/equivalent-mutants.json if it is equivalent, or it is a gap in the catalogue${m.lostWitnesses.length === 0 ? '' : `\nwitnesses it loses: ${m.lostWitnesses.join(', ')}`}`)}</failure>`;
  return [`${name}\n      ${body}\n    </testcase>`];
}

/** The JUnit XML of a mutate run (see above); `name` is the run's name. */
export function mutateJunitReport(o: MutateOutcome, name = `slotcheck mutate ${o.base.name}`): string {
  const suites = o.mutants.map((m) => {
    const cases = mutantCase(o, m);
    const counts = { failures: m.status === 'survived' ? 1 : 0, errors: m.status === 'inconclusive' ? 1 : 0, skipped: m.status === 'equivalent' ? 1 : 0 };
    const head = `  <testsuite name="${esc(`${m.id} ${m.design.name}`)}" tests="${cases.length}" failures="${counts.failures}" errors="${counts.errors}" skipped="${counts.skipped}" package="slotcheck.mutate">`;
    const props = `    <properties>\n      <property name="changed" value="${esc([m.description, ...m.alsoAs].join(' = '))}"/>\n      <property name="status" value="${esc(m.status)}"/>\n    </properties>`;
    return { xml: [head, props, ...cases, '  </testsuite>'].join('\n'), tests: cases.length, ...counts };
  });
  if (o.base.inconclusive !== null) {
    const xml = `  <testsuite name="${esc(`base ${o.base.id} ${o.base.name}`)}" tests="1" failures="0" errors="1" skipped="0" package="slotcheck.mutate">\n    <testcase name="${esc(`the checks of ${o.base.name} ran to the end`)}" classname="${esc(`slotcheck.mutate.${o.base.name}`)}">\n      <error message="${esc(`inconclusive: ${o.base.inconclusive}`)}" type="inconclusive"/>\n    </testcase>\n  </testsuite>`;
    suites.unshift({ xml, tests: 1, failures: 0, errors: 1, skipped: 0 });
  }
  return testSuites(name, suites);
}
