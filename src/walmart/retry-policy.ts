// Which failures are retried and after how long: a pure function of the attempt, so every rule is
// testable without a server or a clock.
//
// Rules:
// - Never more than `maxAttempts` attempts in all (the first included); `idempotentMaxAttempts` for reads,
//   which back off from a smaller base and so take more, shorter attempts in about the same time.
// - Statuses retried: 423 (locked: back off), 429 (throttled: wait for Retry-After or x-next-replenish-time,
//   else back off), 500/502/503/504 (back off). 400/401/403/404/405/406/413/415 and the rest never are
//   (a 401 gets its single fresh-token replay in the auth layer, not here).
// - Requests that are not idempotent (feed submissions) are retried only when Walmart provably did not
//   process them: 423, 429, 503, and connection errors raised before undici started writing the request.
//   A 500/502/504 or a reset after the request went out may mean the feed was accepted, so a retry could
//   submit it twice: those surface instead (WALMART_UNAVAILABLE / WALMART_OUTCOME_UNKNOWN).
// - Connection errors retried: the errno codes in `retryErrnos` only (ENOTFOUND and TLS errors are
//   configuration problems, not blips).
// - Backoff is exponential with full jitter: random() * min(maxDelayMs, base * 2^(attempt-1)), where base is
//   `baseDelayMs` for a request that is not idempotent (a feed POST: a retry costs quota and risks a
//   duplicate) and the smaller `idempotentBaseDelayMs` for one that is (a status read: a retry costs a
//   status-bucket token of thousands a minute, and nothing else). Walmart's advice for a 503 is "wait
//   briefly and retry": reads start at 25 ms and take up to 7 attempts (at most 1.6 s of backoff in all,
//   as 5 attempts from 100 ms did), so the usual one-off 503 costs about 12 ms instead of 50.
// - A 503 means the call did not reach Walmart's gateway (Walmart's error codes: "If an API call cannot reach
//   the Walmart gateway, a basic HTTP error code (such as 503 Service Unavailable) is returned"; the fix:
//   "Wait briefly and retry"). So a feed POST answered 503 backs off from `unreachedBaseDelayMs` (50 ms), not
//   from the 500 ms of its other retries: nothing was taken, so the retry cannot send a feed twice, and the
//   usual one-off 503 costs about 25 ms instead of 250. Its 5 attempts then hold at most 750 ms of backoff;
//   past that the submitter looks the feed up by its file name and sends it again (up to 3 times).
// - An idempotent request whose connection dropped (a reset keep-alive socket, usually) is retried at once
//   the first time; a second drop backs off as above.
// - A server-advertised wait longer than `maxServerWaitMs` is not slept through: the call fails with the
//   time in the error so the caller can schedule it.
import { WalmartNetworkError } from './errors.js';
import { readReplenishAt, readRetryAfterAt } from './rate-limit-headers.js';

export interface RetryOptions {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Attempts in all for an idempotent request (a read). */
  idempotentMaxAttempts: number;
  baseDelayMs: number;
  /** The first backoff ceiling for idempotent requests (reads); doubles like baseDelayMs. */
  idempotentBaseDelayMs: number;
  /** The first backoff ceiling after a 503 (the gateway was not reached), for any request; doubles like baseDelayMs. */
  unreachedBaseDelayMs: number;
  /** Cap of one backoff delay. */
  maxDelayMs: number;
  /** The longest Retry-After / replenish wait honoured; longer ones fail the call. */
  maxServerWaitMs: number;
  retryStatuses: ReadonlySet<number>;
  /** Statuses meaning Walmart did not process the request: the only ones a non-idempotent request retries on. */
  unprocessedStatuses: ReadonlySet<number>;
  retryErrnos: ReadonlySet<string>;
}

export const DEFAULT_RETRY_OPTIONS: RetryOptions = {
  maxAttempts: 5,
  idempotentMaxAttempts: 7,
  baseDelayMs: 500,
  idempotentBaseDelayMs: 25,
  unreachedBaseDelayMs: 50,
  maxDelayMs: 20_000,
  maxServerWaitMs: 60_000,
  retryStatuses: new Set([423, 429, 500, 502, 503, 504]),
  unprocessedStatuses: new Set([423, 429, 503]),
  retryErrnos: new Set([
    'ECONNRESET',
    'ECONNREFUSED', // nothing listening yet (a restarting gateway or emulator); provably unsent
    'EPIPE',
    'ETIMEDOUT',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'ENETDOWN',
    'EAI_AGAIN',
    'UND_ERR_SOCKET',
    'UND_ERR_CONNECT_TIMEOUT',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
  ]),
};

export type RetryOutcome =
  | { kind: 'response'; status: number; headers: Readonly<Record<string, string>> }
  | { kind: 'error'; error: unknown };

export type RetryDecision = { retry: false; reason: string } | { retry: true; delayMs: number; reason: string };

export interface RetryInput {
  /** The attempt that just finished, 1-based. */
  attempt: number;
  idempotent: boolean;
  outcome: RetryOutcome;
  now: number;
  random: () => number;
  options: RetryOptions;
}

export function backoffDelay(attempt: number, options: RetryOptions, random: () => number, idempotent = false, status?: number): number {
  let base = idempotent ? Math.min(options.idempotentBaseDelayMs, options.baseDelayMs) : options.baseDelayMs;
  if (status === 503) base = Math.min(base, options.unreachedBaseDelayMs);
  const ceiling = Math.min(options.maxDelayMs, base * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

export function decideRetry(input: RetryInput): RetryDecision {
  const { attempt, idempotent, outcome, now, random, options } = input;
  const maxAttempts = idempotent ? options.idempotentMaxAttempts : options.maxAttempts;
  if (outcome.kind === 'error') {
    const e = outcome.error;
    if (!(e instanceof WalmartNetworkError)) return { retry: false, reason: 'not a connection error' };
    if (!options.retryErrnos.has(e.errno)) return { retry: false, reason: `${e.errno} is not retried` };
    if (e.requestSent && !idempotent) return { retry: false, reason: `${e.errno} after the request was sent; it may have been processed` };
    if (attempt >= maxAttempts) return { retry: false, reason: `gave up after ${attempt} attempts` };
    if (idempotent && attempt === 1) return { retry: true, delayMs: 0, reason: `${e.errno}, retried at once` };
    return { retry: true, delayMs: backoffDelay(attempt, options, random, idempotent), reason: e.errno };
  }
  const { status, headers } = outcome;
  if (!options.retryStatuses.has(status)) return { retry: false, reason: `HTTP ${status} is not retried` };
  if (!idempotent && !options.unprocessedStatuses.has(status)) {
    return { retry: false, reason: `HTTP ${status} on a non-idempotent request; it may have been processed` };
  }
  if (attempt >= maxAttempts) return { retry: false, reason: `gave up after ${attempt} attempts` };
  const advertised = Math.max(readRetryAfterAt(headers, now) ?? -Infinity, status === 429 ? (readReplenishAt(headers, now) ?? -Infinity) : -Infinity);
  if (advertised !== -Infinity) {
    const wait = Math.max(0, advertised - now);
    if (wait > options.maxServerWaitMs) return { retry: false, reason: `Walmart asked for a ${Math.ceil(wait / 1000)} s wait` };
    return { retry: true, delayMs: wait, reason: `HTTP ${status}, waiting as advertised` };
  }
  return { retry: true, delayMs: backoffDelay(attempt, options, random, idempotent, status), reason: `HTTP ${status}` };
}
