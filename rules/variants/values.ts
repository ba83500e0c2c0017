// Variant values compared across items: the same value may arrive as "Red", " red" or ["Blue", "Red"] vs ["red", "blue"].
import { isPresent } from '../../src/core/rule.js';

/** A comparable key for a value, or undefined when nothing is given. Arrays become sorted, joined lowercase strings. */
export function normaliseValue(value: unknown): string | undefined {
  if (!isPresent(value)) return undefined;
  if (Array.isArray(value)) {
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
  if (typeof value === 'string') return value.trim().replace(/\s+/g, ' ').toLowerCase();
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value).toLowerCase();
  return undefined;
}

/** A value as a merchandiser wrote it, for messages. */
export function displayValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return (value as unknown[]).map(displayValue).join(', ');
  if (typeof value === 'object') {
    const { measure, unit } = value as Record<string, unknown>;
    if (measure !== undefined) return unit === undefined ? displayValue(measure) : `${displayValue(measure)} ${displayValue(unit)}`;
    return JSON.stringify(value);
  }
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return '';
}
