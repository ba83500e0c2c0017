// Runs `feeds list|status|watch` through the Walmart client: feed records, one feed's summary with its
// item statuses (paged), and polling a feed until Walmart has finished with it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { getFeedStatus, iterateFeedItems, iterateFeeds } from '../walmart/index.js';
import type { FeedRecord, FeedStatus, ItemIngestionStatus, WalmartClient } from '../walmart/index.js';
import { UsageError } from '../core/errors.js';
import { EXIT_FAILURE, EXIT_ISSUES, EXIT_OK } from './exit.js';
import { wholeNumberFlag as count, withWalmartClient } from './walmart-client.js';

export interface FeedsCommonFlags {
  baseUrl?: string;
  format?: 'text' | 'json';
}

export interface FeedsListFlags extends FeedsCommonFlags {
  feedType?: string;
  status?: string;
  limit?: string;
}

export interface FeedsWatchFlags extends FeedsCommonFlags {
  stateDir?: string;
  intervalMs?: string;
  timeoutMs?: string;
}

function n(v: number | undefined): string {
  return v === undefined ? '-' : String(v);
}

function pad(cells: readonly string[][]): string {
  const widths = cells[0]?.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length))) ?? [];
  return cells.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ')).join('\n') + '\n';
}

export async function runFeedsList(flags: FeedsListFlags): Promise<number> {
  const limit = count(flags.limit, '--limit', 50);
  const feeds: FeedRecord[] = [];
  await withWalmartClient(flags, async (client) => {
    const params = { limit: Math.min(limit, 50), ...(flags.feedType === undefined ? {} : { feedType: flags.feedType }), ...(flags.status === undefined ? {} : { feedStatus: flags.status }) };
    for await (const feed of iterateFeeds(client, params)) {
      feeds.push(feed);
      if (feeds.length >= limit) break;
    }
  });
  if (flags.format === 'json') {
    process.stdout.write(JSON.stringify(feeds, null, 2) + '\n');
    return EXIT_OK;
  }
  if (feeds.length === 0) {
    process.stdout.write('No feeds.\n');
    return EXIT_OK;
  }
  const rows = [['FEED ID', 'TYPE', 'STATUS', 'RECEIVED', 'SUCCEEDED', 'FAILED', 'PROCESSING']];
  for (const f of feeds) rows.push([f.feedId, f.feedType ?? '-', f.feedStatus ?? '-', n(f.itemsReceived), n(f.itemsSucceeded), n(f.itemsFailed), n(f.itemsProcessing)]);
  process.stdout.write(pad(rows));
  return EXIT_OK;
}

/** Walmart's `ingestionErrors.ingestionError[]` as one line per error. */
export function ingestionErrorTexts(item: ItemIngestionStatus): string[] {
  const box = item.ingestionErrors;
  const list = typeof box === 'object' && box !== null && 'ingestionError' in box ? (box).ingestionError : box;
  if (!Array.isArray(list)) return [];
  return list.map((e: unknown) => {
    if (typeof e !== 'object' || e === null) return String(e);
    const r = e as Record<string, unknown>;
    return [r.code, r.field, r.description].filter((x): x is string => typeof x === 'string' && x !== '').join(': ');
  });
}

function summaryLine(s: FeedStatus): string {
  return `Feed ${s.feedId}: ${s.feedStatus ?? 'unknown'}; ${n(s.itemsReceived)} received, ${n(s.itemsSucceeded)} succeeded, ${n(s.itemsFailed)} failed, ${n(s.itemsProcessing)} processing`;
}

async function summaryAndItems(client: WalmartClient, feedId: string, onlyFailed: boolean): Promise<{ summary: FeedStatus; items: ItemIngestionStatus[] }> {
  const summary = await getFeedStatus(client, feedId, { includeDetails: false });
  const items: ItemIngestionStatus[] = [];
  for await (const item of iterateFeedItems(client, feedId)) if (!onlyFailed || item.ingestionStatus !== 'SUCCESS') items.push(item);
  const { itemDetails: _details, ...rest } = summary;
  return { summary: rest, items };
}

function renderItems(items: readonly ItemIngestionStatus[]): string {
  let out = '';
  for (const i of items) {
    out += `  ${i.index === undefined ? '' : `#${i.index} `}${i.sku ?? '(no SKU)'}  ${i.ingestionStatus ?? '-'}\n`;
    for (const e of ingestionErrorTexts(i)) out += `      ${e}\n`;
  }
  return out;
}

/** What a submit ledger knows of its feeds, without asking Walmart. */
async function ledgerStatus(stateDir: string, flags: FeedsCommonFlags): Promise<number> {
  const { LEDGER_FILE, Ledger } = await import('../submit/ledger.js');
  if (!existsSync(join(stateDir, LEDGER_FILE))) throw new UsageError(`${stateDir} has no submit ledger (${LEDGER_FILE}); pass the --state-dir a submit used`);
  const ledger = Ledger.open(stateDir);
  ledger.close();
  const feeds = [...ledger.state.feeds.values()].map((f) => {
    const records = f.records.map((r) => ledger.state.records.get(r.k)).filter((r) => r !== undefined && r.feed === f.fileName);
    const count = (state: string): number => records.filter((r) => r?.state === state).length;
    return { feedId: f.feedId, fileName: f.fileName, state: f.state, feedStatus: f.feedStatus, records: f.records.length, succeeded: count('succeeded'), failed: count('failed'), inReview: count('review') };
  });
  if (flags.format === 'json') process.stdout.write(JSON.stringify(feeds, null, 2) + '\n');
  else if (feeds.length === 0) process.stdout.write('No feeds in the ledger.\n');
  else {
    const rows = [['FEED ID', 'FILE', 'STATE', 'RECORDS', 'SUCCEEDED', 'FAILED', 'IN REVIEW']];
    for (const f of feeds) rows.push([f.feedId ?? '-', f.fileName, f.feedStatus ?? f.state.toUpperCase(), String(f.records), String(f.succeeded), String(f.failed), String(f.inReview)]);
    process.stdout.write(pad(rows));
  }
  return EXIT_OK;
}

