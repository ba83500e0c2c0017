// The cache's lockfile: for every cached spec, where it came from, when, its draft and its sha256.
// validateLockfile is the pure half; readLockfile/writeLockfile do the IO.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SpecError } from '../core/errors.js';
import * as z from 'zod/mini';
import { nonEmptyString } from '../core/schema.js';
import { specKeyId } from '../core/spec-key.js';
import type { SpecKey } from '../core/spec-key.js';
import { writeFileAtomic } from './atomic-write.js';
import { DRAFT_NAMES } from './draft.js';
import { SHA256_HEX, isWrittenLockfile } from './lockfile-shape.js';

export const LOCKFILE_NAME = 'catalog-gate.lock.json';

const sha256 = (): z.ZodMiniString<string> => z.string().check(z.regex(SHA256_HEX));

const entrySchemaOf = () => z.object({
  feedType: nonEmptyString(),
  version: nonEmptyString(),
  productType: nonEmptyString(),
  /** Path of the entry, relative to the cache directory, with forward slashes. */
  file: nonEmptyString(),
  sha256: sha256(),
  /** `file:<path>` for an imported file, or the URL it was pulled from. */
  source: nonEmptyString(),
  sourceSha256: z.optional(sha256()),
  obtainedAt: z.iso.datetime(),
  draft: z.enum(DRAFT_NAMES),
  /** The `version` a feed header must carry for this spec ("1.3" for MP_ITEM 4.3). */
  headerVersions: z.array(z.string()),
  /** True for specs authored by us, not published by Walmart. */
  synthetic: z.optional(z.boolean()),
});

const lockfileSchemaOf = () =>
  z.object({
    lockfileVersion: z.literal(1),
    entries: z.record(z.string(), entrySchemaOf()),
  });

export type LockEntry = z.infer<ReturnType<typeof entrySchemaOf>>;
export type Lockfile = z.infer<ReturnType<typeof lockfileSchemaOf>>;

/** Made when first needed: a lockfile as catalog-gate writes it never needs zod (lockfile-shape.ts). */
let lockfileSchema: ReturnType<typeof lockfileSchemaOf> | undefined;

export function emptyLockfile(): Lockfile {
  return { lockfileVersion: 1, entries: {} };
}

export function validateLockfile(json: unknown, where: string): Lockfile {
  const lock = isWrittenLockfile(json) ? (json as Lockfile) : parseLockfile(json, where);
  for (const [id, entry] of Object.entries(lock.entries)) {
    if (id !== specKeyId(entry)) throw new SpecError('SPEC_INTEGRITY', `${where}: entry "${id}" does not match its own key fields`);
  }
  return lock;
}

/** The lockfile by the zod schema: what it accepts, or a SPEC_INTEGRITY error naming the first problem. */
export function parseLockfile(json: unknown, where: string): Lockfile {
  lockfileSchema ??= lockfileSchemaOf();
  const parsed = lockfileSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new SpecError('SPEC_INTEGRITY', `${where} is not a valid catalog-gate lockfile (${first?.path.join('.') ?? ''}: ${first?.message ?? 'invalid'})`);
  }
  return parsed.data;
}

export async function readLockfile(cacheDir: string): Promise<Lockfile> {
  const path = join(cacheDir, LOCKFILE_NAME);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return emptyLockfile();
    throw new SpecError('CACHE_IO', `cannot read ${path}: ${(e as Error).message}`, { cause: e });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new SpecError('SPEC_INTEGRITY', `${path} is not valid JSON; restore it from version control or re-import the specs`, { cause: e });
  }
  return validateLockfile(json, path);
}

export async function writeLockfile(cacheDir: string, lock: Lockfile): Promise<void> {
  // Sorted keys keep the file's diffs readable in review.
  const entries = Object.fromEntries(Object.entries(lock.entries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  await writeFileAtomic(join(cacheDir, LOCKFILE_NAME), JSON.stringify({ lockfileVersion: 1, entries }, null, 2) + '\n');
}

export function findEntry(lock: Lockfile, key: SpecKey): LockEntry | undefined {
  return lock.entries[specKeyId(key)];
}
