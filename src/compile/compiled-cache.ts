// Compiled validators on disk as Ajv standalone code, keyed by the spec entry's sha256 and the
// compiler's fingerprint, so a warm start loads code instead of compiling. Best effort: a cache
// directory that cannot be written only costs a compile.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../spec/atomic-write.js';
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

export function compiledPath(cacheDir: string, entrySha256: string): string {
  return join(cacheDir, '.compiled', `${entrySha256.slice(0, 32)}-${COMPILER_FINGERPRINT}.cjs`);
}

export async function readCompiled(path: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  const nl = text.indexOf('\n');
  if (nl < 0 || !text.startsWith(HEADER)) return undefined;
  const body = text.slice(nl + 1);
  // A truncated or edited file is ignored and recompiled, never run.
  return text.slice(HEADER.length, nl) === digest(body) ? body : undefined;
}

export async function writeCompiled(path: string, body: string): Promise<boolean> {
  try {
    await writeFileAtomic(path, `${HEADER}${digest(body)}\n${body}`);
    return true;
  } catch {
    return false;
  }
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
