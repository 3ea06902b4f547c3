import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { defineDesign, DesignError, type DesignSpec } from '../model/define-design.ts';
import { checkDesign } from '../model/design-schema.ts';
import { builtInDesign, BUILT_IN_DESIGNS, type Design } from '../model/index.ts';
import { siblingModule, startWorkerThread } from '../check/worker.ts';
import { describeThrown, type DesignWorkerReply } from './design-worker-protocol.ts';
import { canonicalJson } from '../reports/canonical-json.ts';
import { CliError } from './errors.ts';

const FILE_EXTENSIONS = ['.ts', '.mts', '.js', '.mjs', '.json'];

export function looksLikePath(name: string): boolean {
  return name.includes('/') || name.includes('\\') || FILE_EXTENSIONS.includes(extname(name));
}

const FIX_FIELD = 'fix that field; `defineDesign` in a .ts file, or a JSON object with "extends", "name", "title" and the parameters to change';

function fileError(file: string, field: string, message: string, fix = FIX_FIELD): CliError {
  return new CliError('SC007', `design file "${file}": ${field}: ${message}`, fix);
}

/**
 * Why a design module did not load, whole: a syntax error's location and message are on the lines
 * after the first. A file outside any package loads as CommonJS, where the SyntaxError has no
 * location; compiling it again on its own (tsx's `tsImport`, for this message only, in a worker
 * of its own like the first) gives one.
 */
async function loadError(file: string, path: string, message: string, syntax: boolean): Promise<CliError> {
  let text = message;
  if (syntax) {
    const again = await runDesignModule(`${pathToFileURL(path).href}?diagnose`, DESIGN_LOAD_TIMEOUT_MS);
    if (again.kind === 'load-failed') text = again.message;
  }
  const lines = stripVTControlCharacters(text).replace(/\?(v=[0-9a-f]+|diagnose)/g, '').split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const shown = lines.slice(0, 6).join('\n    ');
  if (/Cannot find (package|module) 'slotcheck'/.test(message)) {
    return fileError(file, '(the module)', `does not load: ${shown}`, "`import { defineDesign } from 'slotcheck'` resolves only where slotcheck is installed (`npm install slotcheck`, or inside its checkout): keep the file there, or write the design as JSON (\"extends\", \"name\", \"title\" and the parameters to change), which loads from anywhere");
  }
  return fileError(file, '(the module)', `does not load: ${shown}`, 'fix the module so that it loads (the error above says where), then export default defineDesign({...})');
}

function fromValue(file: string, value: unknown): Design {
  const design = parsedDesign(file, value);
  // Certificates, traces and reports are filed by design name: a file may not take a built-in's.
  const clash = BUILT_IN_DESIGNS.find((d) => d.name === design.name || d.id === design.name);
  if (clash !== undefined) throw fileError(file, 'name', `"${design.name}" is the built-in design ${clash.id} ${clash.name}; give your design a name of its own`);
  const idClash = BUILT_IN_DESIGNS.find((d) => d.id === design.id);
  if (idClash !== undefined) throw fileError(file, 'id', `"${design.id}" is the id of the built-in design ${idClash.name}; leave "id" out (with "extends") or use "user"`);
  return design;
}

function parsedDesign(file: string, value: unknown): Design {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw fileError(file, '(the file)', 'a design is a JSON object');
  if ('extends' in value) {
    try {
      return defineDesign(value as DesignSpec);
    } catch (error) {
      if (error instanceof DesignError) throw fileError(file, error.field, error.message.slice(error.field.length + 2));
      throw error;
    }
  }
  if (!('id' in value)) throw fileError(file, 'extends', 'missing: name the built-in design yours changes ("extends": "hardened"), or give every parameter of a design');
  const checked = checkDesign(value);
  if (!checked.ok) throw fileError(file, checked.field, checked.message);
  return checked.design;
}

/** How long a design module may take to load, at most: one that never finishes is SC007, not a hang. */
export const DESIGN_LOAD_TIMEOUT_MS = 30_000;

const WORKER = siblingModule(import.meta.url, 'design-worker');

