// Compiled validators on disk as Ajv standalone code, keyed by the spec entry's sha256 and the
// compiler's fingerprint, so a warm start loads code instead of compiling. Two files an entry: the code every start
// loads, and the full validator's, loaded when a record is first rejected. Best effort: a cache directory that cannot
// be written only costs a compile.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { writeFileAtomic, writeFileAtomicSync } from '../spec/atomic-write.js';
import { AJV_OPTIONS, COMPILER_REVISION, VALID_ONLY_OPTIONS } from './ajv-options.js';
import * as formats from './formats.js';

const require = createRequire(import.meta.url);
const HEADER = '// catalog-gate compiled validator sha256:';

function versionOf(pkg: string): string {
  return (require(`${pkg}/package.json`) as { version: string }).version;
}

/** Changes whenever the same spec would compile to different code. */
export const COMPILER_FINGERPRINT = createHash('sha256')
  .update(JSON.stringify({ r: COMPILER_REVISION, ajv: versionOf('ajv'), formats: versionOf('ajv-formats'), o: AJV_OPTIONS, v: VALID_ONLY_OPTIONS }))
  .digest('hex')
  .slice(0, 12);

/** `start`: what every start loads (the valid-only item validator, the header's); `full`: the item validator with errors. */
export type CompiledPart = 'start' | 'full';

export function compiledPath(cacheDir: string, entrySha256: string, part: CompiledPart = 'start'): string {
  return join(cacheDir, '.compiled', `${entrySha256.slice(0, 32)}-${COMPILER_FINGERPRINT}${part === 'full' ? '-full' : ''}.cjs`);
}

export async function readCompiled(path: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  return checked(text);
}

/** As readCompiled, for the full validator, which is loaded in the middle of a record. */
export function readCompiledSync(path: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  return checked(text);
}

function checked(text: string): string | undefined {
  const nl = text.indexOf('\n');
  if (nl < 0 || !text.startsWith(HEADER)) return undefined;
  const body = text.slice(nl + 1);
  // A truncated or edited file is ignored and recompiled, never run.
  return text.slice(HEADER.length, nl) === digest(body) ? body : undefined;
}

export async function writeCompiled(path: string, body: string): Promise<boolean> {
  try {
    await writeFileAtomic(path, framed(body));
    return true;
  } catch {
    return false;
  }
}

/** A compiled file's name: the entry's hash prefix, a fingerprint, and `-full` for the full validator. */
const COMPILED_NAME = /^([0-9a-f]{32})-[0-9a-f]{12}(?:-full)?\.cjs$/;

/**
 * Removes the entry's files compiled by other revisions of the compiler (another fingerprint), which nothing of this
 * build reads again. Safe beside other processes: this build's own files are kept; a process of another build that
 * finds its file gone compiles again (a missing or unreadable file is a cache miss); temp files being written are
 * never matched. Best effort, like the cache itself.
 */
export async function pruneCompiled(cacheDir: string, entrySha256: string): Promise<void> {
  const dir = join(cacheDir, '.compiled');
  const prefix = entrySha256.slice(0, 32);
  const own = `${prefix}-${COMPILER_FINGERPRINT}`;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  const stale = names.filter((n) => COMPILED_NAME.exec(n)?.[1] === prefix && !n.startsWith(own));
  await Promise.all(stale.map((n) => rm(join(dir, n), { force: true }).catch(() => undefined)));
}

/** Evaluates standalone CommonJS code; its `require`s (ajv runtime, formats) resolve from this package. */
export function loadStandalone(body: string): Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> };
  // The code is Ajv's own output for a spec we hashed, read back only after its digest checks out.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const fn = new Function('require', 'module', 'exports', body) as (r: NodeJS.Require, m: typeof module, e: unknown) => void;
  const load = ((id: string): unknown => (id === formats.FORMATS_MODULE_ID ? formats : (require(id) as unknown))) as NodeJS.Require;
  fn(load, module, module.exports);
  return module.exports;
}

function digest(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}

/** As writeCompiled, synchronously: the full validator is written in the middle of a record. */
export function writeCompiledSync(path: string, body: string): boolean {
  try {
    writeFileAtomicSync(path, framed(body));
    return true;
  } catch {
    return false;
  }
}

/** A compiled file's text: the header line with the body's digest (which checked() verifies), then the body. */
function framed(body: string): string {
  return `${HEADER}${digest(body)}\n${body}`;
}
