import type { Command, Effect } from '../model/index.ts';
import { message, type ChartMessage } from './chart-message.ts';
import { at, type Plain } from './itf-decode.ts';

// The messages that follow a step's command: what changed in the control program's table and
// gate keeper, power, eject acknowledges (read from the states before and after), and the
// effects the model emitted (SCIs, GPE reads, DMA, disk writes, acknowledgements).

/** Takes each patent step number at most once, so that every number labels one message. */
export class StepNumbers {
  private readonly left: number[];
  constructor(steps: readonly number[]) {
    this.left = [...steps];
  }
  take(...wanted: number[]): number[] {
    const got: number[] = [];
    for (const w of wanted) {
      const i = this.left.indexOf(w);
      if (i >= 0) got.push(...this.left.splice(i, 1));
    }
    return got;
  }
  rest(): number[] {
    return this.left.splice(0);
  }
}

const L = (n: unknown) => `LPAR${String(n)}`;

/** Fig. 4's names for slot 0's table states, where there is one. */
function fig4(owner: Plain | undefined, enabled: Plain | undefined): string {
  if (owner === 0 && enabled === true) return ' (400)';
  if (owner === 0 && enabled === false) return ' (401)';
  if (owner === 1 && enabled === true) return ' (402)';
  return '';
}

