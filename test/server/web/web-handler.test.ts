// handleWebRequest alone, behind a bare loopback server: the page and its assets with a CSP that forbids inline
// script and other origins, nothing else (traversal, other files, other methods fall through to the service).
import { createServer, request } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, WEB_ASSETS_DIR, handleWebRequest } from '../../../src/server/web/index.js';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    handleWebRequest(req, res).then(
      (served) => {
        if (!served) res.writeHead(404, { 'Content-Type': 'text/plain' }).end('fell through');
      },
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** A raw request path as sent (fetch would normalise `..`). */
function raw(path: string, method = 'GET'): Promise<{ status: number; headers: Headers; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}/`, { method, path }, (r) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => {
        const headers = new Headers();
        for (const [k, v] of Object.entries(r.headers)) if (typeof v === 'string') headers.set(k, v);
        resolve({ status: r.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the web page handler', () => {
  it('serves the page at / with a CSP that allows only this origin and no inline script', async () => {
    const r = await raw('/');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.body).toContain('<title>catalog-gate');
  });

  it('serves every asset the page names, with its type', async () => {
    const html = readFileSync(join(WEB_ASSETS_DIR, 'index.html'), 'utf8');
    const named = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1] ?? '');
    expect(named).toEqual(expect.arrayContaining(['/assets/app.js', '/assets/app.css']));
    for (const path of named) {
      const r = await raw(path);
      expect(r.status, path).toBe(200);
      expect(r.headers.get('content-security-policy'), path).toBe(CONTENT_SECURITY_POLICY);
    }
    expect((await raw('/assets/app.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await raw('/assets/app.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('serves every module the scripts import (the browser resolves them under /assets/)', async () => {
    const scripts = readdirSync(WEB_ASSETS_DIR).filter((f) => f.endsWith('.js'));
    for (const file of scripts) {
      const text = readFileSync(join(WEB_ASSETS_DIR, file), 'utf8');
      for (const m of text.matchAll(/from '\.\/([^']+)'/g)) {
        expect((await raw(`/assets/${m[1] ?? ''}`)).status, `${file} imports ${m[1] ?? ''}`).toBe(200);
      }
    }
  });

  it('answers HEAD with the headers and no body', async () => {
    const r = await raw('/', 'HEAD');
    expect(r.status).toBe(200);
    expect(Number(r.headers.get('content-length'))).toBeGreaterThan(0);
    expect(r.body).toBe('');
  });

  it.each([
    ['/v1/specs'],
    ['/healthz'],
    ['/assets/missing.js'],
    ['/assets/../index.ts'],
    ['/assets/%2e%2e/index.ts'],
    ['/assets/..%2findex.ts'],
    ['/assets/sub/app.js'],
    ['/assets/App.js'],
    ['/assets/index.html'],
    ['/assets/.hidden.js'],
    ['/../../package.json'],
    ['/src/server/web/assets/app.js'],
  ])('leaves %s to the service', async (path) => {
    const r = await raw(path);
    expect(r.status).toBe(404);
    expect(r.body).toBe('fell through');
  });

  it.each(['POST', 'PUT', 'DELETE', 'OPTIONS'])('leaves %s / to the service', async (method) => {
    expect((await raw('/', method)).body).toBe('fell through');
  });

  it('the page has no inline script, inline handler or style attribute (the CSP would block them)', () => {
    for (const file of readdirSync(WEB_ASSETS_DIR).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(join(WEB_ASSETS_DIR, file), 'utf8');
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
      expect(html).not.toMatch(/\son[a-z]+\s*=/i);
      expect(html).not.toMatch(/\sstyle\s*=/i);
      expect(html).not.toMatch(/<style/i);
      expect(html).not.toMatch(/https?:\/\//i);
    }
  });
});
