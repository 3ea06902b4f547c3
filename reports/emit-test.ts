import { canonicalJson } from './canonical-json.ts';

// `slotcheck replay TRACE --emit-test FILE`: a vitest test file that replays a trace through the
// library's `replay` and asserts that its property is still violated (a pinned finding) or now
// holds (a pinned fix), once per pin. The trace is embedded, so the test needs no file from
// reports/out; it is written one state per line, so that a change of the model shows as a change
// of the states it touched. A pure renderer: the API decides what to pin (api/emit-test.ts).

export const EXPECTATIONS = ['violated', 'holds'] as const;
export type Expectation = (typeof EXPECTATIONS)[number];

/** The package's name: what an emitted test imports `replay` from unless told otherwise. */
export const DEFAULT_IMPORT = 'slotcheck';

/** One assertion of the test: the verdict on the trace's design, or on another (a built-in by name, any other design embedded). */
export interface RenderedPin {
  readonly expect: Expectation;
  readonly on: { readonly name: string; readonly embed: unknown | null } | null;
  /** For `violated`: the step at which the property must break (0: the initial state). */
  readonly violatedAt: number | null;
}

export interface EmittedTestSource {
  /** The trace as written by slotcheck (parsed JSON), embedded whole. */
  readonly trace: unknown;
  readonly property: { readonly id: string; readonly name: string };
  /** The design the trace was written for, by name. */
  readonly traceDesign: string;
  readonly pins: readonly RenderedPin[];
  /** The module specifier `replay` is imported from. */
  readonly importFrom: string;
  /** What wrote the test (a command line), for its header. */
  readonly writtenBy: string;
  /** Extra header lines (what the trace pins, in words). */
  readonly about: readonly string[];
}

/** The embedded trace: top-level fields in canonical order, one line each, and each state on a line of its own. */
export function traceLiteral(trace: unknown): string {
  if (trace === null || typeof trace !== 'object' || Array.isArray(trace)) return canonicalJson(trace, 0);
  const fields = Object.entries(trace as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const lines = fields.map(([key, value]) => {
    const head = `  ${JSON.stringify(key)}: `;
    if (key !== 'states' || !Array.isArray(value) || value.length === 0) return `${head}${canonicalJson(value, 0)}`;
    return `${head}[\n${value.map((s) => `    ${canonicalJson(s, 0)}`).join(',\n')}\n  ]`;
  });
  return `{\n${lines.join(',\n')}\n}`;
}

/** A string literal in single quotes, as this code base writes them. */
const quoted = (text: string) => `'${JSON.stringify(text).slice(1, -1).replaceAll('\\"', '"').replaceAll("'", "\\'")}'`;

/** A pin's assertion in words: for the header and the test's name. */
function claim(s: EmittedTestSource, pin: RenderedPin): string {
  const on = pin.on?.name ?? s.traceDesign;
  return pin.expect === 'violated'
    ? `${s.property.id} is violated at step ${pin.violatedAt} on ${on}${pin.on === null ? '' : ` (the trace was found on ${s.traceDesign})`}`
    : `${s.property.id} holds along the trace's commands on ${on}`;
}

function testBlock(s: EmittedTestSource, pin: RenderedPin, embeddedName: string | null): string[] {
  const on = pin.on?.name ?? s.traceDesign;
  const designArg = pin.on === null ? '' : `, { design: ${embeddedName ?? quoted(pin.on.name)} }`;
  const check = pin.expect === 'violated'
    ? `expect(result.verdict, ${quoted(`${s.property.id} no longer breaks at step ${pin.violatedAt} on ${on}: if that is a fix, pin it with --expect holds`)}).toMatchObject({ kind: 'violated', at: ${pin.violatedAt} });`
    : `expect(result.verdict, ${quoted(`${s.property.id} breaks again on ${on}`)}).toEqual({ kind: 'holds' });`;
  return [
    '',
    `test(${quoted(`${claim(s, pin)}: ${s.property.name}`)}, async () => {`,
    `  const result = await replay(trace${designArg});`,
    `  ${check}`,
    '}, 60_000);',
  ];
}

/** The source text of the test file. */
export function emittedTestSource(s: EmittedTestSource): string {
  const embedded = s.pins.filter((p) => p.on !== null && p.on.embed !== null);
  const nameOf = (pin: RenderedPin) => (embedded.includes(pin) ? `design${embedded.indexOf(pin) + 1}` : null);
  const what = s.pins.map((p) => `${claim(s, p)}: ${p.expect === 'violated' ? 'a pinned finding' : 'a pinned fix'}.`);
  return [
    `// Written by \`${s.writtenBy}\`; write it again rather than edit it.`,
    `// It replays the trace below (embedded: it needs no other file) through slotcheck's \`replay\` and asserts`,
    ...what.map((line) => `// - ${line}`),
    ...s.about.flatMap((text) => text.split('\n')).map((line) => `// ${line}`),
    `import { expect, test } from 'vitest';`,
    `import { replay } from ${quoted(s.importFrom)};`,
    '',
    `const trace = ${traceLiteral(s.trace)};`,
    ...embedded.flatMap((p) => ['', `const ${nameOf(p)} = ${canonicalJson(p.on!.embed, 2).trimEnd()};`]),
    ...s.pins.flatMap((p) => testBlock(s, p, nameOf(p))),
    '',
  ].join('\n');
}
