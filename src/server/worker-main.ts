// Entry of a pool worker thread: runs one job at a time as the pool hands them out and answers with the
// output or the error's answer (status, code, one line), never a stack trace.
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

export type JobReply = { id: number; ok: true; output: JobOutput } | { id: number; ok: false; error: ErrorAnswer };

/** Sent once, when the worker has loaded its modules and takes jobs. */
export const READY = 'ready';

const port = parentPort;
if (port === null) throw new Error('worker-main must run in a worker thread');
const input = workerData as WorkerInput;

port.postMessage(READY);
port.on('message', ({ id, job }: JobRequest) => {
  runJob(job, input.settings).then(
    // A report's bytes are handed over, not copied.
    (output) => port.postMessage({ id, ok: true, output } satisfies JobReply, output.kind === 'bytes' ? [output.bytes.buffer as ArrayBuffer] : []),
    (e: unknown) => {
      const error = toErrorAnswer(e, renameUpload(job));
      if (error.status >= 500) process.stderr.write(`catalog-gate serve: ${error.code}: ${e instanceof Error ? e.message : String(e)}\n${input.debug && e instanceof Error ? `${e.stack ?? ''}\n` : ''}`);
      port.postMessage({ id, ok: false, error } satisfies JobReply);
    },
  );
});
