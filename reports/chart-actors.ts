import type { Config } from '../model/index.ts';
import type { ChartTrace } from './chart-trace.ts';

// The columns of a time chart, as the patent draws them (Fig. 10, 11, 14–17): each LPAR's
// clustering program and guest OS, the control program with its PCI slot allocation table and
// gate keeper, the card in each slot, and the disk.

export type ActorId = `cl:${number}` | `os:${number}` | 'cp' | `card:${number}` | 'disk';

export interface Actor {
  readonly id: ActorId;
  /** The column's name. */
  readonly name: string;
  /** What it holds, under the name (the patent's reference numerals). */
  readonly detail: string;
  /** Which LPAR it belongs to, for grouping; null for the machine's own parts. */
  readonly lpar: number | null;
}

export function chartActors(chart: Pick<ChartTrace, 'config' | 'design'>): Actor[] {
  const c: Config = chart.config;
  const partition = chart.design.embodiment === 'ppar' ? 'PPAR' : 'LPAR';
  const actors: Actor[] = [];
  for (let i = 0; i < c.lparCount; i += 1) {
    actors.push({ id: `cl:${i}`, name: `${partition}${i} clustering`, detail: i < 2 ? `clustering program [${103 + i}]` : 'clustering program', lpar: i });
    actors.push({ id: `os:${i}`, name: `${partition}${i} OS`, detail: `guest OS${i} [206-${i}] · its memory window`, lpar: i });
  }
  actors.push({
    id: 'cp',
    name: chart.design.embodiment === 'ppar' ? 'control program · SVP' : 'control program',
    detail: chart.design.embodiment === 'ppar' ? 'service processor [941] · allocation table [950]' : '[107] · allocation table [108] · gate keeper [110]',
    lpar: null,
  });
  for (let s = 0; s < c.slotCount; s += 1) {
    actors.push({ id: `card:${s}`, name: `PCI card · slot ${s}`, detail: chart.design.sciSource === 'card-rom' ? 'card [1002] · with ROM [1003]' : 'single-port card [111]', lpar: null });
  }
  actors.push({ id: 'disk', name: 'disk', detail: 'disk unit [112] · on slot 0', lpar: null });
  return actors;
}

/** The column of an actor, for layout. */
export function actorIndex(actors: readonly Actor[], id: ActorId): number {
  const i = actors.findIndex((a) => a.id === id);
  return i < 0 ? 0 : i;
}
