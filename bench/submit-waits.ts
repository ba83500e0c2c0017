// What the emulator's access log says about one submit run: the faults drawn, and the waits Walmart's docs
// oblige ("On 429, pause requests for that API ... sleep until x-next-replenish-time"), as the time during
// which the feed POST API, and the feed status API, had to be left alone. Those waits belong to the
// emulator's limits and faults; the rest of a faulted run's extra time is the client's.
import type { AccessLogEntry, ApiName } from '../src/emulator/index.js';

export interface RunWaits {
  /** Requests the emulator answered (or reset). */
  requests: number;
  faults: Record<string, number>;
  /** Seconds during which a 429 obliged the client to send no feed POST. */
  feedPostPauseS: number;
  /** Seconds during which a 429 obliged the client to send no status call. */
  statusPauseS: number;
  /** The longest pause any one feed POST chain sat through in a row (s): 429s back to back on the POST API. */
  longestFeedPostPauseS: number;
}

/** Total length of the union of [start, end) intervals, and the longest merged run. */
export function unionMs(intervals: ReadonlyArray<readonly [number, number]>): { total: number; longest: number } {
  const sorted = intervals.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  let total = 0;
  let longest = 0;
  let cur: [number, number] | undefined;
  for (const [a, b] of sorted) {
    if (cur !== undefined && a <= cur[1]) cur[1] = Math.max(cur[1], b);
    else {
      if (cur !== undefined) {
        total += cur[1] - cur[0];
        longest = Math.max(longest, cur[1] - cur[0]);
      }
      cur = [a, b];
    }
  }
  if (cur !== undefined) {
    total += cur[1] - cur[0];
    longest = Math.max(longest, cur[1] - cur[0]);
  }
  return { total, longest };
}

function pauses(log: readonly AccessLogEntry[], api: ApiName): Array<[number, number]> {
  return log.filter((e) => e.api === api && e.status === 429 && e.replenishAt !== undefined).map((e) => [e.time + e.durationMs, e.replenishAt as number]);
}

export function runWaits(log: readonly AccessLogEntry[]): RunWaits {
  const faults: Record<string, number> = {};
  for (const e of log) if (e.fault !== undefined) faults[e.fault] = (faults[e.fault] ?? 0) + 1;
  const post = unionMs(pauses(log, 'feedSubmit'));
  const status = unionMs(pauses(log, 'feedStatus'));
  return { requests: log.length, faults, feedPostPauseS: post.total / 1000, statusPauseS: status.total / 1000, longestFeedPostPauseS: post.longest / 1000 };
}

/** One feed's share of a run, from the access log: what its last-finishing feed spent its time on. */
export interface CriticalPath {
  /** The feed whose last status call ended last: the end of the run's network phase is its end. */
  feedId: string;
  /** From that feed's first POST attempt to the end of its last status call (ms). */
  spanMs: number;
  /** A request of the feed was in flight and was not faulted (the work a fault-free run does too). */
  workMs: number;
  /** Only faulted requests of the feed were in flight (429, 503, reset...), or the feed list look-up a reset obliges: the extra round trips. */
  faultedTripMs: number;
  /** Nothing of the feed in flight, it wanted the API, and a 429 on that API obliged the client to wait (x-next-replenish-time). */
  obligedPauseMs: number;
  /** Nothing of the feed in flight and no pause obliging it: the feed being processed, the poll interval, backoffs, CPU. */
  idleMs: number;
  /** idleMs split: before Walmart took the feed (backoffs, CPU), from then to its first item-detail page (processing and polling), and while its pages were read. */
  idleSplitMs: { sending: number; processing: number; pages: number };
}

interface Req {
  from: number;
  to: number;
  faulted: boolean;
  kind: 'post' | 'lookup' | 'poll' | 'page';
}

const faultedEntry = (e: AccessLogEntry): boolean => e.fault !== undefined || e.reset || e.status === 429 || e.status >= 500;
const feedIdOfPath = (path: string): string => decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
const stem = (fileName: string): string => fileName.replace(/-\d+\.json$/, '');

/**
 * The critical path of a submit run, from the emulator's access log (which names, per attempt, the feed a POST
 * carried and the feed a status call asked about): the feed whose last status call ended last, traced back to
 * its first POST attempt, and every millisecond of that span put in one class, in this order:
 * - work: one of the feed's requests was in flight and was answered (a fault-free run does this too);
 * - faulted trip: only faulted requests of the feed were in flight (429, 503, reset, ...), or the feed-list
 *   look-up that a reset obliges before anything is sent again: the one extra round trip a fault costs;
 * - obliged pause: nothing of the feed in flight, the feed wanted to call an API (its POST until Walmart took it;
 *   a status call from when it was due: at once after a faulted call, the done poll or a page, `pollMs` after
 *   a poll that found the feed still processing, and after Walmart took the feed) and a 429 on that API asked
 *   every caller to wait (until its x-next-replenish-time);
 * - idle: anything else (the feed being processed, the poll interval, backoffs, token renewal, CPU).
 */
