// The merchandisers' web page: serves GET / and GET /assets/* from files shipped beside the code; the service routes the rest.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../spec/package-root.js';

/** Where the page's files live: resolved from the package root, so both src/ (tests) and dist/ (npx) find the same files. */
export const WEB_ASSETS_DIR = join(PACKAGE_ROOT, 'src', 'server', 'web', 'assets');

/** Only these names are served; a request for anything else falls through to the service (no path ever reaches the disk). */
const FILES: ReadonlyMap<string, { file: string; type: string }> = new Map([
  ['/', { file: 'index.html', type: 'text/html; charset=utf-8' }],
  ['/index.html', { file: 'index.html', type: 'text/html; charset=utf-8' }],
  ['/assets/app.js', { file: 'app.js', type: 'text/javascript; charset=utf-8' }],
  ['/assets/app.css', { file: 'app.css', type: 'text/css; charset=utf-8' }],
  ['/assets/favicon.svg', { file: 'favicon.svg', type: 'image/svg+xml' }],
]);

/** No inline script or style, nothing from another origin; the page only talks to this server. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const cache = new Map<string, Buffer>();

async function load(file: string): Promise<Buffer> {
  const hit = cache.get(file);
  if (hit !== undefined) return hit;
  const body = await readFile(join(WEB_ASSETS_DIR, file));
  cache.set(file, body);
  return body;
}

/** Serves GET / and GET /assets/*; returns false for anything else (the service then routes it). */
export async function handleWebRequest(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  const entry = FILES.get(path);
  if (entry === undefined) return false;
  const body = await load(entry.file);
  res.writeHead(200, {
    'Content-Type': entry.type,
    'Content-Length': body.length,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}
