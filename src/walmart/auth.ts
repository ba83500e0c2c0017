// The auth interceptor: attach a cached access token; on a 401, drop that token, fetch a fresh one and
// replay the request once. A second 401 is returned as is (the client turns it into WALMART_AUTH).
// Replaying is safe even for a feed submission: a 401 means the gateway refused it before processing.
import type { Secret } from './secret.js';
import type { Interceptor } from './types.js';

export interface TokenSource {
  getToken(signal?: AbortSignal): Promise<Secret>;
  /** Forget `token` if it is still the cached one (so N concurrent 401s cause one renewal, not N). */
  invalidate(token: Secret): void;
}

export function authInterceptor(tokens: TokenSource): Interceptor {
  return (next) => async (request, context) => {
    const token = await tokens.getToken(context.signal);
    const first = await next({ ...request, accessToken: token }, context);
    if (first.status !== 401) return first;
    tokens.invalidate(token);
    context.emit({ type: 'auth-renew', callId: context.callId, route: request.route, correlationId: first.correlationId });
    const fresh = await tokens.getToken(context.signal);
    return next({ ...request, accessToken: fresh }, context);
  };
}
