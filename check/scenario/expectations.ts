import { isDeepStrictEqual } from 'node:util';
import type { ModelState } from '../../model/index.ts';
import type { PropertyVerdict } from './property-verdicts.ts';
import { parseStatePath, pathText, valueAt } from './state-path.ts';

// What a scenario file may expect, and how each expectation is judged against what the run did.

/** A step of the scenario: 0 is the initial state, n the state after the n-th command; `end` the last. */
export type StepRef = number | 'end';

/** A field of the model state at a step equals a value (compared as JSON values). */
export interface StateExpectation {
  readonly at: StepRef;
  readonly path: string;
  readonly equals: unknown;
}

/** A property breaks somewhere along the scenario, or at the given step (a liveness property: at the end). */
export interface BreakExpectation {
  readonly property: string;
  readonly at?: StepRef;
}

export interface ScenarioExpectations {
  readonly state?: readonly StateExpectation[];
  /** Properties that hold for the whole scenario; `all others`: every property the design has that `breaks` does not name. */
  readonly holds?: readonly string[] | 'all others';
  readonly breaks?: readonly BreakExpectation[];
  /** Witnesses (WIT-*) some step must reach: the scenario went through the case it is about. */
  readonly reaches?: readonly string[];
}

export interface ExpectationResult {
  readonly kind: 'state' | 'breaks' | 'holds' | 'reaches';
  /** The expectation in words, e.g. `at the end (step 4): slots.0.owner = 1`. */
  readonly expected: string;
  readonly met: boolean;
  /** What the run showed, e.g. `0` or `INV-09 holds`. */
  readonly actual: string;
}

/** What the run did that expectations are judged against. */
export interface ScenarioFacts {
  /** The initial state, then the state after each command. */
  readonly states: readonly ModelState[];
  readonly properties: readonly PropertyVerdict[];
  /** Per step (index 1…n at position 0…n−1), the witnesses it reached. */
  readonly witnesses: readonly (readonly string[])[];
}

const stepOf = (at: StepRef, last: number) => (at === 'end' ? last : at);
const where = (at: StepRef, last: number) => (at === 'end' ? `at the end (step ${last})` : `at step ${at}`);
const shown = (value: unknown) => (value === undefined ? '(absent)' : JSON.stringify(value));

export function verdictText(v: PropertyVerdict): string {
  switch (v.kind) {
    case 'holds': return `${v.id} holds`;
    case 'violated': return `${v.id} violated at step${v.at.length > 1 ? 's' : ''} ${v.at.join(', ')}: ${v.why}`;
    case 'undecided': return `${v.id} undecided: ${v.why}`;
    case 'n/a': return `${v.id} does not apply: ${v.why}`;
  }
}

function stateResult(e: StateExpectation, facts: ScenarioFacts): ExpectationResult {
  const last = facts.states.length - 1;
  const parsed = parseStatePath(e.path);
  const path = parsed.ok ? parsed.path : [];
  const value = parsed.ok ? valueAt(facts.states[stepOf(e.at, last)]!, path) : undefined;
  return { kind: 'state', expected: `${where(e.at, last)}: ${parsed.ok ? pathText(path) : e.path} = ${shown(e.equals)}`, met: value !== undefined && isDeepStrictEqual(value, e.equals), actual: shown(value) };
}

function breakResult(e: BreakExpectation, facts: ScenarioFacts): ExpectationResult {
  const last = facts.states.length - 1;
  const v = facts.properties.find((p) => p.id === e.property);
  const at = e.at === undefined ? null : stepOf(e.at, last);
  const met = v?.kind === 'violated' && (at === null || v.at.includes(at));
  return { kind: 'breaks', expected: `${e.property} breaks${e.at === undefined ? '' : ` ${where(e.at, last)}`}`, met, actual: v === undefined ? `${e.property} is not decided by a scenario` : verdictText(v) };
}

function holdsResult(id: string, facts: ScenarioFacts): ExpectationResult {
  const v = facts.properties.find((p) => p.id === id);
  return { kind: 'holds', expected: `${id} holds`, met: v?.kind === 'holds', actual: v === undefined ? `${id} is not decided by a scenario` : verdictText(v) };
}

function reachesResult(id: string, facts: ScenarioFacts): ExpectationResult {
  const at = facts.witnesses.flatMap((ids, i) => (ids.includes(id) ? [i + 1] : []));
  return { kind: 'reaches', expected: `${id} reached`, met: at.length > 0, actual: at.length === 0 ? `${id} not reached` : `${id} reached at step ${at.join(', ')}` };
}

/** Each expectation, judged, in the order state, breaks, holds, reaches (as a file lists them). */
export function judgeExpectations(expect: ScenarioExpectations, facts: ScenarioFacts): ExpectationResult[] {
  const breaks = expect.breaks ?? [];
  const named = new Set(breaks.map((b) => b.property));
  const holds = expect.holds === 'all others'
    ? facts.properties.filter((p) => p.kind !== 'n/a' && !named.has(p.id)).map((p) => p.id)
    : expect.holds ?? [];
  return [
    ...(expect.state ?? []).map((e) => stateResult(e, facts)),
    ...breaks.map((e) => breakResult(e, facts)),
    ...holds.map((id) => holdsResult(id, facts)),
    ...(expect.reaches ?? []).map((id) => reachesResult(id, facts)),
  ];
}
