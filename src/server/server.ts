// The HTTP front of the validation service: GET/HEAD go to the web page first, then the API's routes;
// /v1/* needs the bearer token when one is set. Each request has one time limit (body, queue and work
// together); validation itself runs in the worker pool, never on this thread. Every failure is answered
// as {"error": {code, message}}: nothing a client sends can crash the process or show a stack trace.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { SpecStore } from '../spec/store.js';
import { handleWebRequest } from './web/index.js';
import { BearerAuth } from './auth.js';
import { listSpecs, searchProductTypes } from './catalog.js';
import { FILE_FORMATS } from './jobs.js';
import type { FileJob, JsonJob } from './jobs.js';
import { openApiDocument } from './openapi.js';
import { isLoopback } from './options.js';
import type { ResolvedServeOptions } from './options.js';
import type { WorkerPool } from './pool.js';
import { oneOf, readQuery } from './query.js';
import { ownBytes, readBody } from './request-body.js';
import { attachment, sendError, sendJson, sendOutput } from './responses.js';
import { ServiceError, abortReason, clientGone, toErrorAnswer } from './service-error.js';
import { startRequestClock } from './request-clock.js';
import { StopController } from './stop-signal.js';
import type { StopSignal } from './stop-signal.js';
import { receiveUpload } from './upload.js';
import { close, listen } from '../http/lifecycle.js';

/** Until a request's URL is read (an error before that names no path). */
const ROOT_URL = new URL('http://localhost/');

/** JSON bodies from this size on queue as large jobs, behind uploads, so they never take the last worker. */
const LARGE_JSON_BYTES = 1024 * 1024;

interface Context {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  signal: StopSignal;
  /** Call once the body is in: the time limit starts again, for the work. */
  received: () => void;
}

interface Route {
  method: 'GET' | 'POST';
  /** Needs the token, when the server has one. */
  api: boolean;
  handle: (ctx: Context) => void | Promise<void>;
}

function raceAbort<T>(work: Promise<T>, signal: StopSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: Error) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

export class ValidationServer {
  readonly #o: ResolvedServeOptions;
  readonly #pool: WorkerPool;
  readonly #store: SpecStore;
  readonly #tmpRoot: string;
  readonly #auth: BearerAuth | undefined;
  readonly #server: Server;
  readonly #routes: ReadonlyMap<string, Route>;
  readonly #started = Date.now();
  readonly #version: string;
  #uploads = 0;

