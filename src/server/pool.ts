// A pool of worker threads that run validation jobs off the request thread, one job per worker at a time.
// Large jobs (uploads, big JSON bodies) never take the last worker, so small requests always find one free;
// a job past its time limit, or a large one whose client left, is stopped by terminating its worker, which
// is replaced. A small job whose client left runs to its end and its answer is dropped: it costs milliseconds,
// where replacing a worker costs about half a second of CPU and a cold JIT for the jobs after it.
// Each worker has its own temp directory (the xlsx reader's scratch space), removed with the worker.
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { WorkerOptions } from 'node:worker_threads';
import type { EngineSettings, Job, JobOutput } from './jobs.js';
import { CLIENT_GONE, ServiceError, abortReason } from './service-error.js';
import type { StopSignal } from './stop-signal.js';
import type { JobReply, JobRequest, WorkerInput } from './worker-main.js';

/** worker-main.ts's READY (not imported: that module only runs in a worker). */
const READY = 'ready';

export type Lane = 'small' | 'large';

export interface PoolOptions {
  size: number;
  /** Jobs waiting for a worker at most; more are refused with 503. */
  maxQueue: number;
  /** Each worker's V8 old-generation heap. */
  heapMb: number;
  /** How long a small job whose client left may still run before its worker is stopped after all. */
  abandonedMs: number;
  /** The server's private temp directory; workers get subdirectories of it. */
  tmpRoot: string;
  settings: EngineSettings;
  debug: boolean;
}

interface Task {
  id: number;
  job: Job;
  lane: Lane;
  /** Buffers of the job handed to the worker rather than copied. */
  transfer: ArrayBuffer[];
  resolve: (output: JobOutput) => void;
  reject: (error: unknown) => void;
  signal: StopSignal | undefined;
  onAbort: () => void;
  slot?: Slot;
  /** Its client left while it ran: the worker finishes it (this timer stops it if not soon), the answer is dropped. */
  abandoned?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  dir: string;
  task: Task | undefined;
}

export interface PoolStats {
  size: number;
  busy: number;
  queued: number;
  /** Workers started since the pool began (the first `size`, then each replacement). */
  started: number;
  /** Small jobs whose client left while they ran, run to their end rather than stopped. */
  abandoned: number;
}

async function startWorker(options: WorkerOptions): Promise<Worker> {
  const here = import.meta.url;
  if (here.endsWith('.js')) return new Worker(new URL('./worker-main.js', here), options);
  // From TypeScript sources (tests): the same boot the xlsx reader's worker uses.
  const { sourceWorkerUrl } = await import('../sources/xlsx/source-mode.js');
  return new Worker(await sourceWorkerUrl(new URL('./worker-main.ts', here)), options);
}

export class WorkerPool {
  readonly #o: PoolOptions;
  readonly #slots: Slot[] = [];
  readonly #queue: Task[] = [];
  #nextId = 1;
  #nextDir = 1;
  #started = 0;
  #abandoned = 0;
  #closed = false;

  private constructor(options: PoolOptions) {
    this.#o = options;
  }

