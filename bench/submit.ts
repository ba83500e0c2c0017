// Submit benchmark (issue 5): the wall time of `catalog-gate submit --wait` for 10,000 records (5% spoilt)
// against the emulator with 429/503/reset faults and 5 s tokens, against the same run with no faults, in
// two shapes: feeds of 2,500 (item details walked by cursor, as Walmart asks for feeds of 1,000 records or
// more) and feeds of 950 (under 1,000, so their item-detail pages are read by offset, several at once).
// Run i uses emulator seed 7 + i for both its fault-free and its faulted submit, so the medians are over
// different fault sequences, not one replayed. Every run is checked: all 9,500 valid records succeeded,
// the 500 spoilt ones were rejected, and the emulator received each valid SKU in exactly one feed and no
// spoilt one at all. Each faulted run also reports, from the emulator's access log, how long Walmart's
// docs obliged the client to leave the feed POST API and the status API alone (429 -> x-next-replenish-time).
// With --baseline DIR (a built checkout of another commit), that build's CLI is timed the same way, run for
// run, against the same emulator code: before and after in one go.
// Usage: npm run build && node dist/bench/submit.js [runs] [--baseline DIR] [--shapes 2500,950]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startEmulator } from '../src/emulator/index.js';
import type { AccessLogEntry, Emulator, RateLimit } from '../src/emulator/index.js';
import { DEFAULT_RATE_LIMITS } from '../src/emulator/index.js';
import { JournalWriter } from '../src/submit/journal.js';
import { FEED_ITEMS_PAGE_SIZE } from '../src/walmart/endpoints/feed-status.js';
import { FEED_HEADER, mixedItems } from './data.js';
import type { JsonObject } from './data.js';
import { REPO, fmt, machine, median, table, timedNode } from './harness.js';
import { criticalPath, runWaits } from './submit-waits.js';
import type { CriticalPath, RunWaits } from './submit-waits.js';

const { values: opts, positionals } = parseArgs({ allowPositionals: true, options: { baseline: { type: 'string' }, shapes: { type: 'string', default: '2500,950' } } });
const runs = Number(positionals[0] ?? 1);
const SHAPES = (opts.shapes ?? '').split(',').map(Number);
const BUILDS: Array<{ name: string; cli: string }> = [
  { name: 'this build', cli: join(REPO, 'dist/cli/main.js') },
  ...(opts.baseline === undefined ? [] : [{ name: `baseline (${opts.baseline})`, cli: join(resolve(opts.baseline), 'dist/cli/main.js') }]),
];
process.env.WALMART_CLIENT_ID = 'bench';
process.env.WALMART_CLIENT_SECRET = 'bench-secret';
process.env.NO_COLOR = '1';

const RECORDS = 10_000;
const VALID = 9_500;
const PROCESSING_MS = 200;
const FAULTS = '429=0.2,503=0.1,reset=0.05';
const POLL_MS = 100;

const dir = mkdtempSync(join(tmpdir(), 'cg-bench-submit-'));
const file = join(dir, 'catalog.json');
const { items } = mixedItems(RECORDS, 0.05);
writeFileSync(file, JSON.stringify({ MPItemFeedHeader: FEED_HEADER, MPItem: items }));
const skus = items.map((i) => ((i as { Orderable: JsonObject }).Orderable.sku as string));

/** When the n-th request (1-based) to a bucket that starts full can go, in ms from the first. */
function bucketTime(n: number, limit: RateLimit): number {
  return Math.max(0, n - limit.limit) * (limit.windowMs / limit.limit);
}

/**
 * The least time the emulator's limits allow for this job, the CPU aside: the last feed leaves when the
 * feed bucket lets it, is processed (processingMs), and then needs one status poll plus its item-detail
 * pages from a status bucket shared by every status call of the job.
 */
function limitsFloorMs(feedItems: number): { ms: number; feeds: number } {
  const feeds = Math.ceil(VALID / feedItems);
  const statusCalls = feeds + Math.ceil(VALID / FEED_ITEMS_PAGE_SIZE);
  const lastFeedAt = bucketTime(feeds, DEFAULT_RATE_LIMITS.feedSubmit);
  return { ms: Math.max(lastFeedAt + PROCESSING_MS, bucketTime(statusCalls, DEFAULT_RATE_LIMITS.feedStatus)), feeds };
}

/** Each valid SKU in exactly one feed the emulator took, no spoilt one in any. */
async function checkExactlyOnce(emu: Emulator, label: string): Promise<void> {
  const feeds = emu.state.feeds.list({});
  await Promise.all(feeds.map((f) => emu.state.feeds.settled(f.feedId)));
  const counts = new Map<string, number>();
  for (const f of feeds) for (const i of f.items) if (i.sku !== undefined) counts.set(i.sku, (counts.get(i.sku) ?? 0) + 1);
  skus.forEach((sku, i) => {
    const expected = (i + 1) % 20 === 0 ? 0 : 1;
    if ((counts.get(sku) ?? 0) !== expected) throw new Error(`${label}: SKU ${sku} arrived in ${counts.get(sku) ?? 0} feeds, expected ${expected}`);
  });
}

