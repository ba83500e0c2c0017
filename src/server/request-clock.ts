// A request's time limit, run twice: once for its body to arrive (past it: 408, the client's part), then the
// same again from the body's end for the work, waiting for a worker included (past it: 503). One timer,
// restarted when the body is in; either way the request's stop signal is aborted with the answer's error.
import { ServiceError } from './service-error.js';
import type { StopController } from './stop-signal.js';

export interface RequestClock {
  /** The body is in: the limit starts again, for the work. */
  received: () => void;
  /** The request is answered (or its client left): nothing more to time. */
  clear: () => void;
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${Number((ms / 1000).toFixed(1))} s` : `${ms} ms`;
}

export function startRequestClock(stop: StopController, limitMs: number): RequestClock {
  let receiving = true;
  const timer = setTimeout(() => {
    const limit = seconds(limitMs);
    stop.abort(
      receiving
        ? new ServiceError(408, 'REQUEST_TIMEOUT', `The request did not arrive within ${limit}.`)
        : new ServiceError(503, 'TIMEOUT', `Validation took longer than the ${limit} this server allows a request. Split the input into smaller files and try again.`),
    );
  }, limitMs);
  let cleared = false;
  return {
    received: () => {
      if (cleared || !receiving) return;
      receiving = false;
      timer.refresh();
    },
    clear: () => {
      cleared = true;
      clearTimeout(timer);
    },
  };
}
