// Follows sent feeds to their end on a poll schedule: GET /v3/feeds/{feedId} until PROCESSED with
// itemsProcessing 0, or ERROR; then every item's verdict, paged, matched to the ledger's records by SKU
// (by position where Walmart gives no SKU) and written to the ledger.
import type { WalmartClient } from '../walmart/client.js';
import { FeedItemsReader, getFeedStatus } from '../walmart/endpoints/feed-status.js';
import type { FeedStatus, ItemIngestionStatus } from '../walmart/endpoints/feed-status.js';
import { WalmartError } from '../walmart/errors.js';
import { parseIngestionErrors } from '../walmart/ingestion-errors.js';
import type { IngestionError } from '../walmart/ingestion-errors.js';
import type { ItemResult, Ledger, LedgerFeed, RecordOutcome } from './ledger.js';
import { waitBefore } from './poll-schedule.js';
import type { PauseHooks } from './test-hooks.js';

export interface FollowDeps {
  client: WalmartClient;
  ledger: Ledger;
  hooks: PauseHooks;
  schedule: readonly number[];
  /** Waits ms; with a signal, rejects (or resolves) as soon as it aborts, leaving no timer behind. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  log: (line: string) => void;
  /** Give up (leaving the feeds to a later run) at this time; default never. */
  deadline?: number;
  /** True while feeds are still being sent: follow waits for them too. */
  moreComing?: () => boolean;
}

export function feedDone(s: FeedStatus): boolean {
  return s.feedStatus === 'ERROR' || (s.feedStatus === 'PROCESSED' && (s.itemsProcessing ?? 0) === 0);
}

function outcomeOf(status: string | undefined): RecordOutcome | undefined {
  switch (status) {
    case 'SUCCESS':
      return 'succeeded';
    case 'IN_REVIEW':
      return 'review';
    case 'DATA_ERROR':
    case 'SYSTEM_ERROR':
    case 'TIMEOUT_ERROR':
      return 'failed';
    default:
      return undefined;
  }
}

/** Walmart's item verdicts as ledger results, matched to the feed's records. */
export function matchItems(feed: LedgerFeed, items: readonly ItemIngestionStatus[], feedErrors: readonly IngestionError[], feedStatus: string | undefined): ItemResult[] {
  if (feedStatus === 'ERROR') {
    // Nothing in an ERROR feed was processed: every record failed with the feed's errors.
    const e = feedErrors.length > 0 ? [...feedErrors] : [{ code: 'FEED_ERROR', description: 'Walmart could not process the feed file.' }];
    return feed.records.map((r) => ({ k: r.k, h: r.h, s: 'failed', e }));
  }
  const bySku = new Map(feed.records.filter((r) => r.sku !== undefined).map((r) => [r.sku as string, r]));
  const results = new Map<string, ItemResult>();
  for (const item of items) {
    const ref = (item.sku === undefined ? undefined : bySku.get(item.sku)) ?? (item.index === undefined ? undefined : feed.records[item.index]);
    const s = outcomeOf(item.ingestionStatus);
    if (ref === undefined || s === undefined) continue;
    const r: ItemResult = { k: ref.k, h: ref.h, s };
    if (s === 'failed') {
      const errors = parseIngestionErrors(item.ingestionErrors);
      r.e = errors.length > 0 ? errors : [{ type: item.ingestionStatus ?? 'DATA_ERROR', code: item.ingestionStatus ?? 'DATA_ERROR' }];
    }
    results.set(ref.k, r);
  }
  if (feedStatus === 'PROCESSED') {
    // A finished feed that does not mention a record would leave it "sent" for ever: it is reported as
    // failed, with a type no resend treats as retryable, so nothing is sent twice on a guess.
    for (const ref of feed.records) {
      if (results.has(ref.k)) continue;
      results.set(ref.k, { k: ref.k, h: ref.h, s: 'failed', e: [{ type: 'NOT_REPORTED', code: 'ITEM_NOT_REPORTED', description: 'Walmart finished the feed without reporting on this record; look the item up in Seller Center before sending it again.' }] });
    }
  }
  return [...results.values()];
}

