// Item-level ingestion errors as Walmart returns them. The same feed status arrives with
// `ingestionErrors` as `{ingestionError: [...]}` (the documented shape), as a bare list, or as a single
// object; this reads them all into one shape and drops what is not an error, never throwing on junk.

export interface IngestionError {
  /** DATA_ERROR, SYSTEM_ERROR, TIMEOUT_ERROR…, when Walmart gives one. */
  type?: string;
  code: string;
  /** The attribute (or Walmart's pseudo-field such as QARTH, ISO, sku) the error is about. */
  field?: string;
  /** Walmart's own words. */
  description?: string;
}

/** Longest code, field and description kept: Walmart's are far shorter; a hostile body is cut, not carried. */
export const INGESTION_TEXT_LIMITS = { code: 200, type: 100, field: 500, description: 4000 } as const;

/** How deep `{ingestionErrors: {ingestionError: ...}}` wrappers are unwrapped. */
const MAX_WRAPPERS = 3;

function text(v: unknown, max: number): string | undefined {
  let s: string;
  if (typeof v === 'string') s = v.trim();
  else if (typeof v === 'number' && Number.isFinite(v)) s = String(v);
  else return undefined;
  if (s.length === 0) return undefined;
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** An own property only: a crafted object's prototype (or a `__proto__` key) supplies nothing. */
function own(o: object, key: string): unknown {
  return Object.hasOwn(o, key) ? (o as Record<string, unknown>)[key] : undefined;
}

function isPlainObject(v: unknown): v is object {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function one(v: unknown): IngestionError | undefined {
  if (!isPlainObject(v)) return undefined;
  const code = text(own(v, 'code'), INGESTION_TEXT_LIMITS.code);
  const description = text(own(v, 'description'), INGESTION_TEXT_LIMITS.description);
  if (code === undefined && description === undefined) return undefined;
  const e: IngestionError = { code: code ?? 'UNKNOWN' };
  const type = text(own(v, 'type'), INGESTION_TEXT_LIMITS.type);
  const field = text(own(v, 'field'), INGESTION_TEXT_LIMITS.field);
  if (type !== undefined) e.type = type;
  if (field !== undefined) e.field = field;
  if (description !== undefined) e.description = description;
  return e;
}

/** `{ingestionError: X}` or a whole item status's `{ingestionErrors: X}` -> X, a few levels deep. */
function unwrap(raw: unknown): unknown {
  let cur = raw;
  for (let depth = 0; depth < MAX_WRAPPERS && isPlainObject(cur); depth++) {
    if (Object.hasOwn(cur, 'ingestionError')) cur = own(cur, 'ingestionError');
    else if (Object.hasOwn(cur, 'ingestionErrors')) cur = own(cur, 'ingestionErrors');
    else break;
  }
  return cur;
}

/** Every ingestion error in `raw`, whichever of Walmart's shapes it came in. */
export function parseIngestionErrors(raw: unknown): IngestionError[] {
  const list = unwrap(raw);
  if (list === null || list === undefined) return [];
  const items: readonly unknown[] = Array.isArray(list) ? list : [list];
  const out: IngestionError[] = [];
  for (const item of items) {
    const e = one(item);
    if (e !== undefined) out.push(e);
  }
  return out;
}
