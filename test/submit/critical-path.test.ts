// The bench's floor for a faulted submit (bench/submit-waits.ts): which milliseconds of the last feed's
// path the faults obliged, checked on a hand-made access log whose answer can be counted by hand.
import { describe, expect, it } from 'vitest';
import type { AccessLogEntry } from '../../src/emulator/index.js';
import { criticalPath } from '../../bench/submit-waits.js';

const at = (time: number, durationMs: number, e: Partial<AccessLogEntry>): AccessLogEntry => ({
  time,
  durationMs,
  method: 'GET',
  path: '/v3/feeds',
  api: 'feedList',
  status: 200,
  correlationId: undefined,
  clientId: undefined,
  fault: undefined,
  reset: false,
  error: undefined,
  ...e,
});
const post = (time: number, durationMs: number, fileName: string, e: Partial<AccessLogEntry>): AccessLogEntry => at(time, durationMs, { method: 'POST', api: 'feedSubmit', fileName, ...e });
const status = (time: number, durationMs: number, feedId: string, itemDetails: boolean, e: Partial<AccessLogEntry> = {}): AccessLogEntry =>
  at(time, durationMs, { api: 'feedStatus', path: `/v3/feeds/${encodeURIComponent(feedId)}`, itemDetails, ...e });

describe('the critical path of a faulted submit', () => {
  it('counts the pauses a 429 obliged while the last feed wanted that API, and the round trips its faulted requests took', () => {
    const log = [
      // Feed F's first POST draws a 429 asking for 1 s; feed G goes through.
      post(0, 100, 'catalog-gate-f-1.json', { status: 429, fault: '429', replenishAt: 1100 }),
      post(0, 50, 'catalog-gate-g-1.json', { feedId: 'G@A' }),
      post(1100, 100, 'catalog-gate-f-1.json', { feedId: 'F@A' }),
      status(1300, 5, 'F@A', false),
      // A 429 on G's poll while F sits out its poll interval: F did not want the API then.
      status(1320, 1, 'G@A', false, { status: 429, fault: '429', replenishAt: 1390 }),
      status(1405, 5, 'F@A', false),
      status(1410, 10, 'F@A', true, { status: 503, fault: '503' }),
      status(1430, 10, 'F@A', true, { status: 429, fault: '429', replenishAt: 1450 }),
      status(1450, 10, 'F@A', true),
    ];
    expect(criticalPath(log, 100)).toEqual({
      feedId: 'F@A',
      spanMs: 1460,
      // F's POST that was taken, two polls, the last page.
      workMs: 100 + 5 + 5 + 10,
      // The POST that drew the 429, the page that drew the 503, the page that drew the 429.
      faultedTripMs: 100 + 10 + 10,
      // The POST API paused from the 429's answer to its replenish time; the status API after the page's 429.
      obligedPauseMs: 1000 + 10,
      // Processing (POST answer to the first poll due), the poll interval, the 503's backoff.
      idleMs: 100 + 100 + 10,
      idleSplitMs: { sending: 0, processing: 100 + 100, pages: 10 },
    });
  });

  it('counts the feed-list look-up a reset POST obliges as a faulted round trip', () => {
    const log = [
      post(0, 100, 'catalog-gate-f-1.json', { status: 0, fault: 'reset', reset: true, feedId: 'F@A' }),
      at(120, 30, {}),
      status(250, 10, 'F@A', false),
      status(260, 10, 'F@A', true),
    ];
    expect(criticalPath(log, 100)).toMatchObject({ feedId: 'F@A', spanMs: 270, workMs: 100 + 10 + 10, faultedTripMs: 30, obligedPauseMs: 0, idleMs: 20 + 100 });
  });

  it('says nothing when the log has no status call', () => {
    expect(criticalPath([post(0, 10, 'catalog-gate-f-1.json', { feedId: 'F@A' })], 100)).toBeUndefined();
  });
});
