// The structured access log: one entry per request, handed to the caller's hook. It carries what a
// person debugging a client needs (correlation ID, API, status, fault, timing) and never a token, a
// secret or a request body.
import type { FaultKind } from './faults.js';
import type { ApiName } from './rate-limit.js';

export interface AccessLogEntry {
  /** Epoch ms at which the request arrived. */
  time: number;
  method: string;
  /** The path without its query string (a query may carry a SKU, never a secret, but stays out anyway). */
  path: string;
  api: ApiName;
  status: number;
  durationMs: number;
  correlationId: string | undefined;
  /** The client ID the caller's token was issued to. */
  clientId: string | undefined;
  fault: FaultKind | undefined;
  /** On a 429 (the bucket's or an injected one): the x-next-replenish-time it advertised, epoch ms. A client
   * that follows Walmart's docs pauses that API until then: the wait a timeline counts as the emulator's, not the client's. */
  replenishAt?: number;
  /** A feed submission: the file name its multipart part gave (the client's name for the feed, never its content), on every
   * attempt, answered or faulted, so a timeline can tell which feed each attempt was for. */
  fileName?: string;
  /** A feed submission the emulator took (answered, or taken before an injected reset): the feedId it was given. */
  feedId?: string;
  /** A feed status call (GET /v3/feeds/{feedId}): whether it asked for item details (includeDetails, true unless "false"). */
  itemDetails?: boolean;
  /** Set when the socket was destroyed instead of answered. */
  reset: boolean;
  /** The handler's exception message, for 500s the emulator did not mean. */
  error: string | undefined;
}

export type AccessLogHook = (entry: AccessLogEntry) => void;
