// How the variant rules read an item (its group and names, read once per record for all of them) and place findings.
// What the feed rules keep of items is a tuple each in the feed's store (src/core/keyed-tuples.ts).
import { recordPlace } from '../../src/core/rule.js';
import type { PlaceOf, RecordView } from '../../src/core/rule.js';
import { perRecord } from '../per-record.js';
import { trimmed } from './trimmed.js';

export const GROUP_ID = 'variantGroupId';
export const NAMES = 'variantAttributeNames';
export const PRIMARY = 'isPrimaryVariant';
export const SWATCHES = 'swatchImages';

/** Variant Group ID, trimmed; CSV coercion may have turned a numeric id into a number. Read once per record. */
export const groupIdOf: (record: RecordView) => string | undefined = perRecord((record) => {
  const value = record.get(GROUP_ID);
  const id = typeof value === 'number' ? String(value) : typeof value === 'string' ? trimmed(value) : '';
  return id === '' ? undefined : id;
});

const NO_NAMES: readonly string[] = [];

/** Whether every entry is a name with nothing to trim (a hole reads as undefined, so it is not). */
function allClean(items: readonly unknown[]): boolean {
  for (let i = 0; i < items.length; i++) {
    const n = items[i];
    if (typeof n !== 'string' || n === '' || trimmed(n) !== n) return false;
  }
  return true;
}

/**
 * Variant Attribute Names as given, in order; a delimited string is accepted for spreadsheets without array coercion.
 * Read once per record and shared by the variant rules, so the list is read-only.
 */
export const namesOf: (record: RecordView) => readonly string[] = perRecord((record) => {
  const value = record.get(NAMES);
  // Items outside variant groups have none: nothing to build.
  if (value === undefined) return NO_NAMES;
  // The usual list needs no cleaning: the item's own array, read-only (the feed rules keep a coded copy, not it).
  if (Array.isArray(value) && allClean(value)) return value as string[];
  const items = Array.isArray(value) ? (value as unknown[]) : typeof value === 'string' ? value.split(/[,;|]/) : [];
  return items.filter((n): n is string => typeof n === 'string').map((n) => n.trim()).filter((n) => n !== '');
});

function lowerCase(name: string): string {
  return name.toLowerCase();
}

/** Whether two lists hold the same texts in the same order. */
export function sameTexts(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

let lastNames: readonly string[] = NO_NAMES;
let lastLowerNames: readonly string[] = NO_NAMES;

/**
 * The names in lower case, in the same order: names are compared without case. Once per record, read-only; a feed
 * has few lists of names, usually one after another, so the last list's lower-case names are reused.
 */
export const lowerNamesOf: (record: RecordView) => readonly string[] = perRecord((record) => {
  const names = namesOf(record);
  if (!sameTexts(names, lastNames)) {
    lastNames = names;
    lastLowerNames = names.map(lowerCase);
  }
  return lastLowerNames;
});

export function isPrimary(value: unknown): boolean {
  if (value === true) return true;
  if (typeof value !== 'string') return false;
  // The usual spellings first, without building a lower-case copy.
  if (value === 'Yes') return true;
  if (value === 'No') return false;
  return value.trim().toLowerCase() === 'yes';
}

/** "record 3 (SKU TS-104)" (or "row 4 (…)" in a spreadsheet), for messages that point at another item. */
export function describeRef(record: unknown, sku: unknown, placeOf: PlaceOf = recordPlace): string {
  const at = typeof record === 'number' ? placeOf(record) : `record ${String(record)}`;
  return typeof sku === 'string' && sku !== '' ? `${at} (SKU ${sku})` : at;
}