/** Table, gate keeper, power and eject acknowledge: what the states before and after say happened. */
export function stateMessages(command: Command, before: Plain, after: Plain, numbers: StepNumbers, ppar: boolean): ChartMessage[] {
  const out: ChartMessage[] = [];
  const lpars = (at(after, 'lpars') as readonly Plain[] | undefined) ?? [];
  const slots = (at(after, 'slots') as readonly Plain[] | undefined) ?? [];
  lpars.forEach((_, i) => {
    const was = at(before, 'lpars', i, 'os');
    const now = at(after, 'lpars', i, 'os');
    if (was !== 'off' && now === 'off') out.push(message('cp', `os:${i}`, ppar ? 'SVP powers it off' : 'deactivate (power off)', 'power'));
    if (was === 'off' && now !== 'off') out.push(message('cp', `os:${i}`, ppar ? 'SVP powers it on' : 'activate (power on)', 'power'));
  });
  slots.forEach((_, s) => {
    const owner = at(after, 'slots', s, 'owner');
    const enabled = at(after, 'slots', s, 'enabled');
    if (owner !== at(before, 'slots', s, 'owner') || enabled !== at(before, 'slots', s, 'enabled')) {
      const table = `table: slot ${s} → ${owner === null ? 'nobody' : L(owner)}, flag ${enabled === true ? 1 : 0}${s === 0 ? fig4(owner, enabled) : ''}`;
      out.push(message('cp', 'cp', table, 'table', { steps: numbers.take(501, 502, 503, 601, 602) }));
    }
    const gk = at(after, 'slots', s, 'gateKeeper');
    if (!ppar && gk !== at(before, 'slots', s, 'gateKeeper')) {
      const fig8 = s === 0 && gk === 0 ? ' (Fig. 8 a)' : s === 0 && gk === 1 ? ' (Fig. 8 b)' : '';
      out.push(message('cp', 'cp', `gate keeper: slot ${s} → ${gk === null ? 'blocked' : `${L(gk)}'s window`}${fig8}`, 'table'));
    }
    const waited = at(before, 'slots', s, 'ejectAwaitingAck');
    if (waited !== null && waited !== undefined && at(after, 'slots', s, 'ejectAwaitingAck') === null && command.kind === 'guest_unmount') {
      out.push(message(`os:${Number(waited)}`, 'cp', `eject acknowledge, slot ${s}`, 'eject-ack'));
    }
  });
  if (command.kind === 'client_write') {
    slots.forEach((_, s) => {
      const io = at(after, 'slots', s, 'io');
      if (io !== null && io !== undefined && at(before, 'slots', s, 'io') === null) {
        out.push(message(`os:${command.lpar}`, `card:${s}`, `queue write ${String(at(io, 'writeId'))} on the card`, 'access'));
      }
    });
  }
  return out;
}

function sciMessage(e: Extract<Effect, { kind: 'sci' }>, command: Command, numbers: StepNumbers): ChartMessage {
  const what = e.event === 'insert' ? 'insertion' : 'eject request';
  const steps = numbers.take(e.event === 'insert' ? 504 : 603);
  if (e.result === 'to-rom') return message('cp', `card:${e.slot}`, `ask the ROM for an SCI (${what}) to ${L(e.lpar)}`, 'sci', { steps });
  const from = command.kind === 'rom_sci' || command.kind === 'device_error' ? (`card:${e.slot}` as const) : ('cp' as const);
  if (e.result === 'raised') return message(from, `os:${e.lpar}`, `SCI (${what})`, 'sci', { steps });
  if (e.result === 'latched') return message(from, `os:${e.lpar}`, `SCI (${what}) latched: GPE disabled`, 'sci', { steps });
  return message(from, `os:${e.lpar}`, `SCI (${what}) dropped: GPE disabled`, 'sci', { steps, blocked: true, alarm: true });
}

/** The messages of the effects the model emitted, in order; the command's own effects are left to the caller. */
export function effectMessages(effects: readonly Effect[], command: Command, numbers: StepNumbers): ChartMessage[] {
  const out: ChartMessage[] = [];
  for (const e of effects) {
    switch (e.kind) {
      case 'sci': out.push(sciMessage(e, command, numbers)); break;
      case 'gpe-read': {
        const insert = e.insertMask !== 0;
        const eject = e.ejectMask !== 0;
        out.push(message(`os:${e.lpar}`, 'cp', 'read the GPE register', 'gpe', { steps: numbers.take(505, 604) }));
        const answer = insert && eject ? 'insertion and eject request' : insert ? 'insertion' : eject ? 'eject request' : 'nothing pending';
        out.push(message('cp', `os:${e.lpar}`, `trap: "${answer}"`, 'reply', { steps: numbers.take(506, 605) }));
        break;
      }
      case 'access':
        if (e.result === 'gp-exception') out.push(message('cp', `os:${e.lpar}`, `general protection exception (${e.access})`, 'reply', { blocked: true }));
        if (e.result === 'no-device') out.push(message(`os:${e.lpar}`, `os:${e.lpar}`, `no device in slot ${e.slot}`, 'note', { blocked: true }));
        break;
      case 'dma': {
        const own = e.issuer === null ? 'the card' : `${L(e.issuer)}'s I/O`;
        if (e.result === 'landed' && e.window !== null) out.push(message(`card:${e.slot}`, `os:${e.window}`, `DMA for ${own} → ${L(e.window)}'s window`, 'dma', { alarm: e.issuer !== e.window }));
        else if (e.result === 'blocked') out.push(message(`card:${e.slot}`, 'cp', `DMA blocked by the gate keeper: ${e.reason}`, 'dma', { blocked: true }));
        else out.push(message(`card:${e.slot}`, `card:${e.slot}`, `DMA dropped: ${e.reason}`, 'note', { blocked: true }));
        break;
      }
      case 'disk-write': out.push(message('card:0', 'disk', `write ${e.writeId} of ${L(e.writer)}${e.intact ? '' : ': data from the wrong window'}`, 'disk', { alarm: !e.intact })); break;
      case 'ack': out.push(message(`os:${e.lpar}`, `os:${e.lpar}`, `acknowledge write ${e.writeId} to the client`, 'note')); break;
      case 'io-aborted': out.push(message(`card:${e.slot}`, `card:${e.slot}`, `write ${e.writeId} of ${L(e.issuer)} aborted: ${e.reason}`, 'note')); break;
      case 'eject-done': out.push(message(`os:${e.lpar}`, `os:${e.lpar}`, `slot ${e.slot} ejected${e.cause === 'device-error' ? ' (device error, Fig. 17)' : ''}`, 'note')); break;
      case 'add-awaits-card': out.push(message('cp', 'cp', `slot ${e.slot} empty: ask the system manager for a card`, 'note', { steps: numbers.take(502) })); break;
      case 'failover-complete': out.push(message(`cl:${e.lpar}`, `cl:${e.lpar}`, `fail-over (${e.failoverCase}) complete: ${L(e.lpar)} active${e.falsePositive ? ' (false positive)' : ''}`, 'note')); break;
      case 'takeover-abandoned': out.push(message(`cl:${e.lpar}`, `cl:${e.lpar}`, `takeover of ${L(e.victim)} abandoned for ${L(e.by)}`, 'note')); break;
      case 'deact-ineffective': out.push(message(`os:${e.lpar}`, `os:${e.lpar}`, 'keeps running after deact', 'note', { alarm: true })); break;
      default: break; // patent-step, detect, script-command, service-start: the command's own message; the rest add nothing to see
    }
  }
  return out;
}
