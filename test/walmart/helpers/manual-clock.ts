// A clock that only moves when told to (or when slept on): backoff and token-expiry tests run instantly
// and can assert the exact waits.
import type { Clock } from '../../../src/walmart/index.js';

export class ManualClock implements Clock {
  readonly sleeps: number[] = [];
  #now: number;

  constructor(start = Date.now()) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  advance(ms: number): void {
    this.#now += ms;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    this.sleeps.push(ms);
    this.#now += Math.max(0, ms);
    // Yield a macrotask so real sockets make progress while "time passes".
    await new Promise<void>((resolve) => setImmediate(resolve));
    signal?.throwIfAborted();
  }
}
