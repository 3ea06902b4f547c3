import { FAULT_IDS, type Command, type Effect, type Outcome } from '../model/index.ts';

// Commands and steps in words, as the charts, the Markdown and replay print them.

const L = (n: number) => `LPAR${n}`;

/** A command as the patent writes it: `rem_pci LPAR0 slot 0`, `add_pci slot 0 from LPAR0`. */
export function commandText(c: Command): string {
  switch (c.kind) {
    case 'deact': case 'act': return `${c.kind} ${L(c.target)}`;
    case 'rem_pci': return `rem_pci ${L(c.target)} slot ${c.slot}`;
    case 'add_pci': return `add_pci slot ${c.slot} from ${L(c.from)}`;
    case 'stray_dma': return `stray_dma slot ${c.slot} into ${L(c.window)}'s window`;
    case 'tick': return 'tick';
    default: {
      const parts: string[] = [c.kind];
      if ('lpar' in c) parts.push(L(c.lpar));
      if ('slot' in c) parts.push(`slot ${c.slot}`);
      return parts.join(' ');
    }
  }
}

/** Who issued a command, for a label: the control commands carry their issuer. */
export function issuerText(c: Command): string {
  return 'issuer' in c ? ` (by ${L(c.issuer)})` : '';
}

/** The patent step numbers a step went through, in order. */
export function patentStepsOf(effects: readonly Effect[]): number[] {
  return effects.flatMap((e) => (e.kind === 'patent-step' ? [e.step] : []));
}

const numbers = (steps: readonly number[]) => (steps.length === 0 ? '' : ` (${steps.join(', ')})`);

/**
 * A step in one line. A `cluster_step` names what the clustering program did: detect, the
 * script step it ran (deact, rem_pci, …, with its patent step number), or `script` when only
 * its name is known (`await-fenced` has no patent number); a refused step gives the reason.
 */
export function stepLabel(command: Command, effects: readonly Effect[], outcome: Outcome, scriptStep: string | null): string {
  const refused = outcome.kind === 'rejected' ? ` → refused ${outcome.code}` : '';
  const fault = FAULT_IDS[command.kind];
  if (command.kind !== 'cluster_step') {
    const tag = fault === undefined ? '' : ` [${fault}]`;
    return `${commandText(command)}${issuerText(command)}${numbers(patentStepsOf(effects))}${tag}${refused}`;
  }
  const who = `cluster ${L(command.lpar)}`;
  const detect = effects.find((e) => e.kind === 'detect');
  const scripted = effects.find((e) => e.kind === 'script-command');
  const steps = patentStepsOf(effects);
  if (detect !== undefined) return `${who}: detect ${L(detect.victim)} failed${numbers(steps)}${detect.falsePositive ? ' (false positive)' : ''}`;
  if (scripted !== undefined) {
    const inner = scripted.outcome.kind === 'rejected' ? ` → refused ${scripted.outcome.code}` : '';
    return `${who}: ${commandText(scripted.command)}${numbers(steps)}${inner}${refused}`;
  }
  if (effects.some((e) => e.kind === 'service-start')) return `${who}: start the service${numbers(steps)}`;
  if (steps.includes(1108)) return `${who}: request-shutdown (1108)`;
  return `${who}: ${scriptStep ?? 'script step'}${numbers(steps)}${refused}`;
}
