// Executes a plan, a few feeds at a time: for each feed, the intent goes to the ledger (fsynced) before the
// POST and the feedId after it. A lost answer is resolved by looking the feed up by its file name, never by sending again
// blindly; a 413 splits the feed in halves; the hourly quota is waited for (--wait) or ends the run with
// the rest left for the next one.
import type { WalmartClient } from '../walmart/client.js';
import { feedSubmitRoute, submitFeed } from '../walmart/endpoints/submit-feed.js';
import { WalmartError, WalmartHttpError, WalmartOutcomeUnknownError, WalmartPayloadTooLarge, WalmartRateLimitError } from '../walmart/errors.js';
import { buildFeedBody } from './feed-body.js';
import { findFeedsByFileName } from './find-feed.js';
import type { Ledger, RecordRef } from './ledger.js';
import { halves } from './plan.js';
import type { Candidate, Plan } from './plan.js';
import { contentHash } from './record-key.js';
import type { PauseHooks } from './test-hooks.js';

export interface SubmitterDeps {
  client: WalmartClient;
  ledger: Ledger;
  hooks: PauseHooks;
  feedType: string;
  header: Record<string, unknown> | undefined;
  /** Record text by input index. */
  textOf: (index: number) => string;
  /** Progress lines (stderr). */
  log: (line: string) => void;
  sleep: (ms: number) => Promise<void>;
  /** Wait for the hourly quota to come back instead of stopping. */
  waitForQuota: boolean;
  /** Looks after a lost answer before concluding the feed was not taken. */
  lookupDelaysMs?: readonly number[];
  /** When the quota the plan counts on frees up again (for feeds planned beyond this hour's quota). */
  quotaFreesAt?: number;
  /** Feeds sent at once (default DEFAULT_SEND_CONCURRENCY); 1 sends them one after another. */
  sendConcurrency?: number;
  /**
   * The hourly feed quota and how much of it the ledger says this hour has used: the client's feed bucket
   * starts from it, so the first feeds go together instead of one probe after another (each asking for a
   * 1 s pause when throttled).
   */
  feedQuota?: { perHour: number; usedThisHour: number };
}

export interface SendOutcome {
  /** feedIds of the feeds Walmart took in this run. */
  sent: string[];
  /** Records that alone exceed Walmart's size limit (a 413 on a one-record feed). */
  tooLarge: Candidate[];
  /** Set when the hourly quota stopped the run: when it comes back. */
  quotaUntil?: number;
}

/**
 * Feeds in flight at once by default: as many as the feed quota holds (10 an hour), so that the 429s some of
 * them draw overlap in time. Each 429 pauses every feed POST for its x-next-replenish-time: sent 4 at a time,
 * 10 feeds met about one such pause per wave of 4; sent together, the pauses coincide.
 */
export const DEFAULT_SEND_CONCURRENCY = 10;

/** Feed bytes in flight at once, at most (feed files, with their multipart copies, are held in memory while sent). */
export const MAX_SEND_BYTES = 40_000_000;

/** How many feeds go at once: the concurrency asked for, no more than the feeds, and within MAX_SEND_BYTES (at least one). */
export function sendWidth(feeds: ReadonlyArray<{ bytes: number }>, concurrency: number): number {
  const largest = Math.max(1, ...feeds.map((f) => f.bytes));
  return Math.max(1, Math.min(concurrency, feeds.length, Math.floor(MAX_SEND_BYTES / largest)));
}

/** Attempts at one feed whose answer was lost and that Walmart's list does not show. */
const MAX_LOST_ATTEMPTS = 3;

export function refOf(c: Candidate): RecordRef {
  return { k: c.key, h: c.hash, n: c.index, ...(c.sku === undefined ? {} : { sku: c.sku }), ...(c.row === undefined ? {} : { row: c.row }) };
}

/** A file name from the feed's content and how often it was tried: the key to find it again. */
export function feedFileName(ledger: Ledger, records: readonly Candidate[]): string {
  const stem = `catalog-gate-${contentHash(records.map((r) => `${r.key}\u0000${r.hash}`).join('\n')).slice(0, 20)}`;
  let n = 1;
  while (ledger.state.feeds.has(`${stem}-${n}.json`)) n++;
  return `${stem}-${n}.json`;
}

/** Settles feeds an earlier run wrote as about to be sent: found at Walmart, or provably not there. */
export async function reconcile(deps: Pick<SubmitterDeps, 'client' | 'ledger' | 'log'>): Promise<void> {
  const { ledger } = deps;
  const open = ledger.state.unconfirmed();
  if (open.length === 0) return;
  const byType = new Map<string, typeof open>();
  for (const f of open) byType.set(f.feedType, [...(byType.get(f.feedType) ?? []), f]);
  for (const [feedType, feeds] of byType) {
    const since = Math.min(...feeds.map((f) => f.at));
    const found = await findFeedsByFileName(deps.client, feedType, new Set(feeds.map((f) => f.fileName)), since);
    for (const f of feeds) {
      const feedId = found.get(f.fileName);
      if (feedId !== undefined) {
        deps.log(`Found feed ${feedId} (${f.fileName}), sent by an interrupted run; it is not sent again.`);
        ledger.write({ t: 'sent', feed: f.fileName, feedId, at: ledger.now(), found: true });
      } else {
        ledger.write({ t: 'unsent', feed: f.fileName, at: ledger.now(), reason: 'an interrupted run wrote it down but Walmart does not list it' });
      }
    }
  }
}

function unknownOutcome(e: unknown): boolean {
  // A lost connection after sending, or a 500/504: Walmart may have taken the feed.
  return e instanceof WalmartOutcomeUnknownError || (e instanceof WalmartHttpError && e.status !== undefined && e.status >= 500);
}

