// The retry interceptor: runs the attempt, asks decideRetry, sleeps on the injected clock (abortable: an
// abort clears the timer and rejects at once) and tries again. The rules themselves are in retry-policy.ts.
import type { Clock } from './clock.js';
import { throwIfAborted } from './clock.js';
import type { RetryOptions, RetryOutcome } from './retry-policy.js';
import { decideRetry } from './retry-policy.js';
import type { Interceptor, WalmartResponse } from './types.js';
import { WalmartError } from './errors.js';

export interface RetryDeps {
  options: RetryOptions;
  clock: Clock;
  random: () => number;
}

export function retryInterceptor(deps: RetryDeps): Interceptor {
  return (next) => async (request, context) => {
    for (let attempt = 1; ; attempt += 1) {
      throwIfAborted(context.signal);
      let response: WalmartResponse | undefined;
      let failure: unknown;
      let outcome: RetryOutcome;
      try {
        response = await next(request, { ...context, attempt });
        outcome = { kind: 'response', status: response.status, headers: response.headers };
      } catch (error) {
        if (context.signal?.aborted === true) throw error;
        failure = error;
        outcome = { kind: 'error', error };
      }
      const decision = decideRetry({
        attempt,
        idempotent: request.idempotent,
        outcome,
        now: deps.clock.now(),
        random: deps.random,
        options: deps.options,
      });
      if (!decision.retry) {
        if (response !== undefined) return response;
        throw failure;
      }
      const correlationId = response?.correlationId ?? (failure instanceof WalmartError ? failure.correlationId : undefined) ?? '';
      context.emit({
        type: 'retry',
        callId: context.callId,
        route: request.route,
        correlationId,
        attempt,
        delayMs: decision.delayMs,
        reason: decision.reason,
      });
      await deps.clock.sleep(decision.delayMs, context.signal);
    }
  };
}
