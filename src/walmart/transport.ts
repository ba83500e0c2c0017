// The innermost layer: one HTTP attempt over an undici Dispatcher, body buffered both ways. It returns
// every status as a response (the layers above decide what is an error) and turns connection failures into
// WalmartNetworkError, or WalmartOutcomeUnknownError when a non-idempotent request had already been written.
import type { Dispatcher } from 'undici';
import { BufferingHandler, ResponseTooLargeError } from './buffering-handler.js';
import type { Clock } from './clock.js';
import { abortReason, throwIfAborted } from './clock.js';
import type { WalmartError } from './errors.js';
import { WalmartNetworkError, WalmartOutcomeUnknownError, WalmartResponseError } from './errors.js';
import { WM_HEADERS } from './headers.js';
import type { Send, WalmartRequest } from './types.js';

export interface TransportOptions {
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  maxResponseBytes: number;
  clock: Clock;
}

export const DEFAULT_TRANSPORT_OPTIONS: Omit<TransportOptions, 'clock'> = {
  headersTimeoutMs: 60_000,
  bodyTimeoutMs: 120_000,
  // Whole item specs run to a few MB and the taxonomy to about 2 MB; this only stops a runaway body.
  maxResponseBytes: 128 * 1024 * 1024,
};

function errnoOf(error: unknown): string {
  let e: unknown = error;
  for (let depth = 0; depth < 4 && typeof e === 'object' && e !== null; depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code !== '') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return error instanceof Error ? error.name : 'UNKNOWN';
}

export function transportError(error: unknown, request: WalmartRequest, correlationId: string, requestStarted: boolean, attempt: number): WalmartError {
  if (error instanceof ResponseTooLargeError) {
    return new WalmartResponseError(`Walmart's response to ${request.route} was larger than ${error.limit} bytes and was dropped; raise maxResponseBytes if this is expected.`, {
      route: request.route,
      correlationId,
      cause: error,
    });
  }
  const errno = errnoOf(error);
  if (requestStarted && !request.idempotent) {
    return new WalmartOutcomeUnknownError(
      `The connection to ${request.origin} failed (${errno}) after ${request.route} was sent and before Walmart answered, so Walmart may or may not have accepted it; it was not retried. Look it up (GET /v3/feeds lists recent feeds) before sending it again.`,
      { route: request.route, correlationId, errno, cause: error },
    );
  }
  return new WalmartNetworkError(
    `Could not complete ${request.route} with ${request.origin} (${errno}, attempt ${attempt}); check the network and WALMART_BASE_URL, then try again.`,
    { route: request.route, correlationId, errno, requestSent: requestStarted, cause: error },
  );
}

export function createTransport(dispatcher: Dispatcher, options: TransportOptions): Send {
  return async (request, context) => {
    throwIfAborted(context.signal);
    const correlationId = request.correlationId ?? request.headers[WM_HEADERS.correlationId] ?? '';
    const base = { callId: context.callId, route: request.route, correlationId, attempt: context.attempt };
    context.emit({ type: 'request', ...base, method: request.method, path: request.path.split('?')[0] ?? request.path });
    const startedAt = options.clock.now();
    const handler = new BufferingHandler({ maxBytes: options.maxResponseBytes, signal: context.signal });
    try {
      dispatcher.dispatch(
        {
          origin: request.origin,
          path: request.path,
          method: request.method,
          headers: { ...request.headers },
          body: request.body ?? null,
          headersTimeout: options.headersTimeoutMs,
          bodyTimeout: options.bodyTimeoutMs,
        },
        handler,
      );
    } catch (error) {
      handler.fail(error instanceof Error ? error : new Error(String(error)));
    }
    let result;
    try {
      result = await handler.done;
    } catch (error) {
      if (context.signal?.aborted === true) throw abortReason(context.signal);
      throw transportError(error, request, correlationId, handler.requestStarted, context.attempt);
    }
    context.emit({ type: 'response', ...base, status: result.status, durationMs: options.clock.now() - startedAt });
    return { ...result, correlationId, attempt: context.attempt };
  };
}
