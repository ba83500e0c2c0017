// An undici dispatch handler that collects a whole response (Walmart bodies are JSON, read whole anyway)
// and records whether the request reached the wire: undici calls onRequestStart just before it writes the
// request to a socket, so an error before it provably sent nothing (what the retry rules for feed
// submissions rely on).
import type { Dispatcher } from 'undici';
import { abortReason } from './clock.js';

export interface BufferedResponse {
  status: number;
  /** Lower-cased names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: Buffer;
}

export class ResponseTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`response body larger than ${limit} bytes`);
    this.name = 'ResponseTooLargeError';
  }
}

function normaliseHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

export class BufferingHandler implements Dispatcher.DispatchHandler {
  readonly done: Promise<BufferedResponse>;
  #resolve: (r: BufferedResponse) => void = () => undefined;
  #reject: (e: Error) => void = () => undefined;
  #settled = false;
  #started = false;
  #controller: Dispatcher.DispatchController | undefined;
  #status = 0;
  #headers: Record<string, string> = {};
  #chunks: Buffer[] = [];
  #size = 0;
  readonly #maxBytes: number;
  readonly #signal: AbortSignal | undefined;
  readonly #onAbort = (): void => this.#abort();

  constructor(options: { maxBytes: number; signal?: AbortSignal | undefined }) {
    this.#maxBytes = options.maxBytes;
    this.#signal = options.signal;
    this.done = new Promise<BufferedResponse>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    this.#signal?.addEventListener('abort', this.#onAbort, { once: true });
  }

  /** True once undici began writing the request: from then on Walmart may have received it. */
  get requestStarted(): boolean {
    return this.#started;
  }

  /** For a dispatch that threw synchronously. */
  fail(error: Error): void {
    this.#finish(error);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.#started = true;
    this.#controller = controller;
    if (this.#signal?.aborted === true) controller.abort(abortReason(this.#signal));
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number, headers: Record<string, string | string[] | undefined>): void {
    if (statusCode < 200) return; // 1xx informational: the real response follows
    this.#status = statusCode;
    this.#headers = normaliseHeaders(headers);
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.#size += chunk.length;
    if (this.#size > this.#maxBytes) {
      controller.abort(new ResponseTooLargeError(this.#maxBytes));
      return;
    }
    this.#chunks.push(chunk);
  }

  onResponseEnd(): void {
    this.#finish(undefined);
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.#finish(error);
  }

  #abort(): void {
    const reason = abortReason(this.#signal as AbortSignal);
    // Before onRequestStart there is no controller yet; onRequestStart aborts as soon as it gets one.
    this.#controller?.abort(reason);
    this.#finish(reason);
  }

  #finish(error: Error | undefined): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#signal?.removeEventListener('abort', this.#onAbort);
    if (error !== undefined) this.#reject(error);
    else this.#resolve({ status: this.#status, headers: this.#headers, body: Buffer.concat(this.#chunks, this.#size) });
  }
}
