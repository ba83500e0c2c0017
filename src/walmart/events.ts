// Structured log events for the optional logger hook. They carry ids, routes and timings, never headers:
// a token can only reach a log through Walmart text, and every string is passed through the redactor.
import type { Redactor } from './secret.js';

interface CallEvent {
  /** Stable across the retries of one call. */
  callId: string;
  /** Method + path template, e.g. `GET /v3/feeds/{feedId}`. */
  route: string;
}

export type WalmartEvent =
  | (CallEvent & {
      type: 'request';
      /** New for every attempt: WM_QOS.CORRELATION_ID is per attempt, callId ties the attempts together. */
      correlationId: string;
      attempt: number;
      method: string;
      /** The path without its query string. */
      path: string;
    })
  | (CallEvent & { type: 'response'; correlationId: string; attempt: number; status: number; durationMs: number })
  | (CallEvent & {
      type: 'retry';
      /** The correlation ID of the attempt that failed; the next attempt gets a new one. */
      correlationId: string;
      attempt: number;
      delayMs: number;
      reason: string;
    })
  | (CallEvent & { type: 'rate-limit-wait'; correlationId: string; waitMs: number; reason: 'bucket-empty' | 'probe-in-flight' })
  | (CallEvent & { type: 'auth-renew'; correlationId: string })
  | (CallEvent & { type: 'token'; action: 'fetched' | 'invalidated'; correlationId?: string; expiresInS?: number })
  | (CallEvent & { type: 'error'; correlationId?: string; code: string; status?: number; message: string });

export type WalmartLogger = (event: WalmartEvent) => void;

/** An emit function that never throws into the client and never lets a known secret through. */
export function safeEmitter(logger: WalmartLogger | undefined, redactor: Redactor): (event: WalmartEvent) => void {
  if (logger === undefined) return () => undefined;
  return (event) => {
    // Only these fields can carry text that came from Walmart (or from an error's cause).
    const clean: WalmartEvent =
      event.type === 'error'
        ? { ...event, message: redactor.redact(event.message) }
        : event.type === 'retry'
          ? { ...event, reason: redactor.redact(event.reason) }
          : event;
    try {
      logger(clean);
    } catch {
      // A broken logger must not break a feed submission.
    }
  };
}
