import type { ActorId } from './chart-actors.ts';

/** What a message is, for its style: commands solid, SCIs and replies dashed, notes boxed. */
export type MessageKind =
  | 'command' // a control command to the control program, or a request between programs
  | 'sci' //     a (logical) system control interrupt
  | 'gpe' //     the OS reads the GPE register
  | 'reply' //   the control program's answer to a GPE read
  | 'access' //  an OS touches the device (configure, mount, MMIO)
  | 'dma' //     the card's inbound access through the gate keeper
  | 'disk' //    the card writes the disk
  | 'power' //   the control program powers an LPAR off or on
  | 'eject-ack' // the OS acknowledges an eject
  | 'table' //   the allocation table or the gate keeper changes (a note on the control program)
  | 'note' //    something an actor does by itself
  | 'fault' //   an injected fault (FLT-*)
  | 'time'; //   a heartbeat period passes (a line across the chart)

/** One arrow (or, when `from` is `to`, one note) of a time chart. */
export interface ChartMessage {
  readonly from: ActorId;
  readonly to: ActorId;
  readonly text: string;
  /** The patent's step numbers this message stands for (500…1109). */
  readonly steps: readonly number[];
  readonly kind: MessageKind;
  /** The catalogue fault it injects, e.g. FLT-01. */
  readonly fault: string | null;
  /** Refused, blocked, dropped or raised a GP exception: drawn with a cross. */
  readonly blocked: boolean;
  /** Something went where it must not (DMA into another window, a corrupt disk write). */
  readonly alarm: boolean;
}

export function message(from: ActorId, to: ActorId, text: string, kind: MessageKind, more: Partial<Pick<ChartMessage, 'steps' | 'fault' | 'blocked' | 'alarm'>> = {}): ChartMessage {
  return { from, to, text, kind, steps: more.steps ?? [], fault: more.fault ?? null, blocked: more.blocked ?? false, alarm: more.alarm ?? false };
}

/** The message's text with its patent step numbers, as an arrow's label. */
export function messageLabel(m: ChartMessage): string {
  const steps = m.steps.length === 0 ? '' : `${m.steps.join(' · ')}  `;
  const fault = m.fault === null ? '' : ` [${m.fault}]`;
  return `${steps}${m.text}${fault}`;
}
