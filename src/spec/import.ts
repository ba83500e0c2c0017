// `spec import`: read a spec file, split a multi-product-type spec into one entry per product type,
// and store the entries with their provenance.
import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { SpecError } from '../core/errors.js';
import { draftOf } from './draft.js';
import { parseSpecJson, stringifySpecJson } from './lossless-json.js';
import { isSchemaObject } from './schema-walk.js';
import { headerVersionsOf, splitSpec } from './split.js';
import { sha256 } from './store.js';
import type { NewEntry, SpecStore } from './store.js';
import type { LockEntry } from './lockfile.js';

export interface ImportOptions {
  feedType: string;
  version: string;
  synthetic?: boolean;
  /** Recorded as the entries' source; defaults to `file:<path relative to the cache>`. */
  source?: string;
}

/** Splits spec text into cache entries (pure: no IO). */
export function specEntries(text: string, options: ImportOptions & { source: string }): NewEntry[] {
  let spec: unknown;
  try {
    spec = parseSpecJson(text);
  } catch (e) {
    throw new SpecError('SPEC_INVALID', `the spec is not valid JSON: ${(e as Error).message}`, { cause: e });
  }
  if (!isSchemaObject(spec)) throw new SpecError('SPEC_INVALID', 'the spec is not a JSON object');
  const draft = draftOf(spec.$schema);
  if (draft === undefined) {
    throw new SpecError('SPEC_INVALID', `the spec declares $schema ${JSON.stringify(spec.$schema)}; catalog-gate reads draft-04, draft-06 and draft-07 specs`);
  }
  const headerVersions = headerVersionsOf(spec);
  const sourceSha256 = sha256(text);
  return splitSpec(spec).map((part) => ({
    key: { feedType: options.feedType, version: options.version, productType: part.productType },
    text: stringifySpecJson(part.schema),
    source: options.source,
    sourceSha256,
    draft,
    headerVersions,
    ...(options.synthetic ? { synthetic: true } : {}),
  }));
}

export async function importSpecFile(store: SpecStore, file: string, options: ImportOptions): Promise<LockEntry[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new SpecError('CACHE_IO', `cannot read ${file}: ${(e as Error).message}`, { cause: e });
  }
  const source = options.source ?? `file:${relative(store.dir, resolve(file)).split(sep).join('/')}`;
  return store.put(specEntries(text, { ...options, source }));
}
