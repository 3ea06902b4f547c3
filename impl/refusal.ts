import type { RejectCode } from '../model/index.ts';

/** Why the emulator refused a command: the same codes the model uses; messages are its own. */
export interface Refusal {
  readonly code: RejectCode;
  readonly message: string;
}

export function refuse(code: RejectCode, message: string): Refusal {
  return { code, message };
}

export function notEnabled(message: string): Refusal {
  return { code: 'not-enabled', message };
}
