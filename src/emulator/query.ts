// Query-parameter helpers shared by the routes: bounded integers, booleans and dates that answer a bad
// value with Walmart's 400 envelope, and opaque nextCursor tokens.
import { badParam } from './envelope.js';
import type { Service } from './envelope.js';
import type { Reply } from './reply.js';

export type Parsed<T> = { value: T } | { reply: Reply };

export function intParam(q: URLSearchParams, name: string, service: Service, fallback: number, min: number, max: number): Parsed<number> {
  const raw = q.get(name);
  if (raw === null || raw === '') return { value: fallback };
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) return { reply: badParam(service, name, `${name} must be a whole number of at least ${min}, not "${raw}".`) };
  // Walmart caps page sizes rather than refusing them; the response's limit says what was applied.
  return { value: Math.min(n, max) };
}

export function boolParam(q: URLSearchParams, name: string, service: Service, fallback: boolean): Parsed<boolean> {
  const raw = q.get(name);
  if (raw === null || raw === '') return { value: fallback };
  const v = raw.toLowerCase();
  if (v === 'true' || v === 'yes') return { value: true };
  if (v === 'false' || v === 'no') return { value: false };
  return { reply: badParam(service, name, `${name} must be true or false, not "${raw}".`) };
}

export function dateParam(q: URLSearchParams, names: readonly string[], service: Service): Parsed<number | undefined> {
  for (const name of names) {
    const raw = q.get(name);
    if (raw === null || raw === '') continue;
    const ms = Date.parse(raw);
    if (Number.isNaN(ms)) return { reply: badParam(service, name, `${name} must be an ISO 8601 date-time such as 2026-01-01T00:00:00Z, not "${raw}".`) };
    return { value: ms };
  }
  return { value: undefined };
}

/** The first non-empty value among a parameter's names (the docs give some filters two spellings). */
export function stringParam(q: URLSearchParams, ...names: string[]): string | undefined {
  for (const name of names) {
    const v = q.get(name);
    if (v !== null && v !== '') return v;
  }
  return undefined;
}

export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** The decoded cursor, or undefined when it is not one this emulator made. */
export function decodeCursor(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}
