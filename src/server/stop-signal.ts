// A request's stop signal: the part of AbortSignal the service uses (aborted, reason, abort listeners), at a
// fraction of its cost. Every request needs one and almost none is ever stopped; Node's AbortController and
// its EventTarget listeners cost ~8 µs a request on the request thread (measured in BENCHMARKS.md), this a
// small object and an array. An AbortSignal fits StopSignal too, so callers may pass either.

export type StopListener = () => void;

/** What the worker pool and the request's steps read: AbortSignal's shape, abort events only. */
export interface StopSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: 'abort', listener: StopListener, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: StopListener): void;
}

/** A StopSignal and its trigger in one: listeners run once, on the first `abort`; later calls do nothing. */
export class StopController implements StopSignal {
  #aborted = false;
  #reason: unknown = undefined;
  #listeners: StopListener[] = [];

  get aborted(): boolean {
    return this.#aborted;
  }

  get reason(): unknown {
    return this.#reason;
  }

  get signal(): StopSignal {
    return this;
  }

  /** Listeners are called at most once (`once` is implied: a signal aborts only once). */
  addEventListener(_type: 'abort', listener: StopListener): void {
    if (!this.#aborted) this.#listeners.push(listener);
  }

  removeEventListener(_type: 'abort', listener: StopListener): void {
    const i = this.#listeners.indexOf(listener);
    if (i >= 0) this.#listeners.splice(i, 1);
  }

  abort(reason: unknown): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#reason = reason;
    // Taken one at a time, so a listener removed by an earlier one is not called (as with AbortSignal).
    for (let listener = this.#listeners.shift(); listener !== undefined; listener = this.#listeners.shift()) listener();
  }
}
