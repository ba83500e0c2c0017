// The HTTP front: node:http, one pass per request through the gateway's checks in Walmart's order
// (route, WM_QOS.CORRELATION_ID, access token as it stood when the request arrived, required headers, rate limit), then an injected fault if
// one is drawn, then the route's handler. Every response echoes the correlation ID and carries the
// API's rate-limit headers; none of this ever writes a token or a body to the access log.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AccessLogEntry } from './access-log.js';
import { header } from './context.js';
import { readBody } from '../http/read-body.js';
import type { RequestContext } from './context.js';
import { badHeader, errorReply } from './envelope.js';
import { peekFileName } from './multipart.js';
import type { FaultKind } from './faults.js';
import type { ResolvedOptions } from './options.js';
import type { BucketState } from './rate-limit.js';
import type { Reply } from './reply.js';
import { Router } from './router.js';
import type { Route } from './router.js';
import { ROUTES } from './routes/index.js';
import type { EmulatorState } from './state.js';
import { close, listen } from '../http/lifecycle.js';

const SMALL_BODY = 1024 * 1024;
/** Room for a multipart envelope around a feed file of the largest accepted size. */
const MULTIPART_SLACK = 64 * 1024;

function sleep(o: ResolvedOptions, ms: number): Promise<void> {
  return new Promise((resolve) => o.clock.setTimeout(resolve, ms));
}

/** How long an injected 429 asks the caller to wait. */
const INJECTED_THROTTLE_MS = 1000;

/** Replies for the faults that answer instead of the handler. */
function faultReply(kind: FaultKind): Reply | undefined {
  switch (kind) {
    case '429':
      return errorReply('REQUEST_THRESHOLD_VIOLATED', 'GMP_GATEWAY_API', { field: 'REQUEST_THRESHOLD_VIOLATED', description: 'Too many requests for this API.' });
    case '503':
      // Walmart: a call that cannot reach the gateway gets a bare HTTP error, no envelope.
      return { status: 503, text: 'Service Unavailable', contentType: 'text/plain; charset=utf-8' };
    case '500':
      return errorReply('SYSTEM_ERROR', 'GMP_GATEWAY_API', { field: 'SYSTEM_ERROR', description: 'Internal server error.' });
    case '504':
      return errorReply('DOWNSTREAM_SYSTEM_TIME_OUT', 'GMP_GATEWAY_API', { field: 'DOWNSTREAM_SYSTEM_TIME_OUT', description: 'The downstream system timed out.' });
    case '423':
      return errorReply('RESOURCE_IS_LOCKED', 'GMP_RECEIVER_API', { field: 'RESOURCE_IS_LOCKED', description: 'The resource is locked by another process; retry later.' });
    default:
      return undefined;
  }
}

/** The feedId a feed submission's answer carries. */
function feedIdOf(reply: Reply): string | undefined {
  const id = (reply.body as { feedId?: unknown } | undefined)?.feedId;
  return typeof id === 'string' ? id : undefined;
}

function unauthorized(info?: string): Reply {
  return errorReply('UNAUTHORIZED', 'GMP_GATEWAY_API', { field: 'UNAUTHORIZED', description: 'Unauthorized', ...(info === undefined ? {} : { info }) });
}

export class EmulatorServer {
  readonly #o: ResolvedOptions;
  readonly #state: EmulatorState;
  readonly #router = new Router(ROUTES);
  readonly #server: Server;

