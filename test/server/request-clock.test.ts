// A request's time limit: 408 while its body has not arrived; once it has, the whole limit again for the work,
// then 503. Fake timers: the limit is exact, not a race with a busy machine.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startRequestClock } from '../../src/server/request-clock.js';
import { StopController } from '../../src/server/stop-signal.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('request clock', () => {
  it('answers a body that does not arrive within the limit with 408', () => {
    const stop = new StopController();
    startRequestClock(stop, 1000);
    vi.advanceTimersByTime(999);
    expect(stop.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(stop.reason).toMatchObject({ status: 408, code: 'REQUEST_TIMEOUT', message: 'The request did not arrive within 1 s.' });
  });

  it('gives the work the whole limit again from the body’s end, then 503', () => {
    const stop = new StopController();
    const clock = startRequestClock(stop, 1000);
    vi.advanceTimersByTime(900);
    clock.received();
    // 1.8 s after the start: over one limit in all, within the work's own.
    vi.advanceTimersByTime(900);
    expect(stop.aborted).toBe(false);
    // A second call changes nothing: the work's limit runs from the first.
    clock.received();
    vi.advanceTimersByTime(100);
    expect(stop.reason).toMatchObject({ status: 503, code: 'TIMEOUT' });
    expect((stop.reason as Error).message).toMatch(/took longer than the 1 s this server allows/);
  });

  it('stops timing once cleared, even if the body is then reported in', () => {
    const stop = new StopController();
    const clock = startRequestClock(stop, 500);
    clock.clear();
    clock.received();
    vi.advanceTimersByTime(5000);
    expect(stop.aborted).toBe(false);
  });
});
