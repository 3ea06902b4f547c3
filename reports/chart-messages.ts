import { FAULT_IDS, categoryOf, type Command, type Effect } from '../model/index.ts';
import type { ActorId } from './chart-actors.ts';
import { commandText, patentStepsOf } from './chart-labels.ts';
import { message, type ChartMessage } from './chart-message.ts';
import { effectMessages, stateMessages, StepNumbers } from './chart-effects.ts';
import { stateBefore, type ChartStep, type ChartTrace } from './chart-trace.ts';
import { at, fromItf, type Plain } from './itf-decode.ts';

// A step of a trace as the arrows of a time chart: the command first (who sends what to whom),
// then what the control program did (table, gate keeper, power), then the interrupts, register
// reads, DMA and disk writes that followed. Every patent step number the step went through
// labels exactly one of its messages.

const L = (n: number) => `LPAR${n}`;

/** The messages a cluster_step stands for: detect, a script command, start, or the 1108 request. */
function clusterMessages(step: ChartStep, lpar: number, before: Plain, after: Plain): ChartMessage[] {
  const self: ActorId = `cl:${lpar}`;
  const e = (kind: Effect['kind']) => step.effects.find((x) => x.kind === kind);
  const detect = e('detect');
  if (detect?.kind === 'detect') return [message(self, self, `detect: ${L(detect.victim)} failed${detect.falsePositive ? ' (it was alive: false positive)' : ''}`, 'note')];
  const scripted = e('script-command');
  if (scripted?.kind === 'script-command') {
    const refused = scripted.outcome.kind === 'rejected' ? ` → refused ${scripted.outcome.code}` : '';
    return [message(self, 'cp', `${commandText(scripted.command)}${refused}`, 'command', { blocked: refused !== '' })];
  }
  if (e('service-start') !== undefined) return [message(self, `os:${lpar}`, 'disk access confirmed: start the service', 'command')];
  if (patentStepsOf(step.effects).includes(1108)) {
    const lpars = (at(after, 'lpars') as readonly Plain[] | undefined) ?? [];
    const victim = lpars.findIndex((_, i) => at(after, 'lpars', i, 'shutdownRequested') === true && at(before, 'lpars', i, 'shutdownRequested') !== true);
    return [message(self, victim < 0 ? self : `os:${victim}`, 'stop the service and shut down', 'command')];
  }
  const what = step.label.includes(': ') ? step.label.slice(step.label.indexOf(': ') + 2) : step.label;
  return [message(self, self, what, 'note', { blocked: step.outcome.kind === 'rejected' })];
}

