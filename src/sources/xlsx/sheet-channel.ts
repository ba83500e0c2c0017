// The main thread's end of the sheet worker: queues the row batches it sends, grants one batch of
// credit each time the consumer takes one (so at most `window` batches are ever in flight), and turns
// every way the worker can fail (error message, crash, out of memory, time limit) into an InputError.
import type { Worker } from 'node:worker_threads';
import { InputError } from '../../core/errors.js';
import type { SourceProblem, TableRow } from '../table.js';
import type { CreditMessage, WorkerMessage } from './protocol.js';
import { WorkClock } from './work-clock.js';

type HeaderMessage = Extract<WorkerMessage, { type: 'header' }>;
type RowsMessage = Extract<WorkerMessage, { type: 'rows' }>;

export interface SheetChannelOptions {
  file: string;
  /** Credit the worker started with (`SheetWorkerInput.initialCredit`). */
  window: number;
  timeLimitMs: number;
  memoryMb: number;
  /** Releases what the worker leaves behind; called once the worker has exited. */
  cleanup: () => Promise<void>;
}

export class SheetChannel {
  private readonly batches: RowsMessage[] = [];
  private header: HeaderMessage | undefined;
  private failure: InputError | undefined;
  private ended = false;
  private outstanding: number;
  private wake: (() => void) | undefined;
  private readonly clock: WorkClock;

  constructor(
    private readonly worker: Worker,
    private readonly options: SheetChannelOptions,
  ) {
    this.outstanding = options.window;
    this.clock = new WorkClock(options.timeLimitMs, () => this.fail(this.timeout()));
    worker.on('message', (m: WorkerMessage) => this.receive(m));
    worker.on('error', (e: Error) => this.fail(this.crash(e)));
    worker.on('exit', (code) => {
      if (!this.settled) this.fail(new InputError('INPUT_UNREADABLE', `${options.file} could not be read: the Excel reader stopped unexpectedly (exit code ${code}). Save the sheet as CSV and try again.`));
    });
    this.update();
  }

  private get settled(): boolean {
    return this.ended || this.failure !== undefined;
  }

  /** Resolves with the header message, or rejects with why there is none. */
  async readHeader(): Promise<HeaderMessage> {
    for (;;) {
      if (this.header !== undefined) return this.header;
      if (this.failure !== undefined) throw this.failure;
      if (this.ended) throw new InputError('INPUT_INVALID', `${this.options.file} has no header row. Put the column names in the first row and try again.`);
      await this.nextEvent();
    }
  }

  /** The data rows; `problems` receives each batch's problems as the batch is taken. */
  async *rows(problems: SourceProblem[]): AsyncGenerator<TableRow> {
    try {
      for (;;) {
        const batch = this.batches.shift();
        if (batch !== undefined) {
          this.grant();
          problems.push(...batch.problems);
          const { numbers, ends, cells } = batch.rows;
          let start = 0;
          for (let i = 0; i < numbers.length; i++) {
            const end = ends[i] as number;
            yield { row: numbers[i] as number, cells: cells.slice(start, end) };
            start = end;
          }
          continue;
        }
        if (this.failure !== undefined) throw this.failure;
        if (this.ended) return;
        await this.nextEvent();
      }
    } finally {
      await this.close();
    }
  }

  /** Stops the worker and cleans up after it; rows not read yet are dropped. */
  async close(): Promise<void> {
    if (!this.settled) this.ended = true;
    this.update();
    await this.worker.terminate();
    await this.options.cleanup();
  }

  private receive(message: WorkerMessage): void {
    if (this.settled) return;
    switch (message.type) {
      case 'header':
        this.header = message;
        break;
      case 'rows':
        this.outstanding--;
        this.batches.push(message);
        this.update(message.sentAt);
        return;
      case 'end':
        this.ended = true;
        void this.worker.terminate();
        break;
      case 'error':
        this.fail(new InputError(message.code, message.message));
        return;
    }
    this.update();
  }

  private grant(): void {
    if (this.settled) return;
    this.outstanding++;
    this.worker.postMessage({ type: 'credit', batches: 1 } satisfies CreditMessage);
    this.update();
  }

  /** Ends the read with `error` (first failure wins) and stops the worker. */
  fail(error: InputError): void {
    if (this.settled) return;
    this.failure = error;
    void this.worker.terminate();
    this.update();
  }

  /**
   * Runs the clock only while the worker has work it may do. Keeps the process alive while the worker
   * works, and once it is told to stop (so its exit is seen and its temp directory removed), but not
   * while it idles waiting for a consumer that may never come back.
   */
  private update(idleSince?: number): void {
    const working = !this.settled && (this.header === undefined || this.outstanding > 0);
    if (working) this.clock.run();
    else this.clock.pause(idleSince);
    if (working || this.settled) this.worker.ref();
    else this.worker.unref();
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private nextEvent(): Promise<void> {
    return new Promise((resolve) => (this.wake = resolve));
  }

  private timeout(): InputError {
    const ms = this.options.timeLimitMs;
    const limit = ms >= 1000 ? `${Number((ms / 1000).toFixed(1))} s` : `${ms} ms`;
    return new InputError('INPUT_INVALID', `${this.options.file} took longer than ${limit} to read, so catalog-gate stopped: it is very large or damaged. Save the sheet as CSV, or split it, and try again.`);
  }

  private crash(e: Error): InputError {
    if ((e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
      return new InputError(
        'INPUT_INVALID',
        `${this.options.file} is too large or crafted to read within the ${this.options.memoryMb} MB catalog-gate allows a workbook. Save the sheet as CSV, or split it, and try again.`,
        { cause: e },
      );
    }
    const reason = (e.message.split('\n')[0] ?? '').slice(0, 200);
    return new InputError('INPUT_UNREADABLE', `${this.options.file} could not be read: the Excel reader failed (${reason}). Open it in Excel, save it again as .xlsx, and try again.`, { cause: e });
  }
}