export function criticalPath(log: readonly AccessLogEntry[], pollMs: number): CriticalPath | undefined {
  const end = (e: AccessLogEntry): number => e.time + e.durationMs;
  const statusCalls = log.filter((e) => e.api === 'feedStatus');
  const last = statusCalls.reduce<AccessLogEntry | undefined>((a, e) => (a === undefined || end(e) > end(a) ? e : a), undefined);
  if (last === undefined) return undefined;
  const feedId = feedIdOfPath(last.path);
  const taken = log.find((e) => e.api === 'feedSubmit' && e.feedId === feedId);
  if (taken?.fileName === undefined) return undefined;
  const name = stem(taken.fileName);
  const posts = log.filter((e) => e.api === 'feedSubmit' && e.fileName !== undefined && stem(e.fileName) === name && e.time <= taken.time);
  const status = statusCalls.filter((e) => feedIdOfPath(e.path) === feedId);
  const firstStatus = Math.min(...status.map((e) => e.time));
  // A reset on the feed's POST: the client looks the feed up in the feed list before sending anything again.
  const resets = posts.filter((e) => e.reset);
  const lookups = log.filter((e) => e.api === 'feedList' && resets.some((r) => e.time >= end(r)) && e.time < firstStatus);
  const reqs: Req[] = [
    ...posts.map((e): Req => ({ from: e.time, to: end(e), faulted: e !== taken && faultedEntry(e), kind: 'post' })),
    ...lookups.map((e): Req => ({ from: e.time, to: end(e), faulted: true, kind: 'lookup' })),
    ...status.map((e): Req => ({ from: e.time, to: end(e), faulted: faultedEntry(e), kind: e.itemDetails === true ? 'page' : 'poll' })),
  ].sort((a, b) => a.from - b.from);
  const t0 = Math.floor(Math.min(...posts.map((e) => e.time)));
  const n = Math.ceil(end(last)) - t0;
  const WORK = 3;
  const TRIP = 2;
  const cls = new Uint8Array(n);
  const want = new Uint8Array(n); // 1: the POST API, 2: the status API
  const paused = { post: new Uint8Array(n), status: new Uint8Array(n) };
  const mark = (a: Uint8Array, from: number, to: number, v: number): void => {
    for (let i = Math.max(0, Math.floor(from) - t0); i < Math.min(n, Math.ceil(to) - t0); i++) a[i] = Math.max(a[i] ?? 0, v);
  };
  for (const r of reqs) mark(cls, r.from, r.to, r.faulted ? TRIP : WORK);
  // Its POST is wanted from the first attempt until Walmart took it.
  mark(want, t0, taken.time, 1);
  // A status call is wanted from when it was due (see above) until it went.
  const after = reqs.filter((r) => r.kind === 'poll' || r.kind === 'page');
  for (const next of after) {
    const before = reqs.filter((r) => r.to <= next.from && r !== next && (r.kind !== 'post' || !r.faulted));
    const prev = before.reduce<Req | undefined>((a, r) => (a === undefined || r.to > a.to ? r : a), undefined);
    if (prev === undefined) continue;
    const idleFirst = prev.kind === 'post' || prev.kind === 'lookup' || (prev.kind === 'poll' && !prev.faulted && next.kind === 'poll');
    mark(want, prev.to + (idleFirst ? pollMs : 0), next.from, 2);
  }
  for (const [from, to] of pauses(log, 'feedSubmit')) mark(paused.post, from, to, 1);
  for (const [from, to] of pauses(log, 'feedStatus')) mark(paused.status, from, to, 1);
  const out: CriticalPath = { feedId, spanMs: n, workMs: 0, faultedTripMs: 0, obligedPauseMs: 0, idleMs: 0, idleSplitMs: { sending: 0, processing: 0, pages: 0 } };
  const takenAt = Math.ceil(end(taken)) - t0;
  const pagesAt = Math.floor(Math.min(...status.filter((e) => e.itemDetails === true).map((e) => e.time), end(last))) - t0;
  for (let i = 0; i < n; i++) {
    const c = cls[i] ?? 0;
    const w = want[i] ?? 0;
    if (c === WORK) out.workMs++;
    else if (c === TRIP) out.faultedTripMs++;
    else if ((w === 1 && paused.post[i] === 1) || (w === 2 && paused.status[i] === 1)) out.obligedPauseMs++;
    else {
      out.idleMs++;
      if (i < takenAt) out.idleSplitMs.sending++;
      else if (i < pagesAt) out.idleSplitMs.processing++;
      else out.idleSplitMs.pages++;
    }
  }
  return out;
}