async function verdicts(d: FollowDeps, feed: LedgerFeed, status: FeedStatus, reader: FeedItemsReader): Promise<void> {
  const feedId = feed.feedId as string;
  const items: ItemIngestionStatus[] = status.feedStatus === 'ERROR' ? [] : await reader.read();
  const feedErrors = parseIngestionErrors((status as Record<string, unknown>).ingestionErrors);
  const results = matchItems(feed, items, feedErrors, status.feedStatus);
  d.ledger.write({ t: 'result', feed: feed.fileName, feedId, at: d.ledger.now(), feedStatus: status.feedStatus ?? 'UNKNOWN', items: results });
  const ok = results.filter((r) => r.s === 'succeeded').length;
  d.log(`Feed ${feedId}: ${status.feedStatus ?? 'done'}; ${ok} of ${feed.records.length} records succeeded.`);
}

/** How often to look for the end of sending (feeds just sent are noticed at the ledger's write). */
const NEW_FEED_CHECK_MS = 50;

/**
 * One feed on its own schedule from when it was first seen, until it is done (true) or the deadline or
 * another feed's failure stops it (false).
 */
async function followOne(d: FollowDeps, feed: LedgerFeed, stop: AbortSignal): Promise<boolean> {
  let due = Date.now() + waitBefore(d.schedule, 0);
  // Kept across polls: a page read that fails is asked again at the next poll from where it stopped.
  let reader: { itemsReceived: number | undefined; reader: FeedItemsReader } | undefined;
  for (let n = 1; ; n++) {
    if (d.deadline !== undefined && due > d.deadline) return false;
    try {
      await d.sleep(Math.max(0, due - Date.now()), stop);
    } catch (e) {
      if (stop.aborted) return false;
      throw e;
    }
    if (stop.aborted) return false;
    try {
      const status = await getFeedStatus(d.client, feed.feedId as string, { includeDetails: false });
      await d.hooks.reach('polling');
      if (feedDone(status)) {
        if (reader === undefined || reader.itemsReceived !== status.itemsReceived) reader = { itemsReceived: status.itemsReceived, reader: new FeedItemsReader(d.client, feed.feedId as string, status.itemsReceived) };
        await verdicts(d, feed, status, reader.reader);
        return true;
      }
    } catch (e) {
      // A poll that still fails after the client's retries (a long 429, an outage) is asked again at the
      // next poll; the feed is Walmart's either way, and nothing is recorded from a half-read answer.
      if (!(e instanceof WalmartError) || !e.transient) throw e;
      d.log(`Feed ${feed.feedId ?? feed.fileName}: ${e.message} Asking again at the next poll.`);
    }
    due = Date.now() + waitBefore(d.schedule, n);
  }
}

/**
 * Polls every feed the ledger has as sent until each is done, each on its own schedule from when it was
 * first seen and independently of the others (one feed's slow pages or retries never hold another up);
 * while `moreComing()` says feeds are still being sent, those join as they appear. Returns the feeds
 * still open at the deadline.
 */
export async function follow(d: FollowDeps): Promise<LedgerFeed[]> {
  const running = new Map<string, Promise<boolean>>();
  let failure: { error: unknown } | undefined;
  let fail: (error: unknown) => void = () => undefined;
  // The first failure ends the follow at once, not after the other feeds' next polls (hours apart on
  // Walmart's schedule): their waits are cut short, so no timer keeps the process alive either.
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => undefined);
  const stop = new AbortController();
  const startNew = (): void => {
    for (const feed of d.ledger.state.pending()) {
      if (running.has(feed.fileName)) continue;
      const task = followOne(d, feed, stop.signal).catch((error: unknown) => {
        if (failure === undefined) {
          failure = { error };
          stop.abort();
          fail(error);
        }
        return false;
      });
      running.set(feed.fileName, task);
    }
  };
  for (;;) {
    startNew();
    if (failure !== undefined) throw failure.error;
    if (!(d.moreComing?.() ?? false)) break;
    // Woken by the ledger's next write (a feed just sent starts its schedule then, not up to 50 ms later), or
    // after NEW_FEED_CHECK_MS, to notice that sending has ended.
    const wake = new AbortController();
    await Promise.race([d.sleep(NEW_FEED_CHECK_MS, wake.signal).catch(() => undefined), d.ledger.nextWrite()]);
    wake.abort();
  }
  startNew();
  await Promise.race([Promise.all(running.values()), failed]);
  return d.ledger.state.pending();
}
