// One feed's status (GET /v3/feeds/{feedId}) and an iterator over its item-level ingestion statuses,
// following nextCursor when Walmart gives one and offset/limit otherwise (itemsReceived is the total).
import * as z from 'zod';
import type { CallOptions, WalmartClient } from '../client.js';
import { paginate } from '../paginate.js';
import { parseShape } from '../response-shape.js';
import { pathSegment } from '../url.js';

export const FEED_STATUS_ROUTE = 'GET /v3/feeds/{feedId}';

const count = z.coerce.number().optional();

export const itemIngestionStatusSchema = z.looseObject({
  sku: z.string().optional(),
  wpid: z.string().optional(),
  index: count,
  ingestionStatus: z.string().optional(),
  ingestionErrors: z.unknown().optional(),
  productIdentifiers: z.unknown().optional(),
});
export type ItemIngestionStatus = z.output<typeof itemIngestionStatusSchema>;

export const feedStatusSchema = z.looseObject({
  feedId: z.string(),
  feedStatus: z.string().optional(),
  itemsReceived: count,
  itemsSucceeded: count,
  itemsFailed: count,
  itemsProcessing: count,
  offset: count,
  limit: count,
  nextCursor: z.string().optional(),
  itemDetails: z.looseObject({ itemIngestionStatus: z.array(itemIngestionStatusSchema).optional() }).optional(),
});
export type FeedStatus = z.output<typeof feedStatusSchema>;

export interface FeedStatusParams {
  /** Item-level statuses (Walmart's default is true). */
  includeDetails?: boolean;
  offset?: number;
  /** Max 100. */
  limit?: number;
  nextCursor?: string;
}

export async function getFeedStatus(client: WalmartClient, feedId: string, params: FeedStatusParams = {}, options: CallOptions = {}): Promise<FeedStatus> {
  const { response, data } = await client.callJson(
    {
      method: 'GET',
      route: FEED_STATUS_ROUTE,
      path: `/v3/feeds/${pathSegment(feedId)}`,
      query: { includeDetails: params.includeDetails, nextCursor: params.nextCursor, offset: params.offset, limit: params.limit },
      sendMarket: true,
    },
    options,
  );
  return parseShape(feedStatusSchema, data, response, FEED_STATUS_ROUTE, 'feed status');
}

export function itemsOf(status: FeedStatus): ItemIngestionStatus[] {
  return status.itemDetails?.itemIngestionStatus ?? [];
}

/** Every item-level status of a feed, page by page. */
export async function* iterateFeedItems(
  client: WalmartClient,
  feedId: string,
  params: { limit?: number } = {},
  options: CallOptions = {},
): AsyncGenerator<ItemIngestionStatus, void, undefined> {
  const limit = params.limit ?? 50;
  const pages = paginate(
    (req) =>
      getFeedStatus(
        client,
        feedId,
        req !== undefined && 'cursor' in req ? { includeDetails: true, nextCursor: req.cursor, limit } : { includeDetails: true, offset: req?.offset ?? 0, limit },
        options,
      ),
    (page) => ({ count: itemsOf(page).length, nextCursor: page.nextCursor, total: page.itemsReceived }),
    { limit, offsets: true, route: FEED_STATUS_ROUTE },
  );
  for await (const page of pages) yield* itemsOf(page);
}
