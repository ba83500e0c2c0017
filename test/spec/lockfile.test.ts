// The lockfile's check: the hand-written shape check (lockfile-shape.ts) accepts only lockfiles the zod schema
// accepts unchanged, and a corrupted lockfile is refused with zod's wording, as before.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SpecError } from '../../src/core/errors.js';
import { LOCKFILE_NAME, parseLockfile, validateLockfile } from '../../src/spec/lockfile.js';
import { isWrittenLockfile } from '../../src/spec/lockfile-shape.js';
import { REPO } from '../helpers/paths.js';

const BUNDLED = readFileSync(join(REPO, 'schemas-cache', LOCKFILE_NAME), 'utf8');
const ID = 'MP_ITEM|4.3|Clothing';

function bundled(): { lockfileVersion: unknown; entries: Record<string, Record<string, unknown>> } & Record<string, unknown> {
  return JSON.parse(BUNDLED) as { lockfileVersion: unknown; entries: Record<string, Record<string, unknown>> };
}

/** The bundled lockfile with one change made to it (to its Clothing entry, unless the change says otherwise). */
type Change = (lock: ReturnType<typeof bundled>, entry: Record<string, unknown>) => void;

const set = (key: string, value: unknown): Change => (_lock, entry) => {
  entry[key] = value;
};
const drop = (key: string): Change => (_lock, entry) => {
  delete entry[key];
};

const FIELDS = ['feedType', 'version', 'productType', 'file', 'sha256', 'source', 'sourceSha256', 'obtainedAt', 'draft', 'headerVersions', 'synthetic'];
const ODD_VALUES: readonly unknown[] = ['', 'x', 0, 1, true, null, [], ['1.3'], [1], {}, 'A'.repeat(64), 'f'.repeat(64)];

const CHANGES: Array<[string, Change]> = [
  ...FIELDS.map((f): [string, Change] => [`no ${f}`, drop(f)]),
  ...FIELDS.flatMap((f) => ODD_VALUES.map((v): [string, Change] => [`${f} = ${JSON.stringify(v)}`, set(f, v)])),
  ['sha256 in capitals', (_l, e) => { e['sha256'] = String(e['sha256']).toUpperCase(); }],
  ['sha256 one short', (_l, e) => { e['sha256'] = String(e['sha256']).slice(1); }],
  ['sha256 with a line break after it', (_l, e) => { e['sha256'] = `${String(e['sha256'])}\n`; }],
  ...[
    '2026-02-30T00:00:00.000Z', '2026-11-24T24:00:00.000Z', '2026-11-24T23:60:00.000Z', '2026-11-24T23:59:60.000Z', '2026-13-01T00:00:00.000Z',
    '2024-02-29T00:00:00.000Z', '2100-02-29T00:00:00.000Z', '2000-02-29T00:00:00.000Z', '0000-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z',
    '2026-11-24T06:16:02Z', '2026-11-24T06:16:02.0771Z', '2026-11-24T06:16:02.077+01:00', '2026-11-24T06:16:02.077', '2026-11-24T06:16:02.077z',
    '2026-11-24 06:16:02.077Z', '+002026-11-24T06:16:02.077Z', '2026-11-24', ' 2026-11-24T06:16:02.077Z',
  ].map((t): [string, Change] => [`obtainedAt ${t}`, set('obtainedAt', t)]),
  ['draft-03', set('draft', 'draft-03')],
  ['draft-06', set('draft', 'draft-06')],
  ['a header version that is a number', set('headerVersions', ['1.3', 4])],
  ['synthetic false', set('synthetic', false)],
  ['synthetic "yes"', set('synthetic', 'yes')],
  ['an extra field', set('comment', 'hand-written')],
  ['fields in another order', (lock) => {
    const { sha256, ...rest } = lock.entries[ID] ?? {};
    lock.entries[ID] = { sha256, ...rest };
  }],
  ['lockfileVersion 2', (lock) => { lock.lockfileVersion = 2; }],
  ['lockfileVersion "1"', (lock) => { lock.lockfileVersion = '1'; }],
  ['entries a list', (lock) => { (lock as Record<string, unknown>)['entries'] = [lock.entries[ID]]; }],
  ['entries null', (lock) => { (lock as Record<string, unknown>)['entries'] = null; }],
  ['no entries', (lock) => { lock.entries = {}; }],
  ['an extra top-level field', (lock) => { lock['generatedBy'] = 'x'; }],
  ['an entry that is not an object', (lock) => { (lock.entries as Record<string, unknown>)['X|1|*'] = 'x'; }],
  ['an entry under another key', (lock) => { lock.entries['X|1|*'] = { ...lock.entries[ID] }; }],
];

function changed(change: Change): unknown {
  const lock = bundled();
  const entry = lock.entries[ID];
  if (entry === undefined) throw new Error(`the bundled lockfile has no ${ID}`);
  change(lock, entry);
  return JSON.parse(JSON.stringify(lock));
}

function outcome(run: () => unknown): { ok: true; json: string } | { ok: false; message: string } {
  try {
    return { ok: true, json: JSON.stringify(run()) };
  } catch (e) {
    expect(e).toBeInstanceOf(SpecError);
    return { ok: false, message: (e as Error).message };
  }
}

describe('the lockfile check', () => {
  it('takes the bundled lockfile by the hand-written check, with what zod gives back', () => {
    const json: unknown = JSON.parse(BUNDLED);
    expect(isWrittenLockfile(json)).toBe(true);
    const lock = validateLockfile(json, 'x');
    expect(Object.keys(lock.entries).length).toBeGreaterThan(100);
    expect(JSON.stringify(lock)).toBe(JSON.stringify(parseLockfile(JSON.parse(BUNDLED), 'x')));
  });

  it.each(CHANGES)('decides as zod does: %s', (_name, change) => {
    const json = changed(change);
    const byZod = outcome(() => {
      const lock = parseLockfile(json, 'lock.json');
      return validateLockfile(lock, 'lock.json');
    });
    // What the hand-written check takes, zod takes too, unchanged.
    if (isWrittenLockfile(json)) expect(JSON.stringify(parseLockfile(json, 'lock.json'))).toBe(JSON.stringify(json));
    expect(outcome(() => validateLockfile(json, 'lock.json'))).toEqual(byZod);
  });

  it('refuses a corrupted entry with the field and zod\'s words', () => {
    expect(() => validateLockfile(changed(set('sha256', 'abc')), 'lock.json')).toThrow(
      /^lock\.json is not a valid catalog-gate lockfile \(entries\.MP_ITEM\|4\.3\|Clothing\.sha256: Invalid string: must match pattern/,
    );
    expect(() => validateLockfile(changed(set('obtainedAt', '2026-02-30T00:00:00.000Z')), 'lock.json')).toThrow(/entries\.MP_ITEM\|4\.3\|Clothing\.obtainedAt: Invalid ISO datetime/);
    expect(() => validateLockfile(changed(drop('draft')), 'lock.json')).toThrow(/entries\.MP_ITEM\|4\.3\|Clothing\.draft: Invalid option/);
    expect(() => validateLockfile(changed((lock) => { lock.entries['X|1|*'] = { ...lock.entries[ID] }; }), 'lock.json')).toThrow('lock.json: entry "X|1|*" does not match its own key fields');
  });
});
