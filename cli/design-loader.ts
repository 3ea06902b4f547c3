import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { tsImport } from 'tsx/esm/api';
import { defineDesign, DesignError, type DesignSpec } from '../model/define-design.ts';
import { checkDesign } from '../model/design-schema.ts';
import { builtInDesign, BUILT_IN_DESIGNS, type Design } from '../model/index.ts';
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
 * location; compiling it again on its own (tsx's `tsImport`, for this message only) gives one.
 */
async function loadError(file: string, path: string, error: Error): Promise<CliError> {
  let cause = error;
  if (error instanceof SyntaxError) {
    try {
      await tsImport(`${pathToFileURL(path).href}?diagnose`, import.meta.url);
    } catch (located) {
      cause = located as Error;
    }
  }
  const text = stripVTControlCharacters(cause.message).replace(/\?(v=[0-9a-f]+|diagnose)/g, '');
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const shown = lines.slice(0, 6).join('\n    ');
  if (/Cannot find (package|module) 'slotcheck'/.test(error.message)) {
    return fileError(file, '(the module)', `does not load: ${shown}`, "`import { defineDesign } from 'slotcheck'` resolves only inside the slotcheck checkout (or a project that has slotcheck installed): keep the file there, or write the design as JSON (\"extends\", \"name\", \"title\" and the parameters to change), which loads from anywhere");
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

/** Load a design from a file: a module whose default export is a design, or a JSON design. */
export async function loadDesignFile(file: string): Promise<Design> {
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
  let module: Record<string, unknown>;
  try {
    // Keyed by content: a file edited since it was last imported is read again, not taken from the cache.
    const version = createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16);
    module = (await import(`${pathToFileURL(path).href}?v=${version}`)) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof DesignError) throw fileError(file, error.field, error.message.slice(error.field.length + 2));
    throw await loadError(file, path, error as Error);
  }
  const exported = module.default ?? module.design;
  if (exported === undefined) throw fileError(file, 'default export', 'the module must `export default defineDesign({...})`');
  return fromValue(file, exported);
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
    if (!out.some((d) => d.design.name === design.name)) out.push({ given, design }); // `--design DSN-06 --design hardened` is one design
  }
  return out;
}
