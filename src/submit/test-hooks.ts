// Named points in a submit run where a test can stop the process deterministically:
// CATALOG_GATE_SUBMIT_PAUSE="after-send:2" makes the run print `catalog-gate-pause after-send 2` on
// stderr the 2nd time it reaches after-send, then wait forever, so the test SIGKILLs it at exactly
// that point. Unset (always, outside tests), a point costs one comparison.

export type PausePoint =
  /** The feed's intent is on disk; the POST has not been made. */
  | 'before-send'
  /** Walmart answered with a feedId; the ledger does not have it yet. */
  | 'after-send'
  /** The feedId is on disk; the next feed is not started. */
  | 'between-feeds'
  /** A status poll was answered; verdicts are not recorded yet. */
  | 'polling';

export interface PauseHooks {
  reach(point: PausePoint): Promise<void>;
}

export const NO_PAUSE: PauseHooks = { reach: () => Promise.resolve() };

export function pauseHooksFrom(spec: string | undefined, stderr: NodeJS.WritableStream = process.stderr): PauseHooks {
  if (spec === undefined || spec === '') return NO_PAUSE;
  const [point, nth] = spec.split(':');
  const target = Number(nth ?? '1');
  const seen = new Map<string, number>();
  let paused = false;
  // Never resolves: the test kills the process here. The interval keeps the event loop alive.
  const forever = (): Promise<void> => new Promise(() => setInterval(() => undefined, 60_000));
  return {
    reach(p) {
      // Once paused, every other feed in flight stops at its next point too, so the run is frozen where
      // the test asked (a POST already on its way still lands, as it would before a real kill).
      if (paused) return forever();
      const n = (seen.get(p) ?? 0) + 1;
      seen.set(p, n);
      if (p !== point || n !== target) return Promise.resolve();
      paused = true;
      stderr.write(`catalog-gate-pause ${p} ${n}\n`);
      return forever();
    },
  };
}
