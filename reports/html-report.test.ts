// Why: report.html and report.md are what a person keeps of a counterexample (issue 20). These
// tests pin what a reader relies on without a browser: the Fig. 10 scenario is drawn as the
// patent's time chart (its steps 1100…1105 and 500…508 on its arrows, in that order), a failing
// step carries the property's sentence, every string from a design is escaped, nothing is
// fetched, and the same input gives the same bytes. test/report-browser.test.ts drives the page.
import { describe, expect, test } from 'vitest';
import { chartFromCommands, FIG10_SCENARIO } from '../api/chart.ts';
import { lpar, slot, type Command } from '../model/index.ts';
import { defineDesign as define } from '../model/define-design.ts';
import { chartActors } from './chart-actors.ts';
import { stepMessages } from './chart-messages.ts';
import { htmlReport } from './html-report.ts';
import { FOLD_STEPS, markdownReport } from './markdown-report.ts';
import { mermaidText } from './mermaid-sequence.ts';

const XSS = '<img src=x onerror="window.pwned=1">';
const fig10 = chartFromCommands(FIG10_SCENARIO.design, FIG10_SCENARIO.commands, { title: FIG10_SCENARIO.title });
const xssDesign = define({ extends: 'patent-lpar-a', name: 'xss-design', title: XSS });
// F-01: add_pci takes the slot from a running owner; its OS keeps the disk mounted (INV-08 and INV-09 at step 1).
const f01: Command[] = [{ kind: 'add_pci', issuer: lpar(1), from: lpar(0), slot: slot(0) }, { kind: 'tick' }];
const broken = chartFromCommands(xssDesign, f01, { title: `F-01 ${XSS}` });

describe('the Fig. 10 scenario reads like the patent\'s Fig. 10', () => {
  test('every invariant holds along it, on the model and the emulator', () => {
    expect(fig10.property).toBeNull();
    expect(fig10.steps.every((s) => s.violations.length === 0 && s.outcome.kind === 'ok')).toBe(true);
  });

  test('the arrows carry 1100 … 1105 in the patent\'s order, with the hot-remove and hot-add steps inside', () => {
    const numbers = fig10.steps.flatMap((s) => stepMessages(fig10, s).flatMap((m) => m.steps));
    expect(numbers).toEqual([1100, 1101, 1102, 600, 601, 602, 1103, 500, 501, 503, 504, 505, 506, 507, 508, 1104, 1105]);
  });

  test('the commands go from LPAR1\'s clustering program to the control program, which powers LPAR0 off and on and raises the SCI to OS1', () => {
    const arrows = fig10.steps.flatMap((s) => stepMessages(fig10, s)).filter((m) => m.from !== m.to && m.kind !== 'time').map((m) => `${m.from}>${m.to} ${m.text}`);
    expect(arrows).toEqual([
      'cl:1>cp deact LPAR0', 'cp>os:0 deactivate (power off)', 'cl:1>cp rem_pci LPAR0 slot 0', 'cl:1>cp add_pci slot 0 from LPAR0',
      'cp>os:1 SCI (insertion)', 'os:1>cp read the GPE register', 'cp>os:1 trap: "insertion"', 'os:1>card:0 ACPI routine: configure the device',
      'os:1>card:0 mount the disk', 'cl:1>os:1 disk access confirmed: start the service', 'cl:1>cp act LPAR0', 'cp>os:0 activate (power on)',
    ]);
  });

  test('one column per actor: each LPAR\'s clustering program and OS, the control program, the card, the disk', () => {
    const html = htmlReport({ scenarios: [fig10] });
    expect(chartActors(fig10).map((a) => a.id)).toEqual(['cl:0', 'os:0', 'cl:1', 'os:1', 'cp', 'card:0', 'disk']);
    expect(html.match(/class="actor" data-actor=/g)).toHaveLength(7);
  });
});

describe('report.html', () => {
  const html = htmlReport({ title: XSS, scenarios: [fig10, broken] });

  test('escapes every string: a design titled with markup shows as text', () => {
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=&quot;window.pwned=1&quot;&gt;');
    // The state panel's JSON island cannot close its script element either.
    expect(html).not.toMatch(/<script type="application\/json"[^>]*>[^<]*<\/(?!script)/);
  });

  test('the failing step is marked and carries the property\'s sentence', () => {
    expect(broken.failingStep).toBe(1);
    expect(broken.property?.id).toBe('INV-08');
    expect(broken.steps[0]!.violations.map((v) => v.id)).toEqual(['INV-08', 'INV-09', 'INV-14']);
    expect(html).toMatch(/<g class="step failing broken" data-step="1">/);
    for (const v of broken.steps[0]!.violations) expect(html).toContain(`✗ ${v.id} broken: ${v.sentence.replace(/'/g, '&#39;')}`);
  });

  test('is standalone: no external script, style, image or font, nothing fetched', () => {
    expect(html).not.toMatch(/<(link|img|iframe)\b/);
    // Attribute values are all double-quoted and escaped: outside them no tag has a src.
    expect(html.replace(/"[^"]*"/g, '""')).not.toMatch(/<[a-z]+\s[^>]*\bsrc=/);
    expect(html).not.toMatch(/url\((?!#)/);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  test('the same input gives the same bytes', () => {
    const again = chartFromCommands(FIG10_SCENARIO.design, FIG10_SCENARIO.commands, { title: FIG10_SCENARIO.title });
    expect(htmlReport({ scenarios: [again] })).toBe(htmlReport({ scenarios: [fig10] }));
  });
});

describe('report.md', () => {
  test('a Mermaid sequenceDiagram per chart, with the failing step in a red rect', () => {
    const md = markdownReport({ scenarios: [broken] });
    expect(md).toContain('```mermaid\nsequenceDiagram\n  participant cl0 as LPAR0 clustering');
    expect(md).toMatch(/ {2}rect rgb\(255, 214, 214\)\n {2}os1->>cp: 1 ▸ ⚡ 500 {2}add_pci slot 0 from LPAR0 \(issued directly\)/);
    expect(md).not.toContain('<img');
  });

  test('a chart longer than FOLD_STEPS steps is folded in <details>', () => {
    expect(fig10.steps.length).toBe(FOLD_STEPS);
    const long = chartFromCommands(FIG10_SCENARIO.design, [...FIG10_SCENARIO.commands, { kind: 'tick' }]);
    expect(markdownReport({ scenarios: [fig10] })).not.toContain('<details>');
    expect(markdownReport({ scenarios: [long] })).toContain('<details>\n<summary>Time chart: 13 steps</summary>');
  });

  test('Mermaid text cannot end a statement, start a comment or carry markup', () => {
    expect(mermaidText('a;b %% c <br> #d')).toBe('a#59;b #37;#37; c #lt;br#gt; #35;d');
  });
});
