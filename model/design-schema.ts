import { z } from 'zod';
import { SCRIPT_STEPS, type Design } from './design.ts';

// The shape of a Design, checked field by field: used for user design files and for the design
// recorded in a trace. A problem names the field (and, for the script, the step).

const int = z.number().int();

export const designSchema = z.object({
  name: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'use lower-case letters, digits, dashes and underscores'),
  id: z.string().min(1),
  title: z.string().min(1),
  embodiment: z.enum(['lpar', 'ppar']),
  ports: z.enum(['single', 'multi']),
  sciSource: z.enum(['control-program', 'card-rom']),
  deviceErrorHotRemove: z.boolean(),
  addWhileEnabled: z.enum(['reassign', 'reject']),
  inflightDmaOnReassign: z.enum(['none', 'quiesce', 'epoch']),
  gateKeeperCache: z.enum(['none', 'invalidate-after-enable', 'invalidate-before-enable']),
  disableBlocksDma: z.boolean(),
  authorization: z.enum(['any', 'takeover-only', 'takeover-fenced']),
  sciWhenGpeDisabled: z.enum(['drop', 'latch']),
  ejectAck: z.enum(['not-required', 'required']),
  clientAck: z.enum(['after-durable', 'before-durable']),
  failoverScript: z.array(z.enum(SCRIPT_STEPS as [string, ...string[]], { message: `a script step is one of: ${SCRIPT_STEPS.join(', ')}` })).min(1),
  scriptSurvivesRestart: z.boolean(),
  takeoverArbitration: z.enum(['none', 'exclusive']),
  failoverVictims: z.enum(['service-owner', 'slot-holders', 'slot-holders-and-down']).optional(),
  scriptSlots: z.enum(['at-detection', 'current']).optional(),
  fenceRecheck: z.enum(['once', 'every-step']).optional(),
  concurrentTakeovers: z.enum(['all-proceed', 'slot-holder-first']).optional(),
  ownerOfRecordDetects: z.boolean().optional(),
  addPciToOwner: z.enum(['refuse', 'reenable']).optional(),
  recoveryBoundSteps: int.min(1).max(10_000).optional(),
  heartbeatPeriodTicks: int.min(1).max(100),
  heartbeatTimeoutTicks: int.min(1).max(1000),
  cpuActivePercent: int.min(0).max(100),
  cpuStandbyPercent: int.min(0).max(100),
  // Fields added after the mutant numbering of earlier bases was published go last, so those numbers stay.
  gateKeeperOrder: z.enum(['rewrite-then-enable', 'enable-then-rewrite']).optional(),
  quiesceBy: z.enum(['reset-at-add-pci', 'reset-at-rem-pci', 'drain-at-add-pci']).optional(),
  sciHandler: z.enum(['scan-every-slot', 'one-event-per-sci']).optional(),
  gpeStatusClear: z.enum(['write-1-to-clear', 'clear-on-read']).optional(),
  hotRemoveSci: z.enum(['raise', 'skip']).optional(),
  sciTrigger: z.enum(['level', 'edge']).optional(),
  clusterStepsPerTickAtFullCpu: int.min(1).max(100).optional(),
}).strict().superRefine((d, ctx) => {
  if (d.heartbeatTimeoutTicks < d.heartbeatPeriodTicks) {
    ctx.addIssue({ code: 'custom', path: ['heartbeatTimeoutTicks'], message: `a timeout (${d.heartbeatTimeoutTicks}) shorter than the heartbeat period (${d.heartbeatPeriodTicks}) declares every peer failed` });
  }
  const seen = new Set<string>();
  d.failoverScript.forEach((s, i) => {
    if (seen.has(s)) ctx.addIssue({ code: 'custom', path: ['failoverScript', i], message: `step "${s}" appears twice` });
    seen.add(s);
  });
});

export type DesignCheck = { readonly ok: true; readonly design: Design } | { readonly ok: false; readonly field: string; readonly message: string };

/** Check any value against the Design shape; the first problem names its field. */
export function checkDesign(value: unknown): DesignCheck {
  const parsed = designSchema.safeParse(value);
  if (parsed.success) return { ok: true, design: parsed.data as Design };
  const issue = parsed.error.issues[0]!;
  const field = issue.path.length === 0 ? '(the design)' : issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace('.[', '[');
  const message = issue.code === 'unrecognized_keys' ? `unknown parameter(s): ${issue.keys.join(', ')}` : issue.message;
  return { ok: false, field, message };
}
