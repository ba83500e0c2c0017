// Entry of a pool worker thread: runs one job at a time, in the order the pool hands them out, and answers each
// with the output or the error's answer (status, code, one line), never a stack trace. The pool may hand a worker
// its next small job before the current one ends (so the worker need not wait for the request thread between two
// jobs); such a job waits here, and a cancel for it that arrives before it starts drops it, answered as skipped.
import { parentPort, workerData } from 'node:worker_threads';
import { renameUpload, runJob } from './jobs.js';
import type { EngineSettings, Job, JobOutput } from './jobs.js';
import { toErrorAnswer } from './service-error.js';
import type { ErrorAnswer } from './service-error.js';

export interface WorkerInput {
  settings: EngineSettings;
  debug: boolean;
}

export interface JobRequest {
  id: number;
  job: Job;
}

/** Drop job `cancel` if it has not started yet (its client left, or its time ran out while it waited here). */
export interface CancelRequest {
  cancel: number;
}

export type JobReply =
  | { id: number; ok: true; output: JobOutput }
  | { id: number; ok: false; error: ErrorAnswer }
  /** Cancelled before it started: it never ran. */
  | { id: number; ok: false; skipped: true };

/** Sent once, when the worker has loaded its modules and takes jobs. */
export const READY = 'ready';

const port = parentPort;
if (port === null) throw new Error('worker-main must run in a worker thread');
const input = workerData as WorkerInput;

/** Jobs handed over and not started yet, in order. */
const waiting: JobRequest[] = [];
let running = false;

function run({ id, job }: JobRequest): Promise<void> {
  return runJob(job, input.settings).then(
    // A report's bytes are handed over, not copied.
    (output) => port?.postMessage({ id, ok: true, output } satisfies JobReply, output.kind === 'bytes' ? [output.bytes.buffer as ArrayBuffer] : []),
    (e: unknown) => {
      const error = toErrorAnswer(e, renameUpload(job));
      if (error.status >= 500) process.stderr.write(`catalog-gate serve: ${error.code}: ${e instanceof Error ? e.message : String(e)}\n${input.debug && e instanceof Error ? `${e.stack ?? ''}\n` : ''}`);
      port?.postMessage({ id, ok: false, error } satisfies JobReply);
    },
  );
}

/** Lets the event loop deliver what arrived while a job ran (a job runs without yielding): jobs, and cancels. */
const delivered = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Runs the waiting jobs one after another until none is left; a cancel that came before a job starts drops it. */
async function drain(): Promise<void> {
  running = true;
  for (;;) {
    await delivered();
    const next = waiting.shift();
    if (next === undefined) break;
    await run(next);
  }
  running = false;
}

port.postMessage(READY);
port.on('message', (m: JobRequest | CancelRequest) => {
  if ('cancel' in m) {
    const i = waiting.findIndex((w) => w.id === m.cancel);
    if (i >= 0) {
      waiting.splice(i, 1);
      port.postMessage({ id: m.cancel, ok: false, skipped: true } satisfies JobReply);
    }
    return;
  }
  waiting.push(m);
  if (!running) void drain();
});
