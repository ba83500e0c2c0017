// Variant values compared across items: the same value may arrive as "Red", " red" or ["Blue", "Red"] vs ["red", "blue"].
import { isPresent } from '../../src/core/rule.js';
import type { RecordView } from '../../src/core/rule.js';
import { perRecord } from '../per-record.js';
import { givenValuesOf } from './members.js';
import { hasText, trimmed } from './trimmed.js';

// Whitespace that collapsing would change: a run of two, or one that is not a plain space. Most values have none,
// so the replace (and the copy it makes) is skipped for them.
const UNTIDY_SPACE = /\s\s|[^\S ]/;

/** A text value's comparable form: trimmed, runs of whitespace as one space, lower case; undefined when blank. */
export function normaliseText(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  return (UNTIDY_SPACE.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed).toLowerCase();
}

/** A comparable key for a value, or undefined when nothing is given. Arrays become sorted, joined lowercase strings. */
export function normaliseValue(value: unknown): string | undefined {
  if (typeof value === 'string') return normaliseText(value);
  if (!isPresent(value)) return undefined;
  if (Array.isArray(value)) {
    // A one-value list, the usual case, is its value: nothing to sort or join.
    if (value.length === 1) return normaliseValue(value[0]);
    const parts = (value as unknown[]).map(normaliseValue).filter((p): p is string => p !== undefined).sort();
    return parts.length > 0 ? parts.join('|') : undefined;
  }
  if (typeof value === 'object' && value !== null) {
    // Measures ({measure, unit}) and other small objects: compare by their fields, in a fixed order.
    const parts = Object.entries(value)
      .map(([k, v]) => [k, normaliseValue(v)] as const)
      .filter((e): e is readonly [string, string] => e[1] !== undefined)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k}=${v}`);
    return parts.length > 0 ? `{${parts.join(';')}}` : undefined;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value).toLowerCase();
  return undefined;
}

/**
 * Whether normaliseValue(value) gives a key, without building it: a value that is not blank. Most items have every
 * variant value, and variants.missing_attribute_value only asks whether each is there.
 */
export function hasValue(value: unknown): boolean {
  if (typeof value === 'string') return hasText(value);
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) {
    // As normaliseValue: a list has a key when one of its entries has one (a hole has none).
    for (let i = 0; i < value.length; i++) if (hasValue(value[i])) return true;
    return false;
  }
  if (typeof value === 'object') return Object.values(value).some(hasValue);
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint';
}

/**
 * A value that is one text (or a list of one text), as displayValue shows it: then its normalised form is
 * normaliseText of what is shown, so the shown text is enough to compare it later. Undefined for any other value.
 */
export function plainText(value: unknown): string | undefined {
  if (typeof value === 'string') return trimmed(value);
  if (Array.isArray(value) && value.length === 1) {
    const only: unknown = value[0];
    if (typeof only === 'string') return trimmed(only);
  }
  return undefined;
}

/**
 * The normalised value of each of the record's Variant Attribute Names, in their order (undefined where blank).
 * Worked out once per record for duplicate_combination's key; read-only.
 */
export const variantValuesOf: (record: RecordView) => ReadonlyArray<string | undefined> = perRecord((record) => {
  const given = givenValuesOf(record);
  const values = new Array<string | undefined>(given.length);
  for (let i = 0; i < given.length; i++) values[i] = normaliseValue(given[i]);
  return values;
});

/** A value as a merchandiser wrote it, for messages. */
export function displayValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) {
    // A one-value list, the usual case, shows as its value: no list to map and join.
    if (value.length === 1) return displayValue(value[0]);
    return (value as unknown[]).map(displayValue).join(', ');
  }
  if (typeof value === 'object') {
    const { measure, unit } = value as Record<string, unknown>;
    if (measure !== undefined) return unit === undefined ? displayValue(measure) : `${displayValue(measure)} ${displayValue(unit)}`;
    return JSON.stringify(value);
  }
  if (typeof value === 'string') return trimmed(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return '';
}
