// The header policy, in one place: WM_SEC.ACCESS_TOKEN, a fresh WM_QOS.CORRELATION_ID for every attempt
// (Walmart asks for a new GUID per request, and a retry is a new request; the log's callId links them),
// WM_SVC.NAME, WM_CONSUMER.CHANNEL.TYPE when configured, WM_MARKET on feed-status calls when configured,
// and Accept: application/json.
import { randomUUID } from 'node:crypto';
import type { Interceptor, WalmartRequest } from './types.js';

export const WM_HEADERS = {
  accessToken: 'WM_SEC.ACCESS_TOKEN',
  correlationId: 'WM_QOS.CORRELATION_ID',
  svcName: 'WM_SVC.NAME',
  channelType: 'WM_CONSUMER.CHANNEL.TYPE',
  market: 'WM_MARKET',
} as const;

export interface HeaderPolicy {
  readonly svcName: string;
  readonly channelType?: string | undefined;
  readonly market?: string | undefined;
}

/** The headers one attempt sends: the caller's own (Content-Type, Authorization for the token call) plus the policy's. */
export function policyHeaders(request: WalmartRequest, policy: HeaderPolicy, correlationId: string): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
  headers[WM_HEADERS.svcName] = policy.svcName;
  headers[WM_HEADERS.correlationId] = correlationId;
  if (policy.channelType !== undefined) headers[WM_HEADERS.channelType] = policy.channelType;
  if (request.sendMarket === true && policy.market !== undefined) headers[WM_HEADERS.market] = policy.market;
  if (request.accessToken !== undefined) headers[WM_HEADERS.accessToken] = request.accessToken.reveal();
  return headers;
}

export function headersInterceptor(policy: HeaderPolicy, newCorrelationId: () => string = randomUUID): Interceptor {
  return (next) => (request, context) => {
    const correlationId = newCorrelationId();
    return next({ ...request, correlationId, headers: policyHeaders(request, policy, correlationId) }, context);
  };
}
