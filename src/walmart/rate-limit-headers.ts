// Reading Walmart's throttling headers: x-current-token-count (tokens left for this API),
// x-next-replenish-time (when more arrive) and the standard Retry-After.

export const TOKEN_COUNT_HEADER = 'x-current-token-count';
export const REPLENISH_TIME_HEADER = 'x-next-replenish-time';
export const RETRY_AFTER_HEADER = 'retry-after';

type Headers = Readonly<Record<string, string>>;

export function readTokenCount(headers: Headers): number | undefined {
  const raw = headers[TOKEN_COUNT_HEADER]?.trim();
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : undefined;
}

/**
 * When the bucket refills, as epoch ms. Walmart does not document the format, so accept what is unambiguous:
 * epoch milliseconds (>= 1e12), epoch seconds (>= 1e9), a small number as seconds from now (like
 * Retry-After), or an HTTP/ISO date.
 */
export function readReplenishAt(headers: Headers, now: number): number | undefined {
  return readTime(headers[REPLENISH_TIME_HEADER], now, true);
}

/** Retry-After (delta seconds or HTTP date) as epoch ms. */
export function readRetryAfterAt(headers: Headers, now: number): number | undefined {
  return readTime(headers[RETRY_AFTER_HEADER], now, false);
}

function readTime(value: string | undefined, now: number, epochAllowed: boolean): number | undefined {
  const raw = value?.trim();
  if (raw === undefined || raw === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(raw)) {
    const n = Number(raw);
    if (epochAllowed && n >= 1e12) return Math.round(n);
    if (epochAllowed && n >= 1e9) return Math.round(n * 1000);
    return now + Math.round(n * 1000);
  }
  const t = Date.parse(raw);
  return Number.isNaN(t) ? undefined : t;
}
