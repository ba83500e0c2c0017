// The rate-limit interceptor: take a token from the API's bucket before sending, feed the response's
// headers back after. The bucket itself (RateLimiter) is a separate class, testable without HTTP.
import { WalmartNetworkError } from './errors.js';
import type { RateLimiter } from './rate-limiter.js';
import type { Interceptor } from './types.js';

export function rateLimitInterceptor(limiter: RateLimiter): Interceptor {
  return (next) => async (request, context) => {
    const correlationId = request.correlationId ?? '';
    const lease = await limiter.acquire(request.route, {
      signal: context.signal,
      correlationId: request.correlationId,
      onWait: (waitMs, reason) =>
        context.emit({ type: 'rate-limit-wait', callId: context.callId, route: request.route, correlationId, waitMs, reason }),
    });
    let response;
    try {
      response = await next(request, context);
    } catch (error) {
      lease.release(!(error instanceof WalmartNetworkError) || error.requestSent);
      throw error;
    }
    lease.settle(response.status, response.headers);
    return response;
  };
}