  static async start(options: PoolOptions): Promise<WorkerPool> {
    const pool = new WorkerPool(options);
    await Promise.all(Array.from({ length: options.size }, () => pool.#spawn()));
    return pool;
  }

  get stats(): PoolStats {
    return { size: this.#slots.length, busy: this.#slots.filter((s) => s.task !== undefined).length, queued: this.#queue.length, started: this.#started, abandoned: this.#abandoned };
  }

  /** Runs `job` on the next free worker; rejects with the job's ServiceError, or the signal's reason when aborted. */
  run(job: Job, lane: Lane, signal?: StopSignal, transfer: ArrayBuffer[] = []): Promise<JobOutput> {
    if (this.#closed) return Promise.reject(new ServiceError(503, 'SHUTTING_DOWN', 'The server is shutting down; try again in a moment.'));
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (this.#queue.length >= this.#o.maxQueue) {
      return Promise.reject(new ServiceError(503, 'BUSY', `The server is busy (${this.#queue.length} requests waiting); try again in a few seconds.`, { 'Retry-After': '2' }));
    }
    return new Promise<JobOutput>((resolve, reject) => {
      const task: Task = { id: this.#nextId++, job, lane, transfer, resolve, reject, signal, onAbort: () => this.#abort(task) };
      signal?.addEventListener('abort', task.onAbort, { once: true });
      this.#queue.push(task);
      this.#pump();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const slot of this.#slots) clearTimeout(slot.task?.abandoned);
    for (const task of this.#queue.splice(0)) this.#settle(task, new ServiceError(503, 'SHUTTING_DOWN', 'The server is shutting down; try again in a moment.'));
    await Promise.all(this.#slots.splice(0).map((slot) => this.#retire(slot)));
  }

  /** Large jobs may hold every worker but one. */
  get #largeLimit(): number {
    return Math.max(1, this.#slots.length - 1);
  }

  #pump(): void {
    for (const slot of this.#slots) {
      if (slot.task !== undefined) continue;
      const runningLarge = this.#slots.filter((s) => s.task?.lane === 'large').length;
      const index = this.#queue.findIndex((t) => t.lane === 'small' || runningLarge < this.#largeLimit);
      if (index < 0) return;
      const [task] = this.#queue.splice(index, 1) as [Task];
      slot.task = task;
      task.slot = slot;
      slot.worker.postMessage({ id: task.id, job: task.job } satisfies JobRequest, task.transfer);
    }
  }

  async #spawn(): Promise<void> {
    const dir = join(this.#o.tmpRoot, `worker-${this.#nextDir++}`);
    await mkdir(dir, { recursive: true });
    const input: WorkerInput = { settings: this.#o.settings, debug: this.#o.debug };
    this.#started++;
    const worker = await startWorker({
      workerData: input,
      resourceLimits: { maxOldGenerationSizeMb: this.#o.heapMb },
      env: { ...process.env, TMPDIR: dir, TMP: dir, TEMP: dir },
    });
    const slot: Slot = { worker, dir, task: undefined };
    // Jobs go to a worker once it has loaded its modules, so no request's time limit pays for a start.
    const ready = new Promise<boolean>((resolve) => {
      worker.once('error', () => resolve(false));
      worker.once('exit', () => resolve(false));
      worker.on('message', (m: JobReply | typeof READY) => {
        if (m === READY) resolve(true);
        else this.#reply(slot, m);
      });
    });
    if (!(await ready) || this.#closed) {
      await this.#retire(slot);
      if (!this.#closed) throw new Error('a validation worker stopped while starting');
      return;
    }
    worker.on('error', (e: Error) => this.#crashed(slot, e));
    worker.on('exit', () => this.#crashed(slot, undefined));
    this.#slots.push(slot);
    this.#pump();
  }

  #reply(slot: Slot, reply: JobReply): void {
    const task = slot.task;
    if (task === undefined || task.id !== reply.id) return;
    slot.task = undefined;
    if (task.abandoned !== undefined) {
      clearTimeout(task.abandoned);
      this.#abandoned++;
    } else if (reply.ok) this.#settle(task, undefined, reply.output);
    else this.#settle(task, new ServiceError(reply.error.status, reply.error.code, reply.error.message, reply.error.headers ?? {}));
    this.#pump();
  }

  /** The worker died under its job (out of memory, a crash): answer the job, replace the worker. */
  #crashed(slot: Slot, e: Error | undefined): void {
    const i = this.#slots.indexOf(slot);
    if (i < 0) return;
    this.#slots.splice(i, 1);
    const task = slot.task;
    slot.task = undefined;
    if (task?.abandoned !== undefined) clearTimeout(task.abandoned);
    else if (task !== undefined) {
      const oom = (e as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.#settle(
        task,
        oom
          ? new ServiceError(422, 'TOO_LARGE_TO_VALIDATE', `The input needs more than the ${this.#o.heapMb} MB this server gives one request. Split it into smaller files and try again.`)
          : new ServiceError(500, 'INTERNAL', 'The validation worker stopped unexpectedly; try again.'),
      );
    }
    this.#replace(slot);
  }

  /**
   * Queued: dropped. Running: its worker is terminated and replaced, except a small job whose client left,
   * which finishes unless it runs past `abandonedMs`. Either way the caller gets the signal's reason now.
   */
  #abort(task: Task): void {
    const reason = task.signal === undefined ? undefined : abortReason(task.signal);
    const queued = this.#queue.indexOf(task);
    if (queued >= 0) {
      this.#queue.splice(queued, 1);
      this.#settle(task, reason);
      return;
    }
    const slot = task.slot;
    if (slot === undefined || slot.task !== task || task.abandoned !== undefined) return;
    this.#settle(task, reason);
    if (task.lane === 'small' && (reason as { code?: unknown } | undefined)?.code === CLIENT_GONE) {
      task.abandoned = setTimeout(() => this.#stop(slot, task), this.#o.abandonedMs);
      task.abandoned.unref();
      return;
    }
    this.#stop(slot, task);
  }

  /** Terminates the worker under `task` and replaces it. */
  #stop(slot: Slot, task: Task): void {
    if (slot.task !== task) return;
    const i = this.#slots.indexOf(slot);
    if (i >= 0) this.#slots.splice(i, 1);
    slot.task = undefined;
    this.#replace(slot);
  }

  #replace(slot: Slot): void {
    this.#retire(slot)
      .then(() => (this.#closed ? undefined : this.#spawn()))
      .catch((e: unknown) => process.stderr.write(`catalog-gate serve: could not start a validation worker: ${e instanceof Error ? e.message : String(e)}\n`));
  }

  #settle(task: Task, error: unknown, output?: JobOutput): void {
    task.signal?.removeEventListener('abort', task.onAbort);
    if (error === undefined && output !== undefined) task.resolve(output);
    else task.reject(error);
  }

  async #retire(slot: Slot): Promise<void> {
    slot.worker.removeAllListeners('exit');
    await slot.worker.terminate().catch(() => undefined);
    await rm(slot.dir, { recursive: true, force: true }).catch(() => undefined);
  }
}
