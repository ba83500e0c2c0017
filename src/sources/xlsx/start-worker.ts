// Starts the sheet worker thread. Built (dist/): sheet-worker.js beside this file, run by Node as is.
// From sources (vitest runs src/*.ts through its own module runner, which worker threads do not get,
// and Node 20 cannot strip types): source-mode.ts boots the same sheet-worker.ts through loader hooks.
import { Worker } from 'node:worker_threads';
import type { WorkerOptions } from 'node:worker_threads';

export async function startSheetWorker(options: WorkerOptions): Promise<Worker> {
  const here = import.meta.url;
  if (here.endsWith('.js')) return new Worker(new URL('./sheet-worker.js', here), options);
  const { sourceWorkerUrl } = await import('./source-mode.js');
  return new Worker(await sourceWorkerUrl(new URL('./sheet-worker.ts', here)), options);
}
