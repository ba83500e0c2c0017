// The merchandisers' web page: serves GET / and GET /assets/* from files shipped beside the code; the service routes the rest.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../spec/package-root.js';

/** Where the page's files live: resolved from the package root, so both src/ (tests) and dist/ (npx) find the same files. */
export const WEB_ASSETS_DIR = join(PACKAGE_ROOT, 'src', 'server', 'web', 'assets');

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** `/assets/<name>` for a plain name with a known type; nothing with a slash, dot-dot or odd character gets near the disk. */
const ASSET_PATH = /^\/assets\/([a-z0-9][a-z0-9-]*)(\.(?:js|css|svg))$/;

/** The file a path names, if it is one of the page's files. */
function fileFor(path: string): { file: string; type: string } | undefined {
  if (path === '/' || path === '/index.html') return { file: 'index.html', type: TYPES['.html'] ?? '' };
  const m = ASSET_PATH.exec(path);
  const type = m?.[2] === undefined ? undefined : TYPES[m[2]];
  if (m === null || type === undefined) return undefined;
  return { file: `${m[1]}${m[2]}`, type };
}

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

let listing: Promise<ReadonlySet<string>> | undefined;
const cache = new Map<string, Buffer>();

/** The file's bytes, or null when the assets folder has no such file. Only listed files are read (and cached), so the
 *  cache is bounded by the folder, whatever names requests make up. */
async function load(file: string): Promise<Buffer | null> {
  listing ??= readdir(WEB_ASSETS_DIR).then((names) => new Set(names));
  if (!(await listing).has(file)) return null;
  const hit = cache.get(file);
  if (hit !== undefined) return hit;
  const body = await readFile(join(WEB_ASSETS_DIR, file));
  cache.set(file, body);
  return body;
}

/** Serves GET / and GET /assets/*; returns false for anything else (the service then routes it). */
export async function handleWebRequest(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  let path: string;
  try {
    path = new URL(req.url ?? '/', 'http://localhost').pathname;
  } catch {
    return false;
  }
  const entry = fileFor(path);
  if (entry === undefined) return false;
  const body = await load(entry.file);
  if (body === null) return false;
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
