// The schemas-cache: one JSON file per feedType + version + productType, recorded in the lockfile.
// Every read checks the entry's sha256; a mismatch is an error, never silently used.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SpecError } from '../core/errors.js';
import { ANY_PRODUCT_TYPE, formatSpecKey, specKeyId } from '../core/spec-key.js';
import type { SpecKey } from '../core/spec-key.js';
import { writeFileAtomic } from './atomic-write.js';
import { withCacheLock } from './cache-lock.js';
import { findEntry, readLockfile, writeLockfile } from './lockfile.js';
import type { LockEntry, Lockfile } from './lockfile.js';
import { parseStoredSpecJson } from './lossless-json.js';
import { PACKAGE_ROOT } from './package-root.js';
import { isSchemaObject } from './schema-walk.js';
import type { SchemaObject } from './schema-walk.js';

/** The cache bundled with the package: Walmart's published specs, so a fresh clone validates offline. */
export const BUNDLED_CACHE_DIR = join(PACKAGE_ROOT, 'schemas-cache');

export interface LoadedSpec {
  entry: LockEntry;
  /** The spec as stored, big numbers kept as LosslessNumber. Fresh per call: callers may mutate it. */
  schema: SchemaObject;
}

export interface NewEntry {
  key: SpecKey;
  text: string;
  source: string;
  sourceSha256?: string;
  draft: LockEntry['draft'];
  headerVersions: string[];
  synthetic?: boolean;
}

export type EntryStatus = 'ok' | 'modified' | 'missing';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export class SpecStore {
  readonly dir: string;
  #lock: Promise<Lockfile> | undefined;

  constructor(dir: string = BUNDLED_CACHE_DIR) {
    this.dir = dir;
  }

  lockfile(): Promise<Lockfile> {
    this.#lock ??= readLockfile(this.dir);
    return this.#lock;
  }

  async list(): Promise<LockEntry[]> {
    return Object.values((await this.lockfile()).entries);
  }

  /** The entry that validates items of `productType`: its own, or the feed type's any-product-type entry. */
  async resolve(key: SpecKey): Promise<LockEntry | undefined> {
    const lock = await this.lockfile();
    return findEntry(lock, key) ?? findEntry(lock, { ...key, productType: ANY_PRODUCT_TYPE });
  }

  async load(entry: LockEntry): Promise<LoadedSpec> {
    const text = await this.readVerified(entry);
    let schema: unknown;
    try {
      schema = parseStoredSpecJson(text);
    } catch (e) {
      throw new SpecError('SPEC_INVALID', `the cached spec ${formatSpecKey(entry)} is not valid JSON`, { cause: e });
    }
    if (!isSchemaObject(schema)) throw new SpecError('SPEC_INVALID', `the cached spec ${formatSpecKey(entry)} is not a JSON object`);
    return { entry, schema };
  }

  /** The entry's text, after checking it against the lockfile's sha256. */
  async readVerified(entry: LockEntry): Promise<string> {
    const path = join(this.dir, entry.file);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (e) {
      throw new SpecError('SPEC_INTEGRITY', `the cached spec ${formatSpecKey(entry)} is missing (${entry.file}); re-import or re-pull it`, { cause: e });
    }
    const actual = sha256(bytes);
    if (actual !== entry.sha256) {
      throw new SpecError(
        'SPEC_INTEGRITY',
        `the cached spec ${formatSpecKey(entry)} (${entry.file}) does not match its lockfile hash (sha256 ${actual.slice(0, 12)}…, expected ${entry.sha256.slice(0, 12)}…); it was changed after it was stored: re-import or re-pull it`,
      );
    }
    return bytes.toString('utf8');
  }

  async status(entry: LockEntry): Promise<EntryStatus> {
    try {
      await this.readVerified(entry);
      return 'ok';
    } catch (e) {
      return e instanceof SpecError && /missing/.test(e.message) ? 'missing' : 'modified';
    }
  }

  /** Writes entries (each file atomically) and records them in the lockfile, under the cache's write lock. */
  async put(entries: readonly NewEntry[], now: Date = new Date()): Promise<LockEntry[]> {
    const written = await withCacheLock(this.dir, async () => {
      const lock = await readLockfile(this.dir);
      const taken = new Map(Object.values(lock.entries).map((e) => [e.file, specKeyId(e)]));
      const out: LockEntry[] = [];
      for (const n of entries) {
        const id = specKeyId(n.key);
        const file = fileFor(n.key, (f) => taken.has(f) && taken.get(f) !== id);
        taken.set(file, id);
        await writeFileAtomic(join(this.dir, file), n.text);
        const entry: LockEntry = {
          ...n.key,
          file,
          sha256: sha256(n.text),
          source: n.source,
          ...(n.sourceSha256 === undefined ? {} : { sourceSha256: n.sourceSha256 }),
          obtainedAt: now.toISOString(),
          draft: n.draft,
          headerVersions: n.headerVersions,
          ...(n.synthetic ? { synthetic: true } : {}),
        };
        lock.entries[id] = entry;
        out.push(entry);
      }
      await writeLockfile(this.dir, lock);
      return out;
    });
    this.#lock = undefined;
    return written;
  }
}

function fileFor(key: SpecKey, clashes: (file: string) => boolean): string {
  const base = key.productType === ANY_PRODUCT_TYPE ? '_all' : slug(key.productType);
  const dir = `${key.feedType.replace(/[^A-Za-z0-9._-]/g, '_')}/${key.version.replace(/[^A-Za-z0-9._-]/g, '_')}`;
  let file = `${dir}/${base}.json`;
  if (clashes(file)) file = `${dir}/${base}-${sha256(key.productType).slice(0, 8)}.json`;
  return file;
}

function slug(name: string): string {
  const s = name.toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return s === '' ? sha256(name).slice(0, 12) : s;
}
