// A stopwatch with a budget that runs only while the worker has work to do: time the worker spends
// waiting for a slow consumer is not held against the file.

/** Milliseconds since the epoch, comparable across threads (each thread has its own timeOrigin). */
export function wallClock(): number {
  return performance.timeOrigin + performance.now();
}

export class WorkClock {
  private used = 0;
  private since: number | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly budgetMs: number,
    private readonly onExpire: () => void,
  ) {}

  run(): void {
    if (this.since !== undefined) return;
    this.since = wallClock();
    this.arm();
  }

  /** Stops the clock as of `at`: the moment the worker went idle, which may be before we heard of it. */
  pause(at = wallClock()): void {
    if (this.since === undefined) return;
    this.used += Math.max(0, Math.min(at, wallClock()) - this.since);
    this.since = undefined;
    clearTimeout(this.timer);
  }

  private arm(): void {
    this.timer = setTimeout(() => {
      // A busy consumer may have kept the worker's messages waiting in the queue; let them in (they may
      // pause the clock as of when they were sent) before deciding.
      setImmediate(() => {
        if (this.since === undefined) return;
        if (this.used + wallClock() - this.since >= this.budgetMs) this.onExpire();
        else this.arm();
      });
    }, Math.max(0, this.budgetMs - this.used - (wallClock() - (this.since ?? wallClock()))));
    // The worker, referenced while it works, keeps the process alive; the timer need not.
    this.timer.unref();
  }
}