export class Submitter {
  readonly #d: SubmitterDeps;

  constructor(deps: SubmitterDeps) {
    this.#d = deps;
  }

  /**
   * Sends the plan's feeds, up to `sendConcurrency` at a time: each feed keeps its own intent-POST-feedId
   * sequence in the ledger, so a kill at any moment leaves every feed either provably unsent or findable by
   * its file name, whatever the others were doing. Waiting feeds overlap one another's retry waits (a 503's
   * backoff, a lost answer's lookup) and uploads; a 429 still pauses them all, as Walmart asks.
   */
  async run(plan: Plan): Promise<SendOutcome> {
    const out: SendOutcome = { sent: [], tooLarge: [...plan.tooLarge] };
    const feeds = plan.feeds;
    const quota = this.#d.feedQuota;
    if (quota !== undefined) this.#d.client.rateLimiter.assume(feedSubmitRoute(this.#d.feedType), { capacity: quota.perHour, remaining: quota.perHour - quota.usedThisHour });
    let next = 0;
    let stopped = false;
    const worker = async (): Promise<void> => {
      while (!stopped && next < feeds.length) {
        const feed = feeds[next++] as (typeof feeds)[number];
        if (feed.quotaHour > 0 && !this.#d.waitForQuota) {
          // Planned past this hour's quota: stop here rather than spend a request on a certain 429.
          out.quotaUntil ??= this.#d.quotaFreesAt ?? Date.now() + 3_600_000;
          stopped = true;
          return;
        }
        try {
          if (await this.#send(feed.records, out, 1)) stopped = true;
        } catch (e) {
          stopped = true;
          throw e;
        }
      }
    };
    const width = sendWidth(feeds, this.#d.sendConcurrency ?? DEFAULT_SEND_CONCURRENCY);
    // Every feed in flight is settled (and written down) before a failure is passed on.
    const settled = await Promise.allSettled(Array.from({ length: width }, worker));
    const failed = settled.find((r) => r.status === 'rejected');
    if (failed !== undefined) throw failed.reason;
    return out;
  }

  /** Sends one feed; true when the quota ended the run. */
  async #send(records: Candidate[], out: SendOutcome, attempt: number): Promise<boolean> {
    const d = this.#d;
    const { ledger } = d;
    const fileName = feedFileName(ledger, records);
    ledger.write({ t: 'intent', feed: fileName, feedType: d.feedType, at: ledger.now(), records: records.map(refOf) });
    await d.hooks.reach('before-send');
    try {
      const body = buildFeedBody(d.feedType, d.header, records.map((r) => d.textOf(r.index)));
      const { feedId } = await submitFeed(d.client, { feedType: d.feedType, body, fileName });
      await d.hooks.reach('after-send');
      ledger.write({ t: 'sent', feed: fileName, feedId, at: ledger.now() });
      d.log(`Sent feed ${feedId}: ${records.length} record${records.length === 1 ? '' : 's'} (${fileName}).`);
      out.sent.push(feedId);
      await d.hooks.reach('between-feeds');
      return false;
    } catch (e) {
      if (e instanceof WalmartPayloadTooLarge) {
        ledger.write({ t: 'unsent', feed: fileName, at: ledger.now(), reason: 'HTTP 413: too large' });
        if (records.length === 1) {
          out.tooLarge.push(...records);
          return false;
        }
        const [a, b] = halves(records);
        d.log(`Walmart found the ${records.length}-record feed too large (413); sending it as two halves.`);
        if (await this.#send(a, out, 1)) return true;
        return this.#send(b, out, 1);
      }
      if (unknownOutcome(e)) {
        const feedId = await this.#lookUp(fileName);
        if (feedId !== undefined) {
          ledger.write({ t: 'sent', feed: fileName, feedId, at: ledger.now(), found: true });
          d.log(`Sent feed ${feedId}: ${records.length} records (${fileName}; the answer was lost and the feed found by name).`);
          out.sent.push(feedId);
          return false;
        }
        ledger.write({ t: 'unsent', feed: fileName, at: ledger.now(), reason: `no answer, and not listed: ${(e as Error).message}` });
        if (attempt >= MAX_LOST_ATTEMPTS) throw e;
        return this.#send(records, out, attempt + 1);
      }
      if (e instanceof WalmartRateLimitError) {
        ledger.write({ t: 'unsent', feed: fileName, at: ledger.now(), reason: 'HTTP 429: feed quota' });
        const until = e.retryAt ?? Date.now() + 60_000;
        if (!d.waitForQuota) {
          out.quotaUntil = until;
          return true;
        }
        d.log(`Walmart's feed quota is used up; waiting until ${new Date(until).toISOString()} to send the next feed.`);
        await d.sleep(Math.max(0, until - Date.now()));
        return this.#send(records, out, attempt);
      }
      if (e instanceof WalmartError && e.status !== undefined && e.status < 500) {
        // Walmart refused the request itself (400, 401, 403...): it did not take the feed. Anything else
        // stays "sending", for the next run to look up before it sends again.
        ledger.write({ t: 'unsent', feed: fileName, at: ledger.now(), reason: e instanceof Error ? e.message : String(e) });
      }
      throw e;
    }
  }

  async #lookUp(fileName: string): Promise<string | undefined> {
    const d = this.#d;
    const delays = d.lookupDelaysMs ?? [0, 1000, 3000];
    for (const ms of delays) {
      if (ms > 0) await d.sleep(ms);
      try {
        const found = await findFeedsByFileName(d.client, d.feedType, new Set([fileName]), Date.now() - 3_600_000);
        const id = found.get(fileName);
        if (id !== undefined) return id;
      } catch {
        // The list call failed too; try again after the next delay.
      }
    }
    return undefined;
  }
}
