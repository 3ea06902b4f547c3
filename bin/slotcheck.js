#!/usr/bin/env node
// Entry point for the `slotcheck` bin: the sources are TypeScript, loaded through tsx so that a
// fresh `npm ci` needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
