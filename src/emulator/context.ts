// What a route handler is given: the parsed request, who is calling, and the emulator it runs in.
import type { IncomingHttpHeaders } from 'node:http';
import type { ResolvedOptions } from './options.js';
import type { Reply } from './reply.js';
import type { EmulatorState } from './state.js';

export interface RequestContext {
  method: string;
  path: string;
  query: URLSearchParams;
  params: Readonly<Record<string, string>>;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The client the access token was issued to; undefined on routes without auth. */
  clientId: string | undefined;
  correlationId: string;
  options: ResolvedOptions;
  state: EmulatorState;
}

export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

/** A header's value (Node lower-cases names and joins nothing for these single-valued ones). */
export function header(ctx: { headers: IncomingHttpHeaders }, name: string): string | undefined {
  const v = ctx.headers[name.toLowerCase()];
  const s = Array.isArray(v) ? v[0] : v;
  return s === undefined || s.trim() === '' ? undefined : s;
}
