// The pieces alone: compose() order, and the buffering dispatch handler driven without a socket.
import type { Dispatcher } from 'undici';
import { describe, expect, it } from 'vitest';
import type { Interceptor, Send, WalmartResponse } from '../../src/walmart/index.js';
import { BufferingHandler, compose } from '../../src/walmart/index.js';

function controller(): Dispatcher.DispatchController & { abortedWith: Error | undefined } {
  return {
    abortedWith: undefined,
    get aborted() {
      return this.abortedWith !== undefined;
    },
    paused: false,
    reason: null,
    abort(reason: Error) {
      this.abortedWith = reason;
    },
    pause() {},
    resume() {},
  };
}

describe('compose', () => {
  it('runs interceptors outermost first', async () => {
    const order: string[] = [];
    const tag =
      (name: string): Interceptor =>
      (next) =>
      async (req, ctx) => {
        order.push(`${name}>`);
        const res = await next(req, ctx);
        order.push(`<${name}`);
        return res;
      };
    const transport: Send = () => {
      order.push('transport');
      return Promise.resolve({ status: 200, headers: {}, body: Buffer.alloc(0), correlationId: 'c', attempt: 1 } satisfies WalmartResponse);
    };
    const send = compose(tag('auth'), tag('retry'), tag('headers'))(transport);
    await send(
      { method: 'GET', route: 'GET /x', origin: 'http://127.0.0.1', path: '/x', headers: {}, idempotent: true },
      { callId: 'id', signal: undefined, attempt: 1, emit: () => undefined },
    );
    expect(order).toEqual(['auth>', 'retry>', 'headers>', 'transport', '<headers', '<retry', '<auth']);
  });
});

describe('BufferingHandler', () => {
  it('collects status, lower-cased headers and body, and records that the request started', async () => {
    const h = new BufferingHandler({ maxBytes: 100 });
    const c = controller();
    expect(h.requestStarted).toBe(false);
    h.onRequestStart(c);
    expect(h.requestStarted).toBe(true);
    h.onResponseStart(c, 100, {});
    h.onResponseStart(c, 207, { 'X-Current-Token-Count': '3', 'set-cookie': ['a', 'b'] });
    h.onResponseData(c, Buffer.from('{"a":'));
    h.onResponseData(c, Buffer.from('1}'));
    h.onResponseEnd();
    const r = await h.done;
    expect(r).toEqual({ status: 207, headers: { 'x-current-token-count': '3', 'set-cookie': 'a, b' }, body: Buffer.from('{"a":1}') });
  });

  it('aborts a body over the limit', () => {
    const h = new BufferingHandler({ maxBytes: 4 });
    const c = controller();
    h.onRequestStart(c);
    h.onResponseStart(c, 200, {});
    h.onResponseData(c, Buffer.from('12345'));
    expect(c.abortedWith?.name).toBe('ResponseTooLargeError');
  });

  it('an abort before the request starts rejects at once and aborts the controller when it comes', async () => {
    const ac = new AbortController();
    const h = new BufferingHandler({ maxBytes: 4, signal: ac.signal });
    ac.abort();
    await expect(h.done).rejects.toMatchObject({ name: 'AbortError' });
    const c = controller();
    h.onRequestStart(c);
    expect(c.aborted).toBe(true);
  });
});