/** Run the module in a worker thread of its own (./design-worker.ts) and take back what it exported, as plain data. */
function runDesignModule(url: string, timeoutMs: number): Promise<DesignWorkerReply | { readonly kind: 'silent'; readonly code: number } | { readonly kind: 'timeout' }> {
  return new Promise((resolveReply) => {
    const worker = startWorkerThread(WORKER, { url });
    let reply: DesignWorkerReply | null = null;
    const timer = setTimeout(() => { void worker.terminate(); resolveReply({ kind: 'timeout' }); }, timeoutMs);
    worker.on('message', (m: DesignWorkerReply) => { reply ??= m; });
    worker.on('error', (error) => { reply ??= { kind: 'load-failed', message: describeThrown(error), syntax: false, designField: null }; });
    worker.on('exit', (code) => {
      clearTimeout(timer);
      resolveReply(reply ?? { kind: 'silent', code });
    });
  });
}

/** Load a design from a file: a module whose default export is a design, or a JSON design. */
export async function loadDesignFile(file: string, timeoutMs = DESIGN_LOAD_TIMEOUT_MS): Promise<Design> {
  const path = resolve(file);
  if (!existsSync(path)) throw new CliError('SC007', `design file "${file}" does not exist`, 'give a built-in design name, or the path of a .ts, .js or .json design file');
  if (extname(path) === '.json') {
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new CliError('SC004', `design file "${file}" is not JSON: ${(error as Error).message}`, 'fix the JSON syntax where the parser stopped, or write the design as a .ts file with defineDesign');
    }
    return fromValue(file, value);
  }
  // Keyed by content: a file edited since it was last imported is read again, not taken from the cache.
  const version = createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16);
  const reply = await runDesignModule(`${pathToFileURL(path).href}?v=${version}`, timeoutMs);
  switch (reply.kind) {
    case 'module':
      if (!reply.hasDefault || reply.value === undefined) {
        const named = reply.exportNames.length === 0 ? 'it exports nothing' : `it exports ${reply.exportNames.map((n) => `"${n}"`).join(', ')} but no default`;
        throw fileError(file, 'default export', `missing: ${named}`, 'end the module with `export default defineDesign({...})`');
      }
      return fromValue(file, reply.value);
    case 'load-failed':
      if (reply.designField !== null) throw fileError(file, reply.designField, reply.message.slice(reply.designField.length + 2));
      throw await loadError(file, path, reply.message, reply.syntax);
    case 'unreadable':
      throw fileError(file, 'default export', `cannot be read as a design: ${reply.message}`, 'export a plain object (defineDesign returns one): no getters that throw, no functions');
    case 'exited':
      throw fileError(file, '(the module)', `called process.exit(${reply.code}) while loading`, 'a design file only exports a design: remove the process.exit call (nothing it does can end slotcheck or pass for a verdict)');
    case 'silent':
      throw fileError(file, '(the module)', 'never finished loading: its top-level await never settled', 'make every top-level await in the design file settle (or remove it), then export default defineDesign({...})');
    case 'timeout':
      throw fileError(file, '(the module)', `did not finish loading within ${timeoutMs / 1000} s`, 'a design file only exports a design: remove the loop or the wait that keeps it from finishing');
  }
}

/** A built-in design by name or DSN id, or a design file; SC003 / SC007 otherwise. */
export async function resolveDesign(name: string): Promise<Design> {
  if (looksLikePath(name)) return loadDesignFile(name);
  const found = builtInDesign(name);
  if (found !== undefined) return found;
  throw new CliError('SC003', `there is no design "${name}"`, `use one of: ${BUILT_IN_DESIGNS.map((d) => `${d.name} (${d.id})`).join(', ')}, or the path of a design file`);
}

/** Each design with the name or path the user gave for it (to print commands that reproduce). */
export interface NamedDesign {
  readonly given: string;
  readonly design: Design;
}

export async function resolveDesigns(names: readonly string[] | undefined): Promise<NamedDesign[]> {
  if (names === undefined || names.length === 0) return BUILT_IN_DESIGNS.map((design) => ({ given: design.name, design }));
  const out: NamedDesign[] = [];
  for (const given of names) {
    const design = await resolveDesign(given);
    const same = out.find((d) => d.design.name === design.name);
    if (same === undefined) out.push({ given, design });
    // `--design DSN-06 --design hardened` is one design; two different designs of one name would share traces and certificates.
    else if (canonicalJson(same.design) !== canonicalJson(design)) {
      throw new CliError('SC007', `"${same.given}" and "${given}" are two different designs named "${design.name}"`, 'give each design a name of its own (traces, summaries and certificates are filed by name), or pass one of them');
    }
  }
  return out;
}
