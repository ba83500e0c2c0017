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