export async function runFeedsStatus(feedId: string | undefined, flags: FeedsCommonFlags & { stateDir?: string }): Promise<number> {
  if (feedId === undefined) {
    if (flags.stateDir === undefined) throw new UsageError('feeds status needs a feed ID, or --state-dir for the feeds of a submit ledger');
    return ledgerStatus(flags.stateDir, flags);
  }
  const { summary, items } = await withWalmartClient(flags, (client) => summaryAndItems(client, feedId, false));
  if (flags.format === 'json') process.stdout.write(JSON.stringify({ ...summary, items }, null, 2) + '\n');
  else process.stdout.write(`${summaryLine(summary)}\n${renderItems(items)}`);
  return EXIT_OK;
}

function done(s: FeedStatus): boolean {
  return s.feedStatus === 'ERROR' || (s.feedStatus === 'PROCESSED' && (s.itemsProcessing ?? 0) === 0);
}

/** Follows every feed a submit ledger has as sent, recording the verdicts there; 0 if all its records succeeded. */
async function watchLedger(stateDir: string, interval: number, timeout: number, flags: FeedsWatchFlags): Promise<number> {
  const { Ledger } = await import('../submit/ledger.js');
  const { follow } = await import('../submit/follow.js');
  const { lockStateDir } = await import('../submit/state-lock.js');
  const { NO_PAUSE } = await import('../submit/test-hooks.js');
  const release = lockStateDir(stateDir);
  const ledger = Ledger.open(stateDir);
  try {
    const watched = ledger.state.pending().map((f) => f.fileName);
    const open = await withWalmartClient(flags, (client) =>
      follow({ client, ledger, hooks: NO_PAUSE, schedule: [interval], sleep: (ms, signal) => delay(ms, undefined, signal === undefined ? undefined : { signal }), log: (l) => process.stderr.write(`${l}\n`), deadline: Date.now() + timeout }),
    );
    const feeds = watched.map((name) => ledger.state.feeds.get(name)).filter((f) => f !== undefined);
    const records = feeds.flatMap((f) => f.records.map((r) => ({ sku: r.sku, row: r.row, record: r.n, feedId: f.feedId, ...ledger.state.records.get(r.k) })));
    const ok = open.length === 0 && records.every((r) => r.state === 'succeeded');
    if (flags.format === 'json') process.stdout.write(JSON.stringify({ ok, feeds: feeds.map((f) => ({ feedId: f.feedId, fileName: f.fileName, status: f.feedStatus ?? 'SENT' })), records }, null, 2) + '\n');
    else {
      let out = watched.length === 0 ? 'No feeds in the ledger are waiting for Walmart.\n' : '';
      for (const r of records.filter((x) => x.state !== 'succeeded')) out += `  ${r.sku ?? `record ${r.record}`}${r.row === undefined ? '' : ` (row ${r.row})`}  ${r.state ?? '-'}  ${(r.errors ?? []).map((e) => `${e.code}: ${e.description ?? ''}`).join('; ')}\n`;
      process.stdout.write(out + (ok ? 'Every record of these feeds succeeded.\n' : ''));
    }
    return ok ? EXIT_OK : EXIT_ISSUES;
  } finally {
    ledger.close();
    release();
  }
}

export async function runFeedsWatch(feedId: string | undefined, flags: FeedsWatchFlags): Promise<number> {
  const interval = count(flags.intervalMs, '--interval-ms', 5000, 10);
  const timeout = count(flags.timeoutMs, '--timeout-ms', 30 * 60_000, 1);
  if (feedId === undefined) {
    if (flags.stateDir === undefined) throw new UsageError('feeds watch needs a feed ID, or --state-dir to follow the feeds a submit left unfinished');
    return watchLedger(flags.stateDir, interval, timeout, flags);
  }
  return withWalmartClient(flags, async (client) => {
    const deadline = Date.now() + timeout;
    let status = await getFeedStatus(client, feedId, { includeDetails: false });
    let last = '';
    for (;;) {
      const line = summaryLine(status);
      // Only changes are printed, so a long watch in CI does not flood the log.
      if (line !== last && flags.format !== 'json') process.stderr.write(`${line}\n`);
      last = line;
      if (done(status)) break;
      if (Date.now() + interval > deadline) {
        process.stderr.write(`catalog-gate: feed ${feedId} was still ${status.feedStatus ?? 'unfinished'} after ${timeout} ms; run catalog-gate feeds watch ${feedId} again later\n`);
        return EXIT_FAILURE;
      }
      await new Promise((resolve) => setTimeout(resolve, interval));
      status = await getFeedStatus(client, feedId, { includeDetails: false });
    }
    const ok = status.feedStatus === 'PROCESSED' && (status.itemsFailed ?? 0) === 0 && (status.itemsSucceeded ?? 0) === (status.itemsReceived ?? 0);
    const { items } = ok ? { items: [] } : await summaryAndItems(client, feedId, true);
    const { itemDetails: _details, ...summary } = status;
    if (flags.format === 'json') process.stdout.write(JSON.stringify({ ...summary, ok, failedItems: items }, null, 2) + '\n');
    else process.stdout.write(`${summaryLine(status)}\n${ok ? 'Every item succeeded.\n' : renderItems(items)}`);
    return ok ? EXIT_OK : EXIT_ISSUES;
  });
}
