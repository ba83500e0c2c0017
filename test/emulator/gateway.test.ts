// The gateway's rules every route shares: correlation IDs (required, echoed), access tokens (issued,
// checked, expired), WM_SVC.NAME where the docs require it, unknown paths and methods, and an access
// log that never carries a secret.
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { ManualClock, emulatorBanner, emulatorOptionsFromFlags } from '../../src/emulator/index.js';
import type { AccessLogEntry } from '../../src/emulator/index.js';
import { basic, call, emulator, token } from './helpers.js';

const UNAUTHORIZED = {
  error: [
    {
      code: 'UNAUTHORIZED.GMP_GATEWAY_API',
      field: 'UNAUTHORIZED',
      description: 'Unauthorized',
      info: 'Unauthorized token or token is expired',
      severity: 'ERROR',
      category: 'DATA',
      causes: [],
      errorIdentifiers: {},
    },
  ],
};

describe('correlation IDs', () => {
  it('answers a call without WM_QOS.CORRELATION_ID with the 400 envelope', async () => {
    const emu = await emulator();
    const tok = await token(emu);
    const r = await call(emu, 'GET', '/v3/feeds', { token: tok, correlationId: false });
    expect(r.status).toBe(400);
    expect(r.json).toEqual({
      error: [
        {
          code: 'INVALID_REQUEST_HEADER.GMP_GATEWAY_API',
          field: 'WM_QOS.CORRELATION_ID',
          description: 'WM_QOS.CORRELATION_ID set null or invalid.',
          info: 'One or more request headers are invalid.',
          severity: 'ERROR',
          category: 'DATA',
          causes: [],
          errorIdentifiers: {},
        },
      ],
    });
    // The token call is the exception: it is answered without one (and still gets an ID back).
    const t = await call(emu, 'POST', '/v3/token', { correlationId: false, headers: { Authorization: basic() }, contentType: 'application/x-www-form-urlencoded', body: 'grant_type=client_credentials' });
    expect(t.status).toBe(200);
    expect(t.headers.get('WM_QOS.CORRELATION_ID')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('echoes the correlation ID on successes and errors alike', async () => {
    const emu = await emulator();
    const tok = await token(emu);
    for (const [path, t] of [['/v3/feeds', tok], ['/v3/feeds', 'bad'], ['/v3/nothing', tok]] as const) {
      const r = await call(emu, 'GET', path, { token: t, correlationId: 'cid-123' });
      expect(r.headers.get('WM_QOS.CORRELATION_ID')).toBe('cid-123');
    }
  });
});

describe('access tokens', () => {
  it('issues tokens like Walmart: Bearer, expires_in = the configured lifetime', async () => {
    const emu = await emulator({ tokenTtlSeconds: 600 });
    const r = await call(emu, 'POST', '/v3/token', { headers: { Authorization: basic() }, contentType: 'application/x-www-form-urlencoded', body: 'grant_type=client_credentials' });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ token_type: 'Bearer', expires_in: 600 });
    expect((r.json as { access_token: string }).access_token.length).toBeGreaterThan(20);
  });

  it('refuses bad client credentials and grant types', async () => {
    const emu = await emulator({ credentials: { clientId: 'me', clientSecret: 's3cret' } });
    const form = { contentType: 'application/x-www-form-urlencoded', body: 'grant_type=client_credentials' };
    expect((await call(emu, 'POST', '/v3/token', { headers: { Authorization: basic('me', 's3cret') }, ...form })).status).toBe(200);
    const wrong = await call(emu, 'POST', '/v3/token', { headers: { Authorization: basic('me', 'guess') }, ...form });
    expect(wrong.status).toBe(401);
    expect(wrong.json).toMatchObject({ error: [{ code: 'UNAUTHORIZED.GMP_GATEWAY_API', info: expect.stringContaining('Authorization: Basic Base64Encode(clientId:clientSecret)') as unknown }] });
    expect((await call(emu, 'POST', '/v3/token', form)).status).toBe(401);
    const grant = await call(emu, 'POST', '/v3/token', { headers: { Authorization: basic('me', 's3cret') }, contentType: 'application/x-www-form-urlencoded', body: 'grant_type=password' });
    expect(grant.status).toBe(400);
  });

  it('answers a missing, unknown or expired WM_SEC.ACCESS_TOKEN with the 401 envelope', async () => {
    const clock = new ManualClock();
    const emu = await emulator({ clock, tokenTtlSeconds: 900 });
    const tok = await token(emu);
    expect((await call(emu, 'GET', '/v3/feeds', { token: 'not-a-token' })).json).toEqual(UNAUTHORIZED);
    expect((await call(emu, 'GET', '/v3/feeds')).status).toBe(401);
    clock.advance(899_000);
    expect((await call(emu, 'GET', '/v3/feeds', { token: tok })).status).toBe(200);
    clock.advance(1_000);
    const expired = await call(emu, 'GET', '/v3/feeds', { token: tok });
    expect(expired.status).toBe(401);
    expect(expired.json).toEqual(UNAUTHORIZED);
  });

  it('judges the token when the request arrives, not after a slow upload has been read', async () => {
    const clock = new ManualClock();
    const emu = await emulator({ clock, tokenTtlSeconds: 2 });
    const tok = await token(emu);
    const body = JSON.stringify({ MPItemFeedHeader: { version: '1.3' }, MPItem: [{ Orderable: { sku: 'A' } }] });
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${emu.url}/v3/feeds?feedType=MP_ITEM`, {
        method: 'POST',
        headers: { 'WM_SEC.ACCESS_TOKEN': tok, 'WM_QOS.CORRELATION_ID': randomUUID(), 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write(body.slice(0, 10));
      // The token expires while the rest of the body is still on its way.
      setTimeout(() => {
        clock.advance(3_000);
        req.end(body.slice(10));
      }, 50);
    });
    expect(status).toBe(200);
    expect((await call(emu, 'GET', '/v3/feeds', { token: tok })).status).toBe(401);
  });

  it('lets a test revoke every token', async () => {
    const emu = await emulator();
    const tok = await token(emu);
    emu.state.tokens.revokeAll();
    expect((await call(emu, 'GET', '/v3/items', { token: tok })).status).toBe(401);
  });
});

describe('routes', () => {
  it('requires WM_SVC.NAME on the spec and order endpoints', async () => {
    const emu = await emulator();
    const tok = await token(emu);
    const spec = await call(emu, 'POST', '/v3/items/spec', { token: tok, contentType: 'application/json', body: JSON.stringify({ feedType: 'MP_ITEM', version: '4.3', productTypes: ['Clothing'] }) });
    expect(spec.status).toBe(400);
    expect(spec.json).toMatchObject({ error: [{ code: 'INVALID_REQUEST_HEADER.GMP_GATEWAY_API', field: 'WM_SVC.NAME' }] });
    expect((await call(emu, 'GET', '/v3/walmartOrders', { token: tok })).status).toBe(400);
    expect((await call(emu, 'GET', '/v3/walmartOrders', { token: tok, headers: { 'WM_SVC.NAME': 'Walmart Service Name' } })).status).toBe(200);
  });

  it('answers unknown paths with 404 and wrong methods with 405, in the envelope', async () => {
    const emu = await emulator();
    const tok = await token(emu);
    const nf = await call(emu, 'GET', '/v3/inventory', { token: tok });
    expect(nf.status).toBe(404);
    expect(nf.json).toMatchObject({ error: [{ code: 'URI_NOT_FOUND.GMP_GATEWAY_API' }] });
    const na = await call(emu, 'DELETE', '/v3/feeds', { token: tok });
    expect(na.status).toBe(405);
    expect(na.headers.get('allow')).toBe('GET, POST');
    expect(na.json).toMatchObject({ error: [{ code: 'METHOD_NOT_ALLOWED.GMP_GATEWAY_API' }] });
  });

  it('logs each request with its correlation ID and client, never a token', async () => {
    const log: AccessLogEntry[] = [];
    const emu = await emulator({ onAccessLog: (e) => log.push(e) });
    const tok = await token(emu);
    await call(emu, 'GET', '/v3/feeds?feedType=MP_ITEM', { token: tok, correlationId: 'cid-log' });
    await call(emu, 'GET', '/v3/feeds', { token: 'wrong' });
    expect(log.map((e) => [e.method, e.path, e.api, e.status])).toEqual([
      ['POST', '/v3/token', 'token', 200],
      ['GET', '/v3/feeds', 'feedList', 200],
      ['GET', '/v3/feeds', 'feedList', 401],
    ]);
    expect(log[1]).toMatchObject({ correlationId: 'cid-log', clientId: 'client-id', fault: undefined, reset: false });
    const text = JSON.stringify(log);
    expect(text).not.toContain(tok);
    expect(text).not.toContain('client-secret');
    expect(text).not.toContain('wrong');
  });

  it('logs the replenish time a 429 advertised, the wait a client must sit through', async () => {
    const log: AccessLogEntry[] = [];
    const emu = await emulator({ onAccessLog: (e) => log.push(e) });
    const tok = await token(emu);
    emu.state.faults.inject('429');
    const r = await call(emu, 'GET', '/v3/feeds', { token: tok });
    expect(r.status).toBe(429);
    expect(log[1]?.replenishAt).toBe(Number(r.headers.get('x-next-replenish-time')));
    expect(log[0]?.replenishAt).toBeUndefined();
  });

  it('logs which feed each submission attempt carried, the feedId it got, and whether a status call asked for item details', async () => {
    const log: AccessLogEntry[] = [];
    const emu = await emulator({ onAccessLog: (e) => log.push(e), catalog: 'empty' });
    const tok = await token(emu);
    const form = (): FormData => {
      const f = new FormData();
      f.append('file', new Blob([JSON.stringify({ MPItemFeedHeader: { version: '1.3' }, MPItem: [] })], { type: 'application/json' }), 'catalog-gate-abc-1.json');
      return f;
    };
    emu.state.faults.inject('503');
    expect((await call(emu, 'POST', '/v3/feeds?feedType=MP_ITEM', { token: tok, body: form() })).status).toBe(503);
    const taken = await call(emu, 'POST', '/v3/feeds?feedType=MP_ITEM', { token: tok, body: form() });
    const feedId = (taken.json as { feedId: string }).feedId;
    emu.state.faults.inject('reset');
    await call(emu, 'POST', '/v3/feeds?feedType=MP_ITEM', { token: tok, body: form() }).catch(() => undefined);
    await call(emu, 'GET', `/v3/feeds/${encodeURIComponent(feedId)}?includeDetails=false`, { token: tok });
    await call(emu, 'GET', `/v3/feeds/${encodeURIComponent(feedId)}?includeDetails=true&limit=50`, { token: tok });
    await call(emu, 'GET', `/v3/feeds/${encodeURIComponent(feedId)}`, { token: tok });
    const posts = log.filter((e) => e.api === 'feedSubmit');
    expect(posts.map((e) => [e.status, e.fileName, e.feedId !== undefined, e.reset])).toEqual([
      [503, 'catalog-gate-abc-1.json', false, false],
      [200, 'catalog-gate-abc-1.json', true, false],
      // Taken before the connection was dropped: the log says so, as the feed list would.
      [0, 'catalog-gate-abc-1.json', true, true],
    ]);
    expect(posts[1]?.feedId).toBe(feedId);
    expect(log.filter((e) => e.api === 'feedStatus').map((e) => e.itemDetails)).toEqual([false, true, true]);
    expect(log.find((e) => e.api === 'token')?.itemDetails).toBeUndefined();
  });
});

describe('the emulator command', () => {
  it('turns flags into options, naming the flag that is wrong', async () => {
    expect(emulatorOptionsFromFlags({ port: '8080', faults: '429=0.2', processingMs: '250', tokenTtl: '60', seed: '42' })).toEqual({ port: 8080, faults: '429=0.2', processingMs: 250, tokenTtlSeconds: 60, seed: 42 });
    expect(() => emulatorOptionsFromFlags({ port: 'eighty' })).toThrow(/--port/);
    expect(() => emulatorOptionsFromFlags({ tokenTtl: '0' })).toThrow(UsageError);
    await expect(emulator({ faults: 'reset=lots' })).rejects.toThrow(UsageError);
    const emu = await emulator({ faults: '429=0.2', seed: 9 });
    expect(emulatorBanner(emu)).toContain(`listening on ${emu.url}`);
    expect(emulatorBanner(emu)).toContain('429=0.2 (seed 9)');
  });
});

describe('throughput', () => {
  it('keeps up with a burst of status polls', async () => {
    const emu = await emulator({ processingMs: 0 });
    const tok = await token(emu);
    const r = await call(emu, 'POST', '/v3/feeds?feedType=MP_ITEM', { token: tok, contentType: 'application/json', body: '{"MPItem": []}' });
    const id = encodeURIComponent((r.json as { feedId: string }).feedId);
    const t0 = performance.now();
    const statuses: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        for (let i = 0; i < 25; i++) statuses.push((await call(emu, 'GET', `/v3/feeds/${id}`, { token: tok })).status);
      }),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(500);
    // Measured far above 500/s; the bound is loose enough for a busy CI machine.
    expect(performance.now() - t0).toBeLessThan(8000);
  });
});
