// Submit benchmark (issue 5): the wall time of `catalog-gate submit --wait` for 10,000 records (5% spoilt)
// against the emulator with 429/503/reset faults and 5 s tokens, against the same run with no faults, in
// two shapes: feeds of 2,500 (item details walked by cursor, as Walmart asks for feeds of 1,000 records or
// more) and feeds of 950 (under 1,000, so their item-detail pages are read by offset, several at once).
// Also the floor the emulator's rate limits alone put under this job, and the cost of one fsynced ledger
// append. Each run i uses emulator seed 7 + i for both its fault-free and its faulted submit, so the
// medians are over three different fault sequences, not one replayed three times.
// Usage: npm run build && node dist/bench/submit.js [runs]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../src/emulator/index.js';
import { DEFAULT_RATE_LIMITS } from '../src/emulator/rate-limit.js';
import type { RateLimit } from '../src/emulator/rate-limit.js';
import { JournalWriter } from '../src/submit/journal.js';
import { FEED_ITEMS_PAGE_SIZE } from '../src/walmart/endpoints/feed-status.js';
import { FEED_HEADER, mixedItems } from './data.js';
import { REPO, fmt, machine, median, table, timedNode } from './harness.js';

const runs = Number(process.argv[2] ?? 1);
const CLI = join(REPO, 'dist/cli/main.js');
process.env.WALMART_CLIENT_ID = 'bench';
process.env.WALMART_CLIENT_SECRET = 'bench-secret';
process.env.NO_COLOR = '1';

const RECORDS = 10_000;
const VALID = 9_500;
const PROCESSING_MS = 200;
const FAULTS = '429=0.2,503=0.1,reset=0.05';
const SHAPES = [2500, 950] as const;

const dir = mkdtempSync(join(tmpdir(), 'cg-bench-submit-'));
const file = join(dir, 'catalog.json');
writeFileSync(file, JSON.stringify({ MPItemFeedHeader: FEED_HEADER, MPItem: mixedItems(RECORDS, 0.05).items }));

/** When the n-th request (1-based) to a bucket that starts full can go, in ms from the first. */
function bucketTime(n: number, limit: RateLimit): number {
  return Math.max(0, n - limit.limit) * (limit.windowMs / limit.limit);
}

/**
 * The least time the emulator's limits allow for this job, the CPU aside: the last feed leaves when the
 * feed bucket lets it, is processed (processingMs), and then needs one status poll plus its item-detail
 * pages from a status bucket shared by every status call of the job.
 */
function limitsFloorMs(feedItems: number): { ms: number; feeds: number; statusCalls: number } {
  const feeds = Math.ceil(VALID / feedItems);
  const pages = Math.ceil(VALID / FEED_ITEMS_PAGE_SIZE);
  const statusCalls = feeds + pages;
  const lastFeedAt = bucketTime(feeds, DEFAULT_RATE_LIMITS.feedSubmit);
  const statusDone = bucketTime(statusCalls, DEFAULT_RATE_LIMITS.feedStatus);
  return { ms: Math.max(lastFeedAt + PROCESSING_MS, statusDone), feeds, statusCalls };
}

async function submitOnce(feedItems: number, seed: number, faults: string | undefined): Promise<number> {
  const emu = await startEmulator({ processingMs: PROCESSING_MS, tokenTtlSeconds: 5, seed, catalog: 'empty', ...(faults === undefined ? {} : { faults }) });
  try {
    const state = mkdtempSync(join(dir, 'state-'));
    const r = await timedNode([CLI, 'submit', file, '--base-url', emu.url, '--state-dir', state, '--max-feed-items', String(feedItems), '--poll', '100ms', '--wait', '--format', 'json'], [1]);
    const counts = (JSON.parse(r.stdout) as { submission: { counts: Record<string, number> } }).submission.counts;
    if (counts.succeeded !== VALID || counts.rejected !== RECORDS - VALID) throw new Error(`unexpected outcome ${JSON.stringify(counts)}`);
    return r.wallMs;
  } finally {
    await emu.close();
  }
}

function fsyncCost(n: number): { perAppendMs: number } {
  const f = join(dir, 'journal.jsonl');
  const w = new JournalWriter(f, 0);
  const entry = { t: 'sent', feed: 'catalog-gate-0123456789abcdef0123-1.json', feedId: 'D668B1F7134813E19262B1ABEB96C7C5@ArYpT5A', at: Date.now() };
  const t0 = performance.now();
  for (let i = 0; i < n; i++) w.append([entry]);
  const ms = performance.now() - t0;
  w.close();
  return { perAppendMs: ms / n };
}

const validateMs: number[] = [];
const clean = new Map<number, number[]>(SHAPES.map((s) => [s, []]));
const faulty = new Map<number, number[]>(SHAPES.map((s) => [s, []]));
for (let i = 0; i < runs; i++) {
  validateMs.push((await timedNode([CLI, 'validate', file, '--format', 'json'], [1])).wallMs);
  for (const shape of SHAPES) {
    // Each fault-free run next to its faulted twin, so a change in the machine's load hits both.
    clean.get(shape)?.push(await submitOnce(shape, 7 + i, undefined));
    faulty.get(shape)?.push(await submitOnce(shape, 7 + i, FAULTS));
  }
}
const fsync = fsyncCost(200);
rmSync(dir, { recursive: true, force: true });

const s = (ms: number): string => fmt(ms / 1000, 1);
const rows: string[][] = [['validate only (no network)', s(median(validateMs)), '-', '-']];
for (const shape of SHAPES) {
  const floor = limitsFloorMs(shape);
  const c = median(clean.get(shape) ?? []);
  const f = median(faulty.get(shape) ?? []);
  const label = `feeds of ${fmt(shape)} (${floor.feeds} feeds, pages by ${shape < 1000 ? 'offset, 8 at once' : 'cursor'})`;
  rows.push([`${label}: floor of the emulator's limits`, fmt(floor.ms / 1000, 2), '-', '-']);
  rows.push([`${label}: no faults`, s(c), '1.00×', (clean.get(shape) ?? []).map(s).join(' / ')]);
  rows.push([`${label}: ${FAULTS}, 5 s tokens`, s(f), `${(f / c).toFixed(2)}×`, (faulty.get(shape) ?? []).map(s).join(' / ')]);
}
console.log(JSON.stringify(machine()));
console.log(table([`${fmt(RECORDS)} records (${fmt(VALID)} valid), submit --wait`, `median of ${runs} (s)`, 'vs no faults', 'runs (s), seeds 7..'], rows));
console.log(
  `floor of the limits: the last feed may leave at once (the feed bucket holds ${DEFAULT_RATE_LIMITS.feedSubmit.limit}), is processed in ${PROCESSING_MS} ms, and its polls and pages fit the status bucket (${fmt(DEFAULT_RATE_LIMITS.feedStatus.limit)} a minute); the rest of every run is CPU (validation, feed files, the emulator's own validation)`,
);
console.log(`ledger append (one entry, write + fsync): ${fsync.perAppendMs.toFixed(2)} ms each over 200 appends`);
