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

function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v.length > 0 ? v : undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

function one(v: unknown): IngestionError | undefined {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const o = v as Record<string, unknown>;
  const code = text(o['code']);
  const description = text(o['description']);
  if (code === undefined && description === undefined) return undefined;
  const e: IngestionError = { code: code ?? 'UNKNOWN' };
  const type = text(o['type']);
  const field = text(o['field']);
  if (type !== undefined) e.type = type;
  if (field !== undefined) e.field = field;
  if (description !== undefined) e.description = description;
  return e;
}

/** Every ingestion error in `raw`, whichever of Walmart's shapes it came in. */
export function parseIngestionErrors(raw: unknown): IngestionError[] {
  if (raw === null || raw === undefined) return [];
  let list: unknown = raw;
  if (!Array.isArray(raw) && typeof raw === 'object' && 'ingestionError' in raw) {
    list = raw.ingestionError;
  }
  const items = Array.isArray(list) ? list : [list];
  const out: IngestionError[] = [];
  for (const item of items) {
    const e = one(item);
    if (e !== undefined) out.push(e);
  }
  return out;
}
