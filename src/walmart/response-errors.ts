// Turns a non-2xx Walmart response into the matching WalmartError: envelope parsed, Walmart's text
// scrubbed of known secrets, transient/data decided, and a message that ends with what to do.
import type { WalmartErrorDetail } from './envelope.js';
import { isTransient, parseErrorBody } from './envelope.js';
import type { WalmartError, WalmartErrorInit } from './errors.js';
import { WalmartAuthError, WalmartHttpError, WalmartPayloadTooLarge, WalmartRateLimitError, WalmartResponseError, walmartSaid } from './errors.js';
import { readReplenishAt, readRetryAfterAt } from './rate-limit-headers.js';
import type { Redactor } from './secret.js';
import type { WalmartResponse } from './types.js';

function scrub(d: WalmartErrorDetail, redactor: Redactor): WalmartErrorDetail {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(d)) if (typeof v === 'string') out[k] = redactor.redact(v);
  return out;
}

export function errorFromResponse(response: WalmartResponse, route: string, redactor: Redactor): WalmartError {
  const { status, correlationId } = response;
  const details = parseErrorBody(response.body).map((d) => scrub(d, redactor));
  const init = { status, correlationId, route, details, transient: isTransient(status, details) } satisfies WalmartErrorInit;
  const said = walmartSaid(details);
  const tries = response.attempt > 1 ? ` after ${response.attempt} attempts` : '';
  if (status === 401) {
    return new WalmartAuthError(
      `Walmart refused the access token for ${route} (HTTP 401) even after a fresh token was fetched.${said} Check that the app behind WALMART_CLIENT_ID may use this API and that WALMART_SVC_NAME / WALMART_CHANNEL_TYPE are right.`,
      init,
    );
  }
  if (status === 403) {
    return new WalmartHttpError('WALMART_FORBIDDEN', `Walmart refused ${route} (HTTP 403): these credentials lack permission for it.${said} Ask the account admin to grant the app access to this API.`, init);
  }
  if (status === 404) {
    return new WalmartHttpError('WALMART_NOT_FOUND', `Walmart found nothing for ${route} (HTTP 404).${said} Check the ID and the filters (and that it was created in this environment).`, init);
  }
  if (status === 413) {
    return new WalmartPayloadTooLarge(`Walmart rejected the body of ${route} as too large (HTTP 413).${said} Split the feed into smaller files and submit each one.`, init);
  }
  if (status === 429) {
    const now = Date.now();
    const retryAt = readRetryAfterAt(response.headers, now) ?? readReplenishAt(response.headers, now);
    const when = retryAt === undefined ? 'a while' : `until ${new Date(retryAt).toISOString()}`;
    return new WalmartRateLimitError(`Walmart throttled ${route} (HTTP 429)${tries}.${said} Wait ${when}, or send fewer requests to this API.`, {
      ...init,
      ...(retryAt === undefined ? {} : { retryAt }),
    });
  }
  if (status === 423 || status >= 500) {
    return new WalmartHttpError('WALMART_UNAVAILABLE', `Walmart could not process ${route} right now (HTTP ${status})${tries}.${said} ${init.transient ? 'This is usually temporary: try again later.' : 'Check the request, then try again.'}`, init);
  }
  if (status >= 400) {
    return new WalmartHttpError('WALMART_REJECTED', `Walmart rejected ${route} (HTTP ${status}).${said} Fix the request and send it again.`, init);
  }
  return new WalmartResponseError(`Walmart answered ${route} with an unexpected HTTP ${status}.${said} Check WALMART_BASE_URL.`, init);
}
