// The request's stop signal: aborts once, with the first reason, and calls each listener still attached once.
import { describe, expect, it } from 'vitest';
import { StopController } from '../../src/server/stop-signal.js';
import type { StopSignal } from '../../src/server/stop-signal.js';
import { abortReason, clientGone } from '../../src/server/service-error.js';

describe('StopController', () => {
  it('calls the listeners still attached once, on the first abort, and keeps the first reason', () => {
    const stop = new StopController();
    const calls: string[] = [];
    const a = (): void => void calls.push('a');
    const b = (): void => void calls.push('b');
    stop.signal.addEventListener('abort', a, { once: true });
    stop.signal.addEventListener('abort', b);
    stop.signal.removeEventListener('abort', b);
    expect(stop.signal.aborted).toBe(false);
    const first = clientGone();
    stop.abort(first);
    stop.abort(new Error('later'));
    expect(calls).toEqual(['a']);
    expect(stop.signal.aborted).toBe(true);
    expect(stop.signal.reason).toBe(first);
    expect(abortReason(stop.signal)).toBe(first);
  });

  it('does not call a listener added after the abort (as AbortSignal does not)', () => {
    const stop = new StopController();
    stop.abort(clientGone());
    let called = false;
    stop.signal.addEventListener('abort', () => (called = true));
    expect(called).toBe(false);
  });

  it('does not call a listener that an earlier one removed', () => {
    const stop = new StopController();
    const calls: string[] = [];
    const second = (): void => void calls.push('second');
    stop.signal.addEventListener('abort', () => {
      calls.push('first');
      stop.signal.removeEventListener('abort', second);
    });
    stop.signal.addEventListener('abort', second);
    stop.abort(clientGone());
    // As with AbortSignal: a listener removed while the abort runs them is not called.
    expect(calls).toEqual(['first']);
  });

  it('gives a 503 ABORTED when stopped without an Error', () => {
    const stop = new StopController();
    stop.abort('why');
    expect(abortReason(stop.signal)).toMatchObject({ status: 503, code: 'ABORTED' });
  });

  it('an AbortSignal is a StopSignal too', () => {
    const controller = new AbortController();
    const signal: StopSignal = controller.signal;
    let called = 0;
    signal.addEventListener('abort', () => called++, { once: true });
    controller.abort(clientGone());
    expect(called).toBe(1);
    expect(abortReason(signal)).toMatchObject({ code: 'CLIENT_GONE' });
  });
});
