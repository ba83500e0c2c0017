// One feed's status (GET /v3/feeds/{feedId}) and its item-level ingestion statuses: walked by nextCursor
// when Walmart gives one and offset/limit otherwise (itemsReceived is the total), or, for a feed small
// enough for offsets, read several pages at a time by offset.
import * as z from 'zod';
import type { CallOptions, WalmartClient } from '../client.js';
import { nextPageRequest, paginate } from '../paginate.js';
import type { PageRequest } from '../paginate.js';
import { WalmartError } from '../errors.js';
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
 * Every item-level status of a finished feed of `itemsReceived` records, read so that a page that fails
 * (after the client's own retries) costs only itself: calling `read()` again goes on from the pages
 * already read instead of from the first one. A feed small enough for offsets has all its page offsets
 * known up front, so its pages are read `concurrency` at a time (the client's rate limiter still holds each
 * one to the status API's bucket) and a retried page holds up no other; a larger feed, or one of unknown
 * size, is walked by cursor, one page after another. Should the offset pages not add up to
 * `itemsReceived`, the cursor walk is the answer.
 */
export class FeedItemsReader {
  readonly #client: WalmartClient;
  readonly #feedId: string;
  readonly #itemsReceived: number | undefined;
  readonly #concurrency: number;
  readonly #options: CallOptions;
  /** Offset pages read so far, by page number. */
  readonly #pages: Array<ItemIngestionStatus[] | undefined> = [];
  /** The cursor walk so far: its items, the next request, the cursors seen (the loop guard). */
  #walked: ItemIngestionStatus[] = [];
  #next: PageRequest | 'end' = undefined;
  #seen = new Set<string>();

  constructor(client: WalmartClient, feedId: string, itemsReceived: number | undefined, params: { concurrency?: number } = {}, options: CallOptions = {}) {
    this.#client = client;
    this.#feedId = feedId;
    this.#itemsReceived = itemsReceived;
    this.#concurrency = Math.max(1, params.concurrency ?? FEED_ITEMS_CONCURRENCY);
    this.#options = options;
  }

  /** The feed's item statuses, reading only the pages not read by an earlier call. */
  async read(): Promise<ItemIngestionStatus[]> {
    const n = this.#itemsReceived;
    if (n === undefined || n <= FEED_ITEMS_PAGE_SIZE || n >= OFFSET_PAGING_MAX_ITEMS) return this.#walk();
    const items = await this.#byOffset(n);
    return items.length === n ? items : this.#walk();
  }

  async #byOffset(itemsReceived: number): Promise<ItemIngestionStatus[]> {
    const count = Math.ceil(itemsReceived / FEED_ITEMS_PAGE_SIZE);
    const todo = Array.from({ length: count }, (_, p) => p).filter((p) => this.#pages[p] === undefined);
    let failed = false;
    const worker = async (): Promise<void> => {
      for (let p = todo.shift(); p !== undefined && !failed; p = todo.shift()) {
        try {
          this.#pages[p] = itemsOf(await getFeedStatus(this.#client, this.#feedId, { includeDetails: true, offset: p * FEED_ITEMS_PAGE_SIZE, limit: FEED_ITEMS_PAGE_SIZE }, this.#options));
        } catch (e) {
          failed = true;
          throw e;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.#concurrency, Math.max(1, todo.length)) }, worker));
    return this.#pages.flatMap((p) => p ?? []);
  }

  async #walk(): Promise<ItemIngestionStatus[]> {
    const resumed = this.#next !== undefined;
    try {
      while (this.#next !== 'end') {
        const request: PageRequest = this.#next;
        const page = await getFeedStatus(
          this.#client,
          this.#feedId,
          request !== undefined && 'cursor' in request
            ? { includeDetails: true, nextCursor: request.cursor, limit: FEED_ITEMS_PAGE_SIZE }
            : { includeDetails: true, offset: request?.offset ?? 0, limit: FEED_ITEMS_PAGE_SIZE },
          this.#options,
        );
        const items = itemsOf(page);
        const next = nextPageRequest(request, { count: items.length, nextCursor: page.nextCursor, total: page.itemsReceived }, this.#seen, WALK);
        this.#walked.push(...items);
        this.#next = next;
      }
      return this.#walked;
    } catch (e) {
      // A cursor kept from an earlier call that Walmart no longer takes: start the walk over, once.
      if (!resumed || (e instanceof WalmartError && e.transient)) throw e;
      this.#walked = [];
      this.#next = undefined;
      this.#seen = new Set();
      return this.#walk();
    }
  }
}

const WALK = { limit: FEED_ITEMS_PAGE_SIZE, offsets: true, route: FEED_STATUS_ROUTE } as const;

/** Every item-level status of a finished feed of `itemsReceived` records, in one go (see FeedItemsReader). */
export async function readFeedItems(
  client: WalmartClient,
  feedId: string,
  itemsReceived: number | undefined,
  params: { concurrency?: number } = {},
  options: CallOptions = {},
): Promise<ItemIngestionStatus[]> {
  return new FeedItemsReader(client, feedId, itemsReceived, params, options).read();
}
