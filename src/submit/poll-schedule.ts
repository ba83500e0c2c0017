// When to ask Walmart about a feed again: Walmart advises 15 minutes, 1 hour, 2 hours, then every 4
// hours for item feeds. A schedule is a list of waits whose last one repeats; "--poll 200ms" against the
// emulator, "--poll 15m,1h,2h,4h" (the default) against Walmart.
import { UsageError } from '../core/errors.js';

export const WALMART_POLL_SCHEDULE = '15m,1h,2h,4h';

const UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

export function parsePollSchedule(text: string): number[] {
  const waits = text.split(',').map((part) => {
    const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)\s*$/.exec(part);
    const value = m === null ? NaN : Number(m[1]) * (UNITS[m[2] ?? ''] ?? NaN);
    if (!Number.isFinite(value) || value < 1) throw new UsageError(`--poll takes waits like "15m,1h,2h,4h" or "200ms" (units ms, s, m, h), not "${text}"`);
    return Math.round(value);
  });
  if (waits.length === 0) throw new UsageError('--poll needs at least one wait');
  return waits;
}

/** The wait before poll number `n` (0-based): the schedule's n-th entry, its last one from then on. */
export function waitBefore(schedule: readonly number[], n: number): number {
  return schedule[Math.min(n, schedule.length - 1)] ?? 0;
}
