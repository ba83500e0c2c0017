// The lockfile's shape checked by hand, for the lockfile as catalog-gate writes it: every run reads all ~150 entries,
// and zod's parse of them cost ~10 ms of a one-line run (cold code). This accepts only what the zod schema
// (lockfile.ts) accepts and returns unchanged: the schema's keys, in its order, nothing else. Anything else (a
// corrupted or hand-edited lockfile) goes to zod, which decides and words the message as before.

import { DRAFT_NAMES } from './draft.js';

/** A SHA-256 as the lockfile writes it (lockfile.ts's schema uses the same pattern). */
export const SHA256_HEX = /^[0-9a-f]{64}$/;
/** How `Date.prototype.toISOString` writes a time, which is how the store writes `obtainedAt`. */
const ISO_INSTANT = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)\.\d{3}Z$/;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DRAFTS: ReadonlySet<unknown> = new Set(DRAFT_NAMES);

/** An entry's keys in the schema's order, and which of them may be left out. */
const ENTRY_KEYS = ['feedType', 'version', 'productType', 'file', 'sha256', 'source', 'sourceSha256', 'obtainedAt', 'draft', 'headerVersions', 'synthetic'];
const OPTIONAL: ReadonlySet<string> = new Set(['sourceSha256', 'synthetic']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

function nonEmpty(value: unknown): boolean {
  return typeof value === 'string' && value.length > 0;
}

/**
 * An instant as toISOString writes it, on a real day (the Gregorian leap years, as zod's datetime pattern has them)
 * at a real time (no 24:00, no leap second): a subset of what zod's datetime accepts. Not by Date: the first
 * toISOString of a run costs milliseconds.
 */
function isoInstant(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const parts = ISO_INSTANT.exec(value);
  if (parts === null) return false;
  const [year, month, day, hour, minute, second] = parts.slice(1).map(Number) as [number, number, number, number, number, number];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : MONTH_DAYS[month - 1];
  return days !== undefined && day >= 1 && day <= days && hour <= 23 && minute <= 59 && second <= 59;
}

function fieldOk(key: string, value: unknown): boolean {
  switch (key) {
    case 'sha256':
    case 'sourceSha256':
      return typeof value === 'string' && SHA256_HEX.test(value);
    case 'obtainedAt':
      return isoInstant(value);
    case 'draft':
      return DRAFTS.has(value);
    case 'headerVersions':
      return Array.isArray(value) && Object.getPrototypeOf(value) === Array.prototype && value.every((v) => typeof v === 'string');
    case 'synthetic':
      return typeof value === 'boolean';
    default:
      return nonEmpty(value);
  }
}

function entryOk(entry: unknown): boolean {
  if (!isPlainObject(entry)) return false;
  const keys = Object.keys(entry);
  let at = 0;
  for (const key of ENTRY_KEYS) {
    if (keys[at] !== key) {
      if (OPTIONAL.has(key)) continue;
      return false;
    }
    if (!fieldOk(key, entry[key])) return false;
    at++;
  }
  return at === keys.length;
}

/**
 * Whether `json` is a lockfile the zod schema accepts and would give back unchanged (the same keys in the same
 * order); false says only "let zod decide".
 */
export function isWrittenLockfile(json: unknown): boolean {
  if (!isPlainObject(json)) return false;
  const keys = Object.keys(json);
  if (keys.length !== 2 || keys[0] !== 'lockfileVersion' || keys[1] !== 'entries' || json['lockfileVersion'] !== 1) return false;
  const entries = json['entries'];
  if (!isPlainObject(entries)) return false;
  for (const id of Object.keys(entries)) {
    if (id === '__proto__' || !entryOk(entries[id])) return false;
  }
  return true;
}
