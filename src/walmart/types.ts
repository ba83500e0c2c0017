// The shapes every layer of the client speaks: a buffered request, a buffered response, the per-call
// context, and the interceptor signature (undici's `dispatch => dispatch`, as promises over whole bodies,
// because every Walmart body we send must be replayable by a retry).
import type { WalmartEvent } from './events.js';
import type { Secret } from './secret.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

export interface WalmartRequest {
  readonly method: HttpMethod;
  /** Method + path template, e.g. `GET /v3/feeds/{feedId}`: the rate-limit bucket key and the log label. */
  readonly route: string;
  /** `https://marketplace.walmartapis.com`, or the emulator's `http://127.0.0.1:PORT`. */
  readonly origin: string;
  /** Path and query, already encoded (including any base-URL path prefix). */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Buffered so a retry can send it again byte for byte. */
  readonly body?: string | Uint8Array;
  /** True when sending it twice is harmless (GET, token, POST /v3/items/spec); false for feed submissions. */
  readonly idempotent: boolean;
  /** Send WM_MARKET (the feed status APIs require it) when the config has a market. */
  readonly sendMarket?: boolean;
  /** Set by the auth layer; the header layer writes it into WM_SEC.ACCESS_TOKEN. */
  readonly accessToken?: Secret;
  /** Set by the header layer: this attempt's WM_QOS.CORRELATION_ID. */
  readonly correlationId?: string;
}

export interface WalmartResponse {
  readonly status: number;
  /** Lower-cased names; repeated headers joined with ", ". */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  /** The WM_QOS.CORRELATION_ID of the attempt that produced this response. */
  readonly correlationId: string;
  /** 1-based attempt number that produced this response. */
  readonly attempt: number;
}

export interface CallContext {
  /** One id per logical call, stable across retries (correlation IDs are per attempt). */
  readonly callId: string;
  readonly signal: AbortSignal | undefined;
  readonly attempt: number;
  readonly emit: (event: WalmartEvent) => void;
}

export type Send = (request: WalmartRequest, context: CallContext) => Promise<WalmartResponse>;
export type Interceptor = (next: Send) => Send;
