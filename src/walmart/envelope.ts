// Walmart's error envelope, {"error":[{code, field, description, info, severity, category}]}, and the
// variants seen in the reference files ({"errors": [...]}, {"errors": {"error": [...]}}, plain strings as in
// a 207 spec body), reduced to one detail list; plus the transient-versus-data split of doc 002's table.

export interface WalmartErrorDetail {
  /** e.g. `UNAUTHORIZED.GMP_GATEWAY_API`; the part before the first dot is the table's code. */
  readonly code?: string;
  readonly field?: string;
  readonly description?: string;
  readonly info?: string;
  readonly severity?: string;
  readonly category?: string;
}

const FIELDS = ['code', 'field', 'description', 'info', 'severity', 'category'] as const;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function detailOf(item: unknown): WalmartErrorDetail | undefined {
  if (typeof item === 'string') return item.trim() === '' ? undefined : { description: item };
  if (!isRecord(item)) return undefined;
  const out: Record<string, string> = {};
  for (const f of FIELDS) {
    const v = item[f];
    if (typeof v === 'string' && v !== '') out[f] = v;
    else if (typeof v === 'number') out[f] = String(v);
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

function listOf(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (isRecord(v)) {
    // {"errors": {"error": [...]}}: the XML-shaped JSON some feed endpoints return.
    if ('error' in v) return listOf(v.error);
    return [v];
  }
  return typeof v === 'string' ? [v] : [];
}

/** Every error detail in a parsed body, in order; [] when the body carries none. */
export function parseErrorEnvelope(body: unknown): WalmartErrorDetail[] {
  let items: unknown[] = [];
  if (Array.isArray(body)) items = body;
  else if (isRecord(body)) items = [...listOf(body.error), ...listOf(body.errors)];
  return items.map(detailOf).filter((d): d is WalmartErrorDetail => d !== undefined);
}

/** Like parseErrorEnvelope over raw bytes; gateway HTML or an empty body gives []. */
export function parseErrorBody(body: Uint8Array | string): WalmartErrorDetail[] {
  const text = typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
  if (!/^\s*[[{]/.test(text)) return [];
  try {
    return parseErrorEnvelope(JSON.parse(text));
  } catch {
    return [];
  }
}

export function baseCode(code: string): string {
  const dot = code.indexOf('.');
  return dot === -1 ? code : code.slice(0, dot);
}

/** Statuses doc 002 says to retry later: locked, throttled, and the server-side failures. */
export const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([423, 429, 500, 502, 503, 504]);
const TRANSIENT_CODES: ReadonlySet<string> = new Set([
  'RESOURCE_IS_LOCKED',
  'REQUEST_THRESHOLD_VIOLATED',
  'INVALID_SYSTEM_STATE',
  'SYSTEM_ERROR',
  'DOWNSTREAM_SYSTEM_TIME_OUT',
]);

export function isTransientDetail(d: WalmartErrorDetail): boolean {
  return d.category?.toUpperCase() === 'SYSTEM' || (d.code !== undefined && TRANSIENT_CODES.has(baseCode(d.code)));
}

/**
 * Transient (wait and try again: 423/429/5xx, SYSTEM category) or data (fix the request: every other 4xx,
 * DATA/APPLICATION category). A 4xx status is data whatever its body says; without a status the details decide.
 */
export function isTransient(status: number | undefined, details: readonly WalmartErrorDetail[]): boolean {
  if (status !== undefined) {
    if (TRANSIENT_STATUSES.has(status)) return true;
    if (status >= 400 && status < 500) return false;
  }
  return details.some(isTransientDetail);
}

/** "CODE (field F): description" for the first few details, for one-line messages. */
export function describeDetails(details: readonly WalmartErrorDetail[], max = 3): string {
  const parts = details.slice(0, max).map((d) => {
    const head = [d.code, d.field !== undefined && d.field !== d.code ? `(field ${d.field})` : undefined]
      .filter((s) => s !== undefined)
      .join(' ');
    const text = d.description ?? d.info;
    return head !== '' && text !== undefined ? `${head}: ${text}` : head !== '' ? head : (text ?? '');
  });
  const more = details.length > max ? `; and ${details.length - max} more` : '';
  return parts.filter((p) => p !== '').join('; ') + more;
}