  constructor(options: ResolvedServeOptions, pool: WorkerPool, store: SpecStore, tmpRoot: string, version: string) {
    this.#o = options;
    this.#pool = pool;
    this.#store = store;
    this.#tmpRoot = tmpRoot;
    this.#version = version;
    this.#auth = options.token === undefined ? undefined : new BearerAuth(options.token);
    this.#routes = new Map<string, Route>([
      ['/healthz', { method: 'GET', api: false, handle: (c) => this.#health(c) }],
      ['/openapi.json', { method: 'GET', api: false, handle: (c) => this.#openapi(c) }],
      ['/v1/specs', { method: 'GET', api: true, handle: (c) => this.#specs(c) }],
      ['/v1/product-types', { method: 'GET', api: true, handle: (c) => this.#productTypes(c) }],
      ['/v1/validate', { method: 'POST', api: true, handle: (c) => this.#validateJson(c) }],
      ['/v1/validate/file', { method: 'POST', api: true, handle: (c) => this.#validateFile(c) }],
    ]);
    this.#server = createServer((req, res) => void this.#serve(req, res));
    this.#server.keepAliveTimeout = 5_000;
    this.#server.headersTimeout = 30_000;
    // Node's own backstop; the request's time limit answers first.
    this.#server.requestTimeout = options.limits.timeoutMs + 10_000;
  }

  listen(): Promise<string> {
    return listen(this.#server, this.#o.port, this.#o.host);
  }

  close(): Promise<void> {
    return close(this.#server);
  }

  async #serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const controller = new StopController();
    const clock = startRequestClock(controller, this.#o.limits.timeoutMs);
    const ctx: Context = {
      req,
      res,
      url: ROOT_URL,
      signal: controller.signal,
      received: clock.received,
    };
    // A client that leaves stops its work (a queued job is dropped, a running one's worker replaced).
    res.once('close', () => {
      clock.clear();
      if (!res.writableFinished) controller.abort(clientGone());
    });
    try {
      await this.#route(ctx);
    } catch (e) {
      const answer = toErrorAnswer(e);
      if (answer.status >= 500 && answer.code === 'INTERNAL') process.stderr.write(`catalog-gate serve: internal error on ${req.method ?? ''} ${ctx.url.pathname}: ${e instanceof Error ? e.message : String(e)}\n${this.#o.debug && e instanceof Error ? `${e.stack ?? ''}\n` : ''}`);
      if (!res.headersSent && !res.destroyed) sendError(req, res, answer, !req.complete);
      else res.destroy();
    } finally {
      clock.clear();
      this.#o.log?.(`${req.method ?? ''} ${ctx.url.pathname} ${res.statusCode} ${Math.round(performance.now() - started)}ms`);
    }
  }

  async #route(ctx: Context): Promise<void> {
    const { req, res } = ctx;
    try {
      ctx.url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      throw new ServiceError(400, 'BAD_URL', 'The request URL cannot be read.');
    }
    this.#checkHost(req);
    const method = req.method ?? 'GET';
    if ((method === 'GET' || method === 'HEAD') && (await handleWebRequest(req, res))) return;
    const route = this.#routes.get(ctx.url.pathname);
    if (route === undefined) throw new ServiceError(404, 'NOT_FOUND', `Nothing here: ${ctx.url.pathname.slice(0, 100)}. GET /openapi.json describes the API.`);
    const allowed = route.method === 'GET' ? ['GET', 'HEAD'] : ['POST'];
    if (!allowed.includes(method)) throw new ServiceError(405, 'METHOD_NOT_ALLOWED', `${ctx.url.pathname} takes ${allowed.join(' or ')}, not ${method.slice(0, 20)}.`, { Allow: allowed.join(', ') });
    if (route.api) this.#auth?.check(req);
    await route.handle(ctx);
  }

  /**
   * A server on loopback answers only requests addressed to loopback names, so a web page elsewhere cannot
   * reach it through DNS rebinding.
   */
  #checkHost(req: IncomingMessage): void {
    if (!isLoopback(this.#o.host)) return;
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (host === '' || isLoopback(host)) return;
    throw new ServiceError(421, 'WRONG_HOST', `This server answers requests for 127.0.0.1 or localhost only, not "${host.slice(0, 100)}".`);
  }

  #health(ctx: Context): void {
    readQuery(ctx.url.searchParams, []);
    sendJson(ctx.req, ctx.res, 200, { status: 'ok', version: this.#version, workers: this.#pool.stats, uptimeSeconds: Math.round((Date.now() - this.#started) / 1000) });
  }

  #openapi(ctx: Context): void {
    readQuery(ctx.url.searchParams, []);
    sendJson(ctx.req, ctx.res, 200, openApiDocument(this.#version));
  }

  async #specs(ctx: Context): Promise<void> {
    readQuery(ctx.url.searchParams, []);
    sendJson(ctx.req, ctx.res, 200, { specs: await listSpecs(this.#store) });
  }

  async #productTypes(ctx: Context): Promise<void> {
    const q = readQuery(ctx.url.searchParams, ['feedType', 'specVersion', 'search']);
    sendJson(ctx.req, ctx.res, 200, await searchProductTypes(this.#store, q));
  }

  async #validateJson(ctx: Context): Promise<void> {
    const { req, res } = ctx;
    const query = readQuery(ctx.url.searchParams, ['feedType', 'specVersion', 'productType']);
    const type = req.headers['content-type'] ?? '';
    if (!/^application\/([\w.-]+\+)?json\b/i.test(type)) {
      throw new ServiceError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the feed as JSON with "Content-Type: application/json"; spreadsheets go to /v1/validate/file.');
    }
    const chunks = (await raceAbort(readBody(req, this.#o.limits.maxBodyBytes), ctx.signal)).map(ownBytes);
    ctx.received();
    const job: JsonJob = { kind: 'json', chunks, query, maxRows: this.#o.limits.maxRows };
    const size = chunks.reduce((n, c) => n + c.byteLength, 0);
    const output = await this.#pool.run(job, size >= LARGE_JSON_BYTES ? 'large' : 'small', ctx.signal, chunks.map((c) => c.buffer as ArrayBuffer));
    await sendOutput(req, res, output, undefined);
  }

  async #validateFile(ctx: Context): Promise<void> {
    const { req, res } = ctx;
    const q = readQuery(ctx.url.searchParams, ['feedType', 'specVersion', 'productType', 'sheet', 'format', 'grid']);
    const format = oneOf('format', q.format, FILE_FORMATS) ?? 'json';
    const grid = oneOf('grid', q.grid, ['0', '1', 'true', 'false']);
    if (this.#uploads >= this.#o.limits.maxUploads) {
      throw new ServiceError(503, 'BUSY', `The server is validating ${this.#uploads} files already; try again in a few seconds.`, { 'Retry-After': '5' });
    }
    this.#uploads++;
    let dir: string | undefined;
    try {
      dir = await mkdtemp(join(this.#tmpRoot, 'upload-'));
      const upload = await raceAbort(receiveUpload(req, dir, { maxFileBytes: this.#o.limits.maxFileBytes }), ctx.signal);
      ctx.received();
      const job: FileJob = {
        kind: 'file',
        path: upload.path,
        name: upload.name,
        ...(q.sheet === undefined ? {} : { sheet: q.sheet }),
        query: { ...(q.feedType && { feedType: q.feedType }), ...(q.specVersion && { specVersion: q.specVersion }), ...(q.productType && { productType: q.productType }) },
        format,
        grid: grid === '1' || grid === 'true',
        out: join(dir, 'annotated.xlsx'),
        maxRows: this.#o.limits.maxRows,
        gridRows: this.#o.limits.gridRows,
      };
      const output = await this.#pool.run(job, 'large', ctx.signal);
      await sendOutput(req, res, output, attachment(upload.name, format));
    } finally {
      this.#uploads--;
      if (dir !== undefined) await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    }
  }
}
