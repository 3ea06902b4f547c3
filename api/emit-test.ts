import { readFileSync } from 'node:fs';
import { builtInDesign, type Design } from '../model/index.ts';
import { designHash } from '../reports/design-hash.ts';
import { DEFAULT_IMPORT, EXPECTATIONS, emittedTestSource, type Expectation, type RenderedPin } from '../reports/emit-test.ts';
import { OutputFiles } from '../reports/output-files.ts';
import { resolveDesignInputs, type DesignInput } from './designs.ts';
import { SlotcheckError } from './errors.ts';
import { readTrace, replay, type ReplayResult } from './replay.ts';

// A regression test from a trace (`slotcheck replay TRACE --emit-test FILE`): replay the trace
// once, then write a vitest test that replays it again through the public `replay` and asserts
// the verdict it pins. The test source is rendered by reports/emit-test.ts.

/** One assertion of an emitted test: the trace's verdict on its own design, or on `design`. */
export interface EmitPin {
  readonly expect: Expectation;
  /** Replay the trace's commands on this design instead (as `replay --design`); a built-in is named in the test, another design embedded. */
  readonly design?: DesignInput;
}

export interface EmitTestOptions {
  /** `violated` pins a finding, `holds` a fix; default: what the replay finds now. */
  readonly expect?: Expectation;
  /** Replay the trace's commands on this design (a fix), as `replay --design`. */
  readonly design?: DesignInput;
  /** Several assertions over the one embedded trace (a finding and its fix); replaces `expect` and `design`. */
  readonly pins?: readonly EmitPin[];
  /** Where the test imports `replay` from (default 'slotcheck', the package); inside this repository a relative path to index.ts. */
  readonly importFrom?: string;
  /** What wrote the test, for its header (default: the `slotcheck replay` line). */
  readonly writtenBy?: string;
  /** Extra header lines: what the test pins, in words. */
  readonly about?: readonly string[];
}

export interface EmittedTest {
  readonly source: string;
  /** Each assertion, with the design it replays on and what the replay found now. */
  readonly pins: readonly { readonly expect: Expectation; readonly design: string; readonly replay: ReplayResult; readonly passesNow: boolean }[];
  /** Whether the test passes now: every replay found what it asserts (an emitted test may pin a fix not made yet). */
  readonly passesNow: boolean;
}

/** An expectation given as text (a CLI option): SC002 unless `violated` or `holds`. */
export function expectationOf(raw: string, option = 'expect'): Expectation {
  if ((EXPECTATIONS as readonly string[]).includes(raw)) return raw as Expectation;
  throw new SlotcheckError('SC002', `${option} is "${raw}"`, `give ${option} ${EXPECTATIONS.join(' or ')}: violated pins a finding (the property must still break), holds pins a fix`);
}

/** The file name vitest finds by default (`*.test.ts`, `*.spec.js`, …); SC002 otherwise. */
export function testFileName(file: string, option = 'emit-test'): string {
  if (/\.(test|spec)\.[cm]?[jt]s$/.test(file)) return file;
  throw new SlotcheckError('SC002', `--${option} is "${file}", which vitest does not run by default`, `name the file *.test.ts (or *.test.js), e.g. --${option} test/pinned/INV-09.test.ts`);
}

/** The trace's JSON as written, to embed (readTrace has checked it already). */
function rawTrace(traceInput: string | unknown): unknown {
  return typeof traceInput === 'string' ? JSON.parse(readFileSync(traceInput, 'utf8')) : traceInput;
}

/** A built-in design is named in the test (it follows the tool); any other is embedded whole. */
function replayOn(design: Design): { readonly name: string; readonly embed: Design | null } {
  const builtIn = builtInDesign(design.name);
  return { name: design.name, embed: builtIn !== undefined && designHash(builtIn) === designHash(design) ? null : design };
}

const shellWord = (word: string) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`);

/** The source of a vitest test that replays the trace (a file or a parsed trace) and pins its verdict. */
export function emitTest(traceInput: string | unknown, options: EmitTestOptions = {}): Promise<EmittedTest> {
  return emit(traceInput, options, null);
}

async function emit(traceInput: string | unknown, options: EmitTestOptions, file: string | null): Promise<EmittedTest> {
  const importFrom = options.importFrom ?? DEFAULT_IMPORT;
  if (importFrom.trim() === '') throw new SlotcheckError('SC002', 'importFrom is ""', `give the module the test imports replay from: ${DEFAULT_IMPORT} (the package), or a path such as ../index.ts`);
  const trace = readTrace(traceInput);
  const asked = options.pins ?? [{ ...(options.expect === undefined ? {} : { expect: options.expect }), ...(options.design === undefined ? {} : { design: options.design }) }];
  if (asked.length === 0) throw new SlotcheckError('SC002', 'pins is empty', 'give at least one pin: { expect: "violated" } pins the finding');
  const pins: EmittedTest['pins'][number][] = [];
  const rendered: RenderedPin[] = [];
  const given: (string | null)[] = [];
  for (const pin of asked) {
    if (pin.expect !== undefined) expectationOf(pin.expect);
    const other = pin.design === undefined ? null : resolveDesignInputs([pin.design])[0]!;
    given.push(other?.given ?? null);
    const result = await replay(traceInput, other === null ? {} : { design: other });
    const expect = pin.expect ?? (result.verdict.kind === 'violated' ? 'violated' : 'holds');
    const violatedAt = expect === 'holds' ? null : result.verdict.kind === 'violated' ? result.verdict.at : trace.meta.violationStep;
    pins.push({ expect, design: other?.design.name ?? trace.design.name, replay: result, passesNow: result.verdict.kind === expect });
    rendered.push({ expect, on: other === null ? null : replayOn(other.design), violatedAt });
  }
  // The command line that writes this test again (several pins have none).
  const writtenBy = options.writtenBy ?? (asked.length > 1 ? "slotcheck's emitTest" : [
    'slotcheck replay', typeof traceInput === 'string' ? shellWord(traceInput) : 'TRACE', ...(given[0] == null ? [] : ['--design', shellWord(given[0])]),
    '--emit-test', file === null ? 'FILE' : shellWord(file), '--expect', pins[0]!.expect, ...(importFrom === DEFAULT_IMPORT ? [] : ['--import-from', shellWord(importFrom)]),
  ].join(' '));
  const source = emittedTestSource({
    trace: rawTrace(traceInput),
    property: { id: trace.meta.property.id, name: trace.meta.property.name },
    traceDesign: trace.design.name,
    pins: rendered, importFrom, writtenBy, about: options.about ?? [],
  });
  return { source, pins, passesNow: pins.every((p) => p.passesNow) };
}

/** `emitTest`, written to `file` atomically (whole or not at all); SC008 when it cannot be written. */
export async function emitTestFile(traceInput: string | unknown, file: string, options: EmitTestOptions = {}): Promise<EmittedTest & { readonly file: string }> {
  testFileName(file);
  const emitted = await emit(traceInput, options, file);
  const out = new OutputFiles();
  out.add(file, emitted.source);
  try {
    out.commit();
  } catch (error) {
    const { code, syscall } = error as NodeJS.ErrnoException;
    throw new SlotcheckError('SC008', `cannot write the test to "${file}" (${code ?? String(error)}${syscall === undefined ? '' : ` in ${syscall}`})`, 'give --emit-test a file path you can write to, with no file where a directory must go');
  }
  return { ...emitted, file };
}
