// All feed statuses (GET /v3/feeds) with its filters, and an iterator over every feed record
// (offset/limit with totalResults; nextCursor when present).
import * as z from 'zod';
import type { CallOptions, WalmartClient } from '../client.js';
import { paginate } from '../paginate.js';
import { parseShape } from '../response-shape.js';

export const FEEDS_ROUTE = 'GET /v3/feeds';

const count = z.coerce.number().optional();

export const feedRecordSchema = z.looseObject({
  feedId: z.string(),
  feedType: z.string().optional(),
  feedStatus: z.string().optional(),
  itemsReceived: count,
  itemsSucceeded: count,
  itemsFailed: count,
  itemsProcessing: count,
  fileName: z.string().optional(),
});
export type FeedRecord = z.output<typeof feedRecordSchema>;

export const feedsPageSchema = z.looseObject({
  totalResults: count,
  offset: count,
  limit: count,
  nextCursor: z.string().optional(),
  results: z.looseObject({ feed: z.array(feedRecordSchema).optional() }).optional(),
});
export type FeedsPage = z.output<typeof feedsPageSchema>;

export interface ListFeedsParams {
  feedId?: string;
  feedType?: string;
  /** RECEIVED | INPROGRESS | PROCESSED | ERROR */
  feedStatus?: string;
  includeDetails?: boolean;
  offset?: number;
  /** Max 100 (Walmart's default 50). */
  limit?: number;
  nextCursor?: string;
}

export async function listFeeds(client: WalmartClient, params: ListFeedsParams = {}, options: CallOptions = {}): Promise<FeedsPage> {
  const { response, data } = await client.callJson(
    {
      method: 'GET',
      route: FEEDS_ROUTE,
      path: '/v3/feeds',
      query: {
        feedId: params.feedId,
        feedType: params.feedType,
        feedStatus: params.feedStatus,
        includeDetails: params.includeDetails,
        offset: params.offset,
        limit: params.limit,
        nextCursor: params.nextCursor,
      },
      sendMarket: true,
    },
    options,
  );
  return parseShape(feedsPageSchema, data, response, FEEDS_ROUTE, 'feed list');
}

export function feedsOf(page: FeedsPage): FeedRecord[] {
  return page.results?.feed ?? [];
}

export async function* iterateFeeds(
  client: WalmartClient,
  params: Omit<ListFeedsParams, 'offset' | 'nextCursor'> = {},
  options: CallOptions = {},
): AsyncGenerator<FeedRecord, void, undefined> {
  const limit = params.limit ?? 50;
  const pages = paginate(
    (req) => listFeeds(client, req !== undefined && 'cursor' in req ? { ...params, limit, nextCursor: req.cursor } : { ...params, limit, offset: req?.offset ?? 0 }, options),
    (page) => ({ count: feedsOf(page).length, nextCursor: page.nextCursor, total: page.totalResults }),
    { limit, offsets: true, route: FEEDS_ROUTE },
  );
  for await (const page of pages) yield* feedsOf(page);
}
