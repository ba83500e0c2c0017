// How the variant rules read an item (its group, names and their values, read once per record for all of them) and
// place findings.
// What the feed rules keep of items is a tuple each in the feed's store (src/core/keyed-tuples.ts).
import { recordPlace } from '../../src/core/rule.js';
import type { PlaceOf, RecordView } from '../../src/core/rule.js';
import { trimmed } from './trimmed.js';

export const GROUP_ID = 'variantGroupId';
export const NAMES = 'variantAttributeNames';
export const PRIMARY = 'isPrimaryVariant';
export const SWATCHES = 'swatchImages';

/** Variant Group ID, trimmed; CSV coercion may have turned a numeric id into a number. */
function readGroupId(record: RecordView): string | undefined {
  const value = record.get(GROUP_ID);
  const id = typeof value === 'number' ? String(value) : typeof value === 'string' ? trimmed(value) : '';
  return id === '' ? undefined : id;
}

const NO_NAMES: readonly string[] = [];

/** Whether every entry is a name with nothing to trim (a hole reads as undefined, so it is not). */
function allClean(items: readonly unknown[]): boolean {
  for (let i = 0; i < items.length; i++) {
    const n = items[i];
    if (typeof n !== 'string' || n === '' || trimmed(n) !== n) return false;
  }
  return true;
}

/** Variant Attribute Names as given, in order; a delimited string is accepted for spreadsheets without array coercion. */
function readNames(record: RecordView): readonly string[] {
  const value = record.get(NAMES);
  // Items outside variant groups have none: nothing to build.
  if (value === undefined) return NO_NAMES;
  // The usual list needs no cleaning: the item's own array, read-only (the feed rules keep a coded copy, not it).
  if (Array.isArray(value) && allClean(value)) return value as string[];
  const items = Array.isArray(value) ? (value as unknown[]) : typeof value === 'string' ? value.split(/[,;|]/) : [];
  return items.filter((n): n is string => typeof n === 'string').map((n) => n.trim()).filter((n) => n !== '');
}

/**
 * The record every variant rule reads (the engine hands them all the same RecordView, see per-record.ts) and what
 * they read of it: its group and names on the first ask, the values of its names on the first ask for them. One slot
 * for the whole pack, where a slot per reader (perRecord) kept the view and its answer five times a record, each a
 * write the collector notes (the view is new, the slots are old), and each reader was a call of its own.
 */
let readRecord: RecordView | undefined;
let readGroup: string | undefined;
let readNamesList: readonly string[] = NO_NAMES;
let readValues: readonly unknown[] | undefined;

function read(record: RecordView): void {
  readRecord = record;
  readGroup = readGroupId(record);
  readNamesList = readNames(record);
  readValues = undefined;
}

/** Variant Group ID, trimmed (see readGroupId). Read once per record for all the variant rules. */
export function groupIdOf(record: RecordView): string | undefined {
  if (record !== readRecord) read(record);
  return readGroup;
}

/** Variant Attribute Names as given (see readNames). Read once per record and shared, so the list is read-only. */
export function namesOf(record: RecordView): readonly string[] {
  if (record !== readRecord) read(record);
  return readNamesList;
}

/**
 * The value of each of the record's Variant Attribute Names as given, in their order: read once per record for the
 * rules that look at them (missing_attribute_value, the variant items' tuples); read-only.
 */
export function givenValuesOf(record: RecordView): readonly unknown[] {
  if (record !== readRecord) read(record);
  if (readValues === undefined) {
    const names = readNamesList;
    const values = new Array<unknown>(names.length);
    for (let i = 0; i < names.length; i++) values[i] = record.get(names[i] as string);
    readValues = values;
  }
  return readValues;
}

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
 * The names in lower case, in the same order: names are compared without case. Read-only; a feed has few lists of
 * names, usually one after another, so the last list's lower-case names are reused (the same list, while the names
 * are the same texts).
 */
export function lowerNamesOf(record: RecordView): readonly string[] {
  const names = namesOf(record);
  if (!sameTexts(names, lastNames)) {
    lastNames = names;
    lastLowerNames = names.map(lowerCase);
  }
  return lastLowerNames;
}

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