  constructor(options: ResolvedOptions, state: EmulatorState) {
    this.#o = options;
    this.#state = state;
    this.#server = createServer((req, res) => {
      this.#handle(req, res).catch((e: unknown) => {
        // Only a bug gets here (handlers' own errors are answered as 500s); never leave a client hanging.
        if (!res.headersSent) res.writeHead(500).end();
        else res.destroy();
        console.error('catalog-gate emulator: unexpected failure', e);
      });
    });
    this.#server.keepAliveTimeout = 5000;
  }

  listen(): Promise<string> {
    return listen(this.#server, this.#o.port, this.#o.host);
  }

  close(): Promise<void> {
    return close(this.#server);
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const o = this.#o;
    const state = this.#state;
    const time = o.clock.now();
    const t0 = performance.now();
    const url = req.url ?? '/';
    const qi = url.indexOf('?');
    const path = qi < 0 ? url : url.slice(0, qi);
    const method = req.method ?? 'GET';
    const given = header(req, 'WM_QOS.CORRELATION_ID');
    const correlationId = given ?? randomUUID();
    const match = this.#router.match(method, path);
    const route: Route | undefined = match !== undefined && 'route' in match ? match.route : undefined;
    const api = route?.api ?? 'other';
    const entry: AccessLogEntry = { time, method, path, api, status: 0, durationMs: 0, correlationId: given, clientId: undefined, fault: undefined, reset: false, error: undefined };

    const send = (reply: Reply, bucket: BucketState, close = false): void => {
      const text = reply.text ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
      const headers: Record<string, string | number> = {
        'Content-Type': reply.contentType ?? 'application/json; charset=utf-8',
        'Content-Length': Buffer.byteLength(text),
        'WM_QOS.CORRELATION_ID': correlationId,
        'x-current-token-count': bucket.count,
        'x-next-replenish-time': bucket.nextReplenish,
        ...reply.headers,
      };
      if (close) headers.Connection = 'close';
      res.writeHead(reply.status, headers);
      res.end(text);
      entry.status = reply.status;
      if (reply.status === 429) entry.replenishAt = bucket.nextReplenish;
      const feedId = route?.submitsFeed === true && reply.status < 300 ? feedIdOf(reply) : undefined;
      if (feedId !== undefined) entry.feedId = feedId;
      this.#log(entry, t0);
    };
    const reset = (): void => {
      entry.reset = true;
      req.socket.destroy();
      this.#log(entry, t0);
    };

    // The gateway judges the access token when the request arrives, as Walmart's does from the headers, not
    // once a large feed body has been read: a token that was valid when the upload began is not refused
    // because the upload outlasted it.
    const token = route?.auth === true ? header(req, 'WM_SEC.ACCESS_TOKEN') : undefined;
    const tokenCheck = route?.auth === true ? state.tokens.check(token) : undefined;
    const body = await readBody(req, route?.body === 'feed' ? o.maxFeedBytes + MULTIPART_SLACK : SMALL_BODY);
    if (body === 'aborted') return;
    if (route?.submitsFeed === true) {
      const fileName = peekFileName(body === 'too-large' ? Buffer.alloc(0) : body);
      if (fileName !== undefined) entry.fileName = fileName;
    }
    if (api === 'feedStatus') entry.itemDetails = new URLSearchParams(qi < 0 ? '' : url.slice(qi + 1)).get('includeDetails') !== 'false';
    const peek = (): BucketState => state.limits.peek(api);
    if (body === 'too-large') {
      const limit = route?.body === 'feed' ? o.maxFeedBytes : SMALL_BODY;
      return send(errorReply('REQUEST_ENTITY_TOO_LARGE', 'GMP_GATEWAY_API', { field: 'body', description: `The request body is larger than ${limit} bytes.` }), peek(), true);
    }
    if (match === undefined) return send(errorReply('URI_NOT_FOUND', 'GMP_GATEWAY_API', { field: 'URI', description: `No API at ${method} ${path}.` }), peek());
    if (route === undefined) {
      const allowed = 'allowed' in match ? match.allowed : [];
      return send({ ...errorReply('METHOD_NOT_ALLOWED', 'GMP_GATEWAY_API', { field: 'method', description: `${method} is not supported for ${path}; use ${allowed.join(' or ')}.` }), headers: { Allow: allowed.join(', ') } }, peek());
    }
    if (given === undefined && route.correlationRequired !== false) return send(badHeader('WM_QOS.CORRELATION_ID'), peek());
    if (tokenCheck !== undefined) {
      const check = tokenCheck;
      if (!check.ok) return send(unauthorized(check.reason === 'missing' ? 'WM_SEC.ACCESS_TOKEN is missing; get a token from POST /v3/token.' : undefined), peek());
      entry.clientId = check.clientId;
    }
    for (const name of route.requiredHeaders ?? []) if (header(req, name) === undefined) return send(badHeader(name), peek());
    const bucket = state.limits.take(api);
    if (!bucket.allowed) {
      return send(errorReply('REQUEST_THRESHOLD_VIOLATED', 'GMP_GATEWAY_API', { field: 'REQUEST_THRESHOLD_VIOLATED', description: `Too many requests to this API; wait until ${new Date(bucket.nextReplenish).toISOString()}.` }), bucket);
    }

    const eligible = route.api !== 'token' || o.faultsOnToken;
    let fault = eligible && state.faults.active ? state.faults.draw(path) : undefined;
    // `expire` is about the caller's access token; the token endpoint has none to expire.
    if (fault === 'expire' && token === undefined) fault = undefined;
    entry.fault = fault;
    if (fault === 'expire' && token !== undefined) {
      state.tokens.revoke(token);
      return send(unauthorized(), bucket);
    }
    if (fault !== undefined) {
      const injected = faultReply(fault);
      if (injected !== undefined) {
        // The request was not served, so it costs no quota; an injected 429 is a momentary throttle that
        // advertises a short wait, not the API's whole window (10 feeds an hour would mean 6 minutes).
        // Its headers describe the bucket after the refund: a 503 on the last token once said "0 left",
        // and a client that believed it waited out the window (6 minutes for feeds) for a token it had.
        state.limits.refund(api);
        const after = peek();
        const now = o.clock.now();
        return send(injected, fault === '429' ? { ...after, count: 0, nextReplenish: Math.min(after.nextReplenish, now + INJECTED_THROTTLE_MS) } : after);
      }
    }
    const ctx: RequestContext = {
      method,
      path,
      query: new URLSearchParams(qi < 0 ? '' : url.slice(qi + 1)),
      params: 'route' in match ? match.params : {},
      headers: req.headers,
      body,
      clientId: entry.clientId,
      correlationId,
      options: o,
      state,
    };
    if (fault === 'reset') {
      // Under `reset` a feed POST may have been accepted before the connection died: the ambiguity a
      // submitter must resolve (GET /v3/feeds) before resubmitting.
      if (route.submitsFeed === true && o.resetAcceptsFeed) {
        const taken = feedIdOf(await this.#run(route, ctx, entry));
        if (taken !== undefined) entry.feedId = taken;
      }
      return reset();
    }
    const reply = await this.#run(route, ctx, entry);
    if (fault === 'slow') await sleep(o, o.slowMs);
    if (res.destroyed) return this.#log(entry, t0);
    send(reply, bucket);
  }

  async #run(route: Route, ctx: RequestContext, entry: AccessLogEntry): Promise<Reply> {
    try {
      return await route.handler(ctx);
    } catch (e) {
      entry.error = e instanceof Error ? e.message : String(e);
      return errorReply('SYSTEM_ERROR', 'GMP_GATEWAY_API', { field: 'SYSTEM_ERROR', description: 'The emulator failed to handle this request.' });
    }
  }

  #log(entry: AccessLogEntry, t0: number): void {
    const hook = this.#o.onAccessLog;
    if (hook === undefined) return;
    entry.durationMs = Math.round((performance.now() - t0) * 1000) / 1000;
    try {
      hook(entry);
    } catch {
      // A failing log hook must not take the emulator down with it.
    }
  }
}
