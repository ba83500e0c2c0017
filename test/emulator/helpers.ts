// Test helpers: an emulator per test (closed after it), and a tiny client that speaks Walmart's headers.
import { randomUUID } from 'node:crypto';
import { afterEach } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import type { Emulator, EmulatorOptions } from '../../src/emulator/index.js';

const running: Emulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
});

/** An emulator closed after the test; quick processing and no throttling unless the test says so. */
export async function emulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const emu = await startEmulator({ processingMs: 20, rateLimits: false, ...options });
  running.push(emu);
  return emu;
}

export interface Response {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export interface CallOptions {
  token?: string;
  /** false: leave the correlation ID out. */
  correlationId?: string | false;
  headers?: Record<string, string>;
  body?: string | FormData;
  contentType?: string;
}

export async function call(emu: Emulator, method: string, path: string, o: CallOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...o.headers };
  if (o.correlationId !== false) headers['WM_QOS.CORRELATION_ID'] = o.correlationId ?? randomUUID();
  if (o.token !== undefined) headers['WM_SEC.ACCESS_TOKEN'] = o.token;
  if (o.contentType !== undefined) headers['Content-Type'] = o.contentType;
  const res = await fetch(`${emu.url}${path}`, { method, headers, ...(o.body === undefined ? {} : { body: o.body }) });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

export function basic(id = 'client-id', secret = 'client-secret'): string {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
}

export async function token(emu: Emulator): Promise<string> {
  const r = await call(emu, 'POST', '/v3/token', { headers: { Authorization: basic() }, contentType: 'application/x-www-form-urlencoded', body: 'grant_type=client_credentials' });
  if (r.status !== 200) throw new Error(`token: ${r.status} ${r.text}`);
  return (r.json as { access_token: string }).access_token;
}

/** Submits a feed as JSON; returns its feedId. */
export async function submitFeed(emu: Emulator, tok: string, feed: unknown, feedType = 'MP_ITEM', path = '/v3/feeds'): Promise<string> {
  const r = await call(emu, 'POST', `${path}?feedType=${feedType}`, { token: tok, contentType: 'application/json', body: typeof feed === 'string' ? feed : JSON.stringify(feed) });
  if (r.status !== 200) throw new Error(`submit: ${r.status} ${r.text}`);
  return (r.json as { feedId: string }).feedId;
}