/** The command's own message(s): who sends it to whom, or whom a fault strikes. */
function commandMessages(step: ChartStep, before: Plain, after: Plain, lastActor: ActorId): ChartMessage[] {
  const c: Command = step.command;
  const fault = FAULT_IDS[c.kind] ?? null;
  switch (c.kind) {
    case 'deact': case 'act': case 'rem_pci': case 'add_pci':
      return [message(`os:${c.issuer}`, 'cp', `${commandText(c)} (issued directly)`, 'command', { fault })];
    case 'cluster_step': return clusterMessages(step, c.lpar, before, after);
    case 'guest_sci': return [];
    case 'guest_configure': return [message(`os:${c.lpar}`, `card:${c.slot}`, 'ACPI routine: configure the device', 'access')];
    case 'guest_mount': return [message(`os:${c.lpar}`, `card:${c.slot}`, 'mount the disk', 'access')];
    case 'guest_unmount': return [message(`os:${c.lpar}`, `os:${c.lpar}`, `stop using slot ${c.slot}, unmount`, 'note')];
    case 'guest_shutdown': return [message(`os:${c.lpar}`, `os:${c.lpar}`, 'stop the service, shut down', 'note')];
    case 'device_dma': case 'rom_sci': return [];
    case 'gk_flush': return [message('cp', 'cp', `gate keeper: cached translation of slot ${c.slot} invalidated`, 'table')];
    case 'tick': return [message('cl:0', lastActor, 'a heartbeat period passes', 'time')];
    case 'client_write': return [message(`os:${c.lpar}`, `os:${c.lpar}`, 'a client sends a write', 'note')];
    case 'card_insert': return [message(`card:${c.slot}`, `card:${c.slot}`, 'the system manager inserts a card', 'note')];
    case 'resume': case 'gpe_enable': return [message(`os:${c.lpar}`, `os:${c.lpar}`, c.kind === 'resume' ? 'resumes' : 'GPE enabled again', 'note')];
    case 'hb_restore': case 'cluster_restart': return [message(`cl:${c.lpar}`, `cl:${c.lpar}`, c.kind === 'hb_restore' ? 'heartbeats get through again' : 'clustering program restarted', 'note')];
    case 'hb_loss': case 'cluster_die': return [message(`cl:${c.lpar}`, `cl:${c.lpar}`, c.kind === 'hb_loss' ? 'heartbeats lost' : 'clustering program dies', 'fault', { fault })];
    case 'device_error': case 'card_pull': return [message(`card:${c.slot}`, `card:${c.slot}`, c.kind === 'device_error' ? 'unrecoverable disk error' : 'card pulled', 'fault', { fault })];
    case 'stale_eject_ack': return [message(`os:${c.lpar}`, 'cp', `eject acknowledge for slot ${c.slot} from a non-owner`, 'fault', { fault })];
    case 'stray_mmio': return [message(`os:${c.lpar}`, `card:${c.slot}`, 'MMIO access by a non-owner', 'fault', { fault })];
    case 'stray_dma': return [message(`card:${c.slot}`, `os:${c.window}`, `stray DMA into ${L(c.window)}'s window`, 'fault', { fault })];
    default: {
      const words: Record<string, string> = {
        os_crash: 'OS crashes', service_fail: 'service fails', pause: 'paused (slow)', gpe_disable: 'GPE disabled',
        spurious_sci: 'spurious SCI', deact_ineffective: 'its next deact will not power it off', os_reboot: 'reset with hot-plug pending',
      };
      return [message(`os:${c.lpar}`, `os:${c.lpar}`, words[c.kind] ?? c.kind, categoryOf(c.kind) === 'fault' ? 'fault' : 'note', { fault })];
    }
  }
}

/** Every message of one step, in the order they happen. */
export function stepMessages(chart: ChartTrace, step: ChartStep): ChartMessage[] {
  const before = fromItf(stateBefore(chart, step.index));
  const after = fromItf(step.state);
  const numbers = new StepNumbers(patentStepsOf(step.effects));
  const lastActor: ActorId = 'disk';
  const own = commandMessages(step, before, after, lastActor);
  // The script step's own number (1100–1109), 500/600 and the guest's steps label the command.
  const ownSteps = numbers.take(1100, 1101, 1102, 1103, 1104, 1105, 1106, 1107, 1108, 1109, 500, 600, 507, 508, 606);
  const ppar = chart.design.embodiment === 'ppar';
  const rest = [...stateMessages(step.command, before, after, numbers, ppar), ...effectMessages(step.effects, step.command, numbers)];
  const all = [...own, ...rest];
  const refused = step.outcome.kind === 'rejected' ? step.outcome : null;
  if (all.length === 0) {
    const who: ActorId = 'lpar' in step.command ? `os:${step.command.lpar}` : 'slot' in step.command ? `card:${step.command.slot}` : 'cp';
    all.push(message(who, who, refused === null ? commandText(step.command) : `${commandText(step.command)} → refused ${refused.code}`, 'note', { blocked: refused !== null }));
  } else if (refused !== null && own.length > 0 && !own[0]!.blocked) {
    all[0] = { ...all[0]!, text: `${all[0]!.text} → refused ${refused.code}`, blocked: true };
  }
  const first = all[0]!;
  all[0] = { ...first, steps: [...ownSteps, ...first.steps, ...numbers.rest()] };
  return all;
}
