// Submitted feeds and their item-level results. A feed's counts are kept with it, so a status poll (the
// most frequent call a client makes) costs a map lookup and a slice, not a pass over every item.
import type { ProductIdentifier } from '../feeds/item-facts.js';

export type FeedStatus = 'RECEIVED' | 'INPROGRESS' | 'PROCESSED' | 'ERROR';
export type IngestionStatus = 'INPROGRESS' | 'SUCCESS' | 'DATA_ERROR' | 'SYSTEM_ERROR' | 'TIMEOUT_ERROR';
export type FeedSource = 'marketplace' | 'supplier';

export interface IngestionError {
  type: 'DATA_ERROR' | 'SYSTEM_ERROR' | 'TIMEOUT_ERROR';
  code: string;
  field: string;
  description: string;
}

export interface ItemStatus {
  /** 0-based position in the feed, as Walmart's `index`. */
  index: number;
  sku: string | undefined;
  wpid: string | undefined;
  itemId: string | undefined;
  productIdentifiers: ProductIdentifier[];
  ingestionStatus: IngestionStatus;
  ingestionErrors: IngestionError[];
}

export interface FeedRecord {
  feedId: string;
  feedType: string;
  source: FeedSource;
  partnerId: string;
  channelType: string | undefined;
  fileName: string | undefined;
  activityId: string;
  status: FeedStatus;
  submittedAt: number;
  modifiedAt: number;
  bytes: number;
  itemsReceived: number;
  itemsSucceeded: number;
  itemsFailed: number;
  itemsProcessing: number;
  itemDataErrorCount: number;
  itemSystemErrorCount: number;
  itemTimeoutErrorCount: number;
  items: ItemStatus[];
  /** Feed-level errors of an ERROR feed (unparseable file, bad header). */
  feedErrors: IngestionError[];
  /** The spec the items were validated against, when one was cached. */
  spec: { feedType: string; version: string } | undefined;
}

export interface FeedQuery {
  feedId?: string | undefined;
  feedType?: string | undefined;
  feedStatus?: string | undefined;
}

const SETTLED: ReadonlySet<FeedStatus> = new Set(['PROCESSED', 'ERROR']);

export function isSettled(status: FeedStatus): boolean {
  return SETTLED.has(status);
}

/** Recomputes a feed's counts from its items. */
export function recount(feed: FeedRecord): void {
  let ok = 0;
  let data = 0;
  let system = 0;
  let timeout = 0;
  let processing = 0;
  for (const i of feed.items) {
    if (i.ingestionStatus === 'SUCCESS') ok++;
    else if (i.ingestionStatus === 'DATA_ERROR') data++;
    else if (i.ingestionStatus === 'SYSTEM_ERROR') system++;
    else if (i.ingestionStatus === 'TIMEOUT_ERROR') timeout++;
    else processing++;
  }
  feed.itemsReceived = feed.items.length;
  feed.itemsSucceeded = ok;
  feed.itemsFailed = data + system + timeout;
  feed.itemsProcessing = processing;
  feed.itemDataErrorCount = data;
  feed.itemSystemErrorCount = system;
  feed.itemTimeoutErrorCount = timeout;
}

export class FeedStore {
  readonly #feeds = new Map<string, FeedRecord>();
  /** Newest first, as Walmart lists feeds. */
  #order: FeedRecord[] = [];
  readonly #waiters = new Map<string, Array<(f: FeedRecord) => void>>();

  get size(): number {
    return this.#feeds.size;
  }

  add(feed: FeedRecord): void {
    this.#feeds.set(feed.feedId, feed);
    this.#order.unshift(feed);
  }

  get(feedId: string): FeedRecord | undefined {
    return this.#feeds.get(feedId);
  }

  list(q: FeedQuery): FeedRecord[] {
    const up = (s: string | undefined): string | undefined => s?.toUpperCase();
    return this.#order.filter(
      (f) =>
        (q.feedId === undefined || f.feedId === q.feedId) &&
        (q.feedType === undefined || f.feedType.toUpperCase() === up(q.feedType)) &&
        (q.feedStatus === undefined || f.status === up(q.feedStatus)),
    );
  }

  /** Records a status change; wakes whoever waits for the feed to settle. */
  setStatus(feed: FeedRecord, status: FeedStatus, now: number): void {
    feed.status = status;
    feed.modifiedAt = now;
    if (!isSettled(status)) return;
    const waiters = this.#waiters.get(feed.feedId);
    this.#waiters.delete(feed.feedId);
    for (const w of waiters ?? []) w(feed);
  }

  /** Resolves once the feed is PROCESSED or ERROR (tests and demos, instead of polling). */
  settled(feedId: string): Promise<FeedRecord> {
    const feed = this.#feeds.get(feedId);
    if (feed === undefined) return Promise.reject(new Error(`no feed ${feedId}`));
    if (isSettled(feed.status)) return Promise.resolve(feed);
    return new Promise((resolve) => {
      const list = this.#waiters.get(feedId) ?? [];
      list.push(resolve);
      this.#waiters.set(feedId, list);
    });
  }
}
