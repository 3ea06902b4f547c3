import { createHash } from 'node:crypto';
import type { Design } from '../model/index.ts';
import { canonicalJson } from './canonical-json.ts';

/** sha256 of the design's canonical JSON: what a certificate and a trace are tied to. */
export function designHash(design: Design): string {
  return createHash('sha256').update(canonicalJson(design, 0)).digest('hex');
}
