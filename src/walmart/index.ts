// The Walmart API client's public surface: config, client, endpoint functions, errors and the pieces
// (interceptors, token service, rate limiter, retry policy) for callers who compose their own.
export type { WalmartConfig, WalmartConfigInput } from './config.js';
export { configFromEnv, resolveConfig } from './config.js';
export type { Profile, ProfileName } from './profiles.js';
export { PROFILES, SUPPLIER_ITEM_FEED_TYPES, feedSubmitPath, profileForBaseUrl } from './profiles.js';
export { REDACTED, Redactor, Secret } from './secret.js';

export type { ApiCall, CallOptions, WalmartClientOptions } from './client.js';
export { WalmartClient, createWalmartClient, parseJsonBody } from './client.js';
export type { Clock } from './clock.js';
export { abortableSleep, systemClock } from './clock.js';
export type { WalmartEvent, WalmartLogger } from './events.js';
export type { CallContext, HttpMethod, Interceptor, Send, WalmartRequest, WalmartResponse } from './types.js';
export { compose } from './compose.js';

export type { TokenSource } from './auth.js';
export { authInterceptor } from './auth.js';
export type { HeaderPolicy } from './headers.js';
export { WM_HEADERS, headersInterceptor, policyHeaders } from './headers.js';
export type { AccessToken, TokenRenewalOptions, TokenServiceDeps } from './token-service.js';
export { DEFAULT_TOKEN_RENEWAL, TOKEN_ROUTE, TokenService, renewalMarginMs } from './token-service.js';
export type { AcquireOptions, BucketSnapshot, Lease, RateLimitOptions } from './rate-limiter.js';
export { DEFAULT_RATE_LIMIT_OPTIONS, RateLimiter } from './rate-limiter.js';
export { rateLimitInterceptor } from './rate-limit.js';
export { REPLENISH_TIME_HEADER, TOKEN_COUNT_HEADER, readReplenishAt, readRetryAfterAt, readTokenCount } from './rate-limit-headers.js';
export type { RetryDecision, RetryInput, RetryOptions, RetryOutcome } from './retry-policy.js';
export { DEFAULT_RETRY_OPTIONS, backoffDelay, decideRetry } from './retry-policy.js';
export type { RetryDeps } from './retry.js';
export { retryInterceptor } from './retry.js';
export type { TransportOptions } from './transport.js';
export { DEFAULT_TRANSPORT_OPTIONS, createTransport } from './transport.js';
export type { BufferedResponse } from './buffering-handler.js';
export { BufferingHandler } from './buffering-handler.js';

export type { WalmartErrorDetail } from './envelope.js';
export { describeDetails, isTransient, parseErrorBody, parseErrorEnvelope } from './envelope.js';
export type { WalmartErrorCode, WalmartErrorInit } from './errors.js';
export {
  WalmartAuthError,
  WalmartConfigError,
  WalmartError,
  WalmartHttpError,
  WalmartNetworkError,
  WalmartOutcomeUnknownError,
  WalmartPayloadTooLarge,
  WalmartRateLimitError,
  WalmartResponseError,
  isWalmartError,
} from './errors.js';
export { errorFromResponse } from './response-errors.js';
export type { PageInfo, PageRequest } from './paginate.js';
export { paginate } from './paginate.js';

export { getToken } from './endpoints/token.js';
export type { GetSpecParams, GetSpecResult, RejectedProductType, SpecPart } from './endpoints/spec.js';
export { MAX_PRODUCT_TYPES_PER_SPEC_REQUEST, getSpec } from './endpoints/spec.js';
export type { GetTaxonomyParams } from './endpoints/taxonomy.js';
export { getTaxonomy } from './endpoints/taxonomy.js';
export type { SubmitFeedParams, SubmitFeedResult } from './endpoints/submit-feed.js';
export { submitFeed } from './endpoints/submit-feed.js';
export type { FeedStatus, FeedStatusParams, ItemIngestionStatus } from './endpoints/feed-status.js';
export { FeedItemsReader, getFeedStatus, iterateFeedItems, readFeedItems } from './endpoints/feed-status.js';
export type { FeedRecord, FeedsPage, ListFeedsParams } from './endpoints/feeds-list.js';
export { iterateFeeds, listFeeds } from './endpoints/feeds-list.js';
export type { GetItemParams, ItemSummary, ItemsPage, ListItemsParams, ProductIdType } from './endpoints/items.js';
export { getItem, iterateItems, listItems } from './endpoints/items.js';
export type { ListOrdersParams, OrderFilters, OrdersPage } from './endpoints/orders.js';
export { getOrder, iterateOrders, listOrders } from './endpoints/orders.js';
