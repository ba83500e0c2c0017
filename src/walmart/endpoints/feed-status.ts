// One feed's status (GET /v3/feeds/{feedId}) and its item-level ingestion statuses: walked by nextCursor
// when Walmart gives one and offset/limit otherwise (itemsReceived is the total), or, for a feed small
// enough for offsets, read several pages at a time by offset.
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

/** Walmart's docs allow offset/limit paging of item details only for feeds of fewer than this many records. */
export const OFFSET_PAGING_MAX_ITEMS = 1000;
/** The most item details one status page holds (the OpenAPI: "cannot be more than 50"). */
export const FEED_ITEMS_PAGE_SIZE = 50;
/** Pages of one feed read at once: well inside the status API's thousands a minute. */
export const FEED_ITEMS_CONCURRENCY = 8;

/**
 * Every item-level status of a finished feed of `itemsReceived` records. A feed small enough for offsets
 * has all its page offsets known up front, so its pages are read `concurrency` at a time (the client's
 * rate limiter still holds each one to the status API's bucket) and a retried page holds up no other; a
 * larger feed, or one of unknown size, is walked by cursor, one page after another. Should the offset
 * pages not add up to `itemsReceived`, the cursor walk is the answer.
 */
export async function readFeedItems(
  client: WalmartClient,
  feedId: string,
  itemsReceived: number | undefined,
  params: { concurrency?: number } = {},
  options: CallOptions = {},
): Promise<ItemIngestionStatus[]> {
  const walk = async (): Promise<ItemIngestionStatus[]> => {
    const out: ItemIngestionStatus[] = [];
    for await (const item of iterateFeedItems(client, feedId, { limit: FEED_ITEMS_PAGE_SIZE }, options)) out.push(item);
    return out;
  };
  if (itemsReceived === undefined || itemsReceived <= FEED_ITEMS_PAGE_SIZE || itemsReceived >= OFFSET_PAGING_MAX_ITEMS) return walk();
  const pages: ItemIngestionStatus[][] = [];
  const count = Math.ceil(itemsReceived / FEED_ITEMS_PAGE_SIZE);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (next < count && !failed) {
      const p = next++;
      try {
        pages[p] = itemsOf(await getFeedStatus(client, feedId, { includeDetails: true, offset: p * FEED_ITEMS_PAGE_SIZE, limit: FEED_ITEMS_PAGE_SIZE }, options));
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, params.concurrency ?? FEED_ITEMS_CONCURRENCY), count) }, worker));
  const items = pages.flat();
  return items.length === itemsReceived ? items : walk();
}