interface Run {
  ms: number;
  waits: RunWaits;
  /** Spawn to the first request, the first request to the end of the last one, and from there to exit (ms). */
  phases: { before: number; network: number; after: number };
  path: CriticalPath | undefined;
}

async function submitOnce(cli: string, feedItems: number, seed: number, faults: string | undefined, label: string): Promise<Run> {
  const log: AccessLogEntry[] = [];
  const emu = await startEmulator({ processingMs: PROCESSING_MS, tokenTtlSeconds: 5, seed, catalog: 'empty', onAccessLog: (e) => log.push(e), ...(faults === undefined ? {} : { faults }) });
  try {
    const state = mkdtempSync(join(dir, 'state-'));
    const spawned = Date.now();
    const r = await timedNode([cli, 'submit', file, '--base-url', emu.url, '--state-dir', state, '--max-feed-items', String(feedItems), '--poll', `${POLL_MS}ms`, '--wait', '--format', 'json'], [1]);
    const exited = Date.now();
    const counts = (JSON.parse(r.stdout) as { submission: { counts: Record<string, number> } }).submission.counts;
    if (counts.succeeded !== VALID || counts.rejected !== RECORDS - VALID) throw new Error(`${label}: unexpected outcome ${JSON.stringify(counts)}`);
    await checkExactlyOnce(emu, label);
    const first = Math.min(...log.map((e) => e.time));
    const lastEnd = Math.max(...log.map((e) => e.time + e.durationMs));
    const phases = { before: first - spawned, network: lastEnd - first, after: exited - lastEnd };
    return { ms: r.wallMs, waits: runWaits(log), phases, path: criticalPath(log, POLL_MS) };
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

const key = (build: string, shape: number): string => `${build}|${shape}`;
const validateMs: number[] = [];
const clean = new Map<string, Run[]>();
const faulty = new Map<string, Run[]>();
const push = (m: Map<string, Run[]>, k: string, r: Run): void => void m.set(k, [...(m.get(k) ?? []), r]);
const started = new Date().toISOString();
for (let i = 0; i < runs; i++) {
  validateMs.push((await timedNode([BUILDS[0]?.cli ?? '', 'validate', file, '--format', 'json'], [1])).wallMs);
  for (const shape of SHAPES) {
    for (const build of BUILDS) {
      // Each fault-free run next to its faulted twin, so a change in the machine's load hits both.
      const label = `${build.name}, feeds of ${shape}, seed ${7 + i}`;
      push(clean, key(build.name, shape), await submitOnce(build.cli, shape, 7 + i, undefined, `${label}, no faults`));
      push(faulty, key(build.name, shape), await submitOnce(build.cli, shape, 7 + i, FAULTS, `${label}, faults`));
    }
  }
}
const fsync = fsyncCost(200);
rmSync(dir, { recursive: true, force: true });

const s = (ms: number): string => fmt(ms / 1000, 1);
const s2 = (ms: number): string => fmt(ms / 1000, 2);

/** What each faulted run owes to the faults on its critical path, the floor that makes, and the timeline of both runs. */
function floorTable(shape: number): string {
  const rows: string[][] = [];
  for (const build of BUILDS) {
    const c = clean.get(key(build.name, shape)) ?? [];
    const f = faulty.get(key(build.name, shape)) ?? [];
    const obliged = f.map((r) => (r.path === undefined ? Number.NaN : r.path.obligedPauseMs + r.path.faultedTripMs));
    const floors = f.map((_, i) => (c[i]?.ms ?? Number.NaN) + (obliged[i] ?? Number.NaN));
    const ratios = f.map((r, i) => r.ms / (floors[i] ?? Number.NaN));
    // The network phase alone (first request to last answer): validation and the report, the same work in both runs, left out.
    const net = f.map((r, i) => r.phases.network / (c[i]?.phases.network ?? Number.NaN));
    const netFloor = f.map((r, i) => r.phases.network / ((c[i]?.phases.network ?? Number.NaN) + (obliged[i] ?? Number.NaN)));
    const phase = (runs: readonly Run[]): string => runs.map((r) => `${s2(r.phases.before)}+${s2(r.phases.network)}+${s2(r.phases.after)}`).join(' / ');
    const pathOf = (runs: readonly Run[]): string =>
      runs
        .map((r) => {
          const p = r.path;
          return p === undefined ? '?' : `${s2(p.workMs)}/${s2(p.faultedTripMs)}/${s2(p.obligedPauseMs)}/${s2(p.idleMs)} (${s2(p.idleSplitMs.sending)}+${s2(p.idleSplitMs.processing)}+${s2(p.idleSplitMs.pages)})`;
        })
        .join(' · ');
    rows.push([
      build.name,
      s(median(floors)),
      x(median(f.map((r) => r.ms)) / median(floors)),
      x(median(ratios)),
      f.map((r) => (r.path === undefined ? '?' : `${s2(r.path.obligedPauseMs)}+${s2(r.path.faultedTripMs)}`)).join(' / '),
      ratios.map(x).join(' / '),
      `${x(median(net))}: ${net.map(x).join(' / ')}`,
      `${x(median(netFloor))}: ${netFloor.map(x).join(' / ')}`,
      phase(c),
      phase(f),
      pathOf(c),
      pathOf(f),
    ]);
  }
  return table(
    [
      'build',
      'floor: no faults + obliged on the critical path, median (s)',
      'faulted / floor, ratio of medians',
      'median of per-seed ratios',
      'obliged on the critical path per faulted run (s): pauses + faulted trips',
      'faulted / floor per seed',
      'network phase only, faulted / fault-free: median, per seed',
      'network phase only, faulted / (fault-free + obliged): median, per seed',
      'no faults: before + network + after (s)',
      'faulted: before + network + after (s)',
      'no faults, last feed (s): work/faulted trips/obliged pauses/idle (idle while sending + processing + pages)',
      'faulted, last feed (s): work/faulted trips/obliged pauses/idle (idle while sending + processing + pages)',
    ],
    rows,
  );
}
const x = (r: number): string => `${r.toFixed(2)}×`;
console.log(JSON.stringify({ ...machine(), started, finished: new Date().toISOString() }));
console.log(`validate only (no network): median ${s(median(validateMs))} s (${validateMs.map(s).join(' / ')})\n`);
for (const shape of SHAPES) {
  const floor = limitsFloorMs(shape);
  console.log(`Feeds of ${fmt(shape)} (${floor.feeds} feeds, pages by ${shape < 1000 ? 'offset, 8 at once' : 'cursor'}); floor of the emulator's limits ${fmt(floor.ms / 1000, 2)} s`);
  const rows: string[][] = [];
  for (const build of BUILDS) {
    const c = clean.get(key(build.name, shape)) ?? [];
    const f = faulty.get(key(build.name, shape)) ?? [];
    const ratios = f.map((r, i) => r.ms / (c[i]?.ms ?? Number.NaN));
    rows.push([
      build.name,
      s(median(c.map((r) => r.ms))),
      s(median(f.map((r) => r.ms))),
      x(median(f.map((r) => r.ms)) / median(c.map((r) => r.ms))),
      x(median(ratios)),
      c.map((r) => s(r.ms)).join(' / '),
      f.map((r) => s(r.ms)).join(' / '),
      ratios.map(x).join(' / '),
      f.map((r) => `${r.waits.feedPostPauseS.toFixed(1)}+${r.waits.statusPauseS.toFixed(1)}`).join(' / '),
    ]);
  }
  console.log(
    table(
      ['build', 'no faults, median (s)', 'faulted, median (s)', 'ratio of medians', 'median of ratios', 'no faults, runs (s)', 'faulted, runs (s)', 'ratio per seed', 'obliged pauses per faulted run (s): feed POST + status'],
      rows,
    ),
  );
  console.log('');
  console.log(floorTable(shape));
  console.log('');
}
console.log(`faults ${FAULTS}, 5 s tokens, ${PROCESSING_MS} ms processing, poll every 100 ms; run i uses seed 7 + i (7..${6 + runs}); every run checked: ${fmt(VALID)} succeeded, ${fmt(RECORDS - VALID)} rejected, each valid SKU in exactly one feed at the emulator, no spoilt one in any`);
console.log(`floor of a faulted run: its fault-free twin's time + what the faults obliged on its critical path (the feed whose last status call ended last, from its first POST attempt): the time a 429 on the API it wanted obliged it to wait with nothing in flight (x-next-replenish-time), and the time only its faulted requests (and the feed-list look-up a reset needs) were in flight`);
console.log(`before + network + after: spawn to the first request the emulator saw, from there to the end of the last answer, and from there to the process's exit`);
console.log(`obliged pauses: time during which a 429 (x-next-replenish-time) obliged the client to send no feed POST, and no status call (union over the run)`);
console.log(`floor of the limits: the last feed may leave at once (the feed bucket holds ${DEFAULT_RATE_LIMITS.feedSubmit.limit}), is processed in ${PROCESSING_MS} ms, and its polls and pages fit the status bucket (${fmt(DEFAULT_RATE_LIMITS.feedStatus.limit)} a minute); the rest of every run is CPU`);
console.log(`ledger append (one entry, write + fsync): ${fsync.perAppendMs.toFixed(2)} ms each over 200 appends`);
