// Token service: one token request for many concurrent callers, renewal ahead of expiry, and the single
// fresh-token replay on a 401 before failing with WALMART_AUTH.
import { describe, expect, it } from 'vitest';
import { EXAMPLES, readJson } from '../helpers/paths.js';
import { DEFAULT_TOKEN_RENEWAL, getToken, listItems, renewalMarginMs, WalmartAuthError } from '../../src/walmart/index.js';
import { BASIC, fakeWalmart, sendJson, testClient, tokenValue } from './helpers/fake-walmart.js';
import { ManualClock } from './helpers/manual-clock.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const example401 = readJson<Record<string, { value: unknown }>>(`${EXAMPLES}supplier_get_items_401.example.json`)['GET All items - Failure']!.value;

describe('token service', () => {
  it('100 concurrent calls cause exactly one token request', async () => {
    const walmart = await fakeWalmart((_req, res) => sendJson(res, 200, { itemResponse: [] }));
    const client = testClient(walmart.url);
    await Promise.all(Array.from({ length: 100 }, () => listItems(client)));
    expect(walmart.tokenRequests).toHaveLength(1);
    expect(walmart.apiRequests).toHaveLength(100);
    expect(new Set(walmart.apiRequests.map((r) => r.headers['wm_sec.access_token']))).toEqual(new Set([tokenValue(1)]));
  });

  it('asks for the token with client_credentials, Basic auth and the WM headers', async () => {
    const walmart = await fakeWalmart((_req, res) => sendJson(res, 200, {}));
    const client = testClient(walmart.url, { config: { svcName: 'Walmart Marketplace', channelType: 'chan-1' } });
    const token = await getToken(client);
    expect(token.token.reveal()).toBe(tokenValue(1));
    const [req] = walmart.tokenRequests;
    expect(req?.method).toBe('POST');
    expect(req?.pathname).toBe('/v3/token');
    expect(req?.headers.authorization).toBe(`Basic ${BASIC}`);
    expect(req?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(req?.body.toString()).toBe('grant_type=client_credentials');
    expect(req?.headers['wm_svc.name']).toBe('Walmart Marketplace');
    expect(req?.headers['wm_qos.correlation_id']).toMatch(UUID);
    expect(req?.headers['wm_consumer.channel.type']).toBe('chan-1');
    expect(req?.headers.accept).toBe('application/json');
    expect(req?.headers['wm_sec.access_token']).toBeUndefined();
  });

  it('renews ahead of expiry: a 900 s token is reused until less than 90 s remain', async () => {
    expect(renewalMarginMs(900_000, DEFAULT_TOKEN_RENEWAL)).toBe(90_000);
    expect(renewalMarginMs(300_000, DEFAULT_TOKEN_RENEWAL)).toBe(60_000);
    expect(renewalMarginMs(2_000, DEFAULT_TOKEN_RENEWAL)).toBe(1_000);

    const walmart = await fakeWalmart((_req, res) => sendJson(res, 200, { itemResponse: [] }), { tokenTtlS: 900 });
    const clock = new ManualClock();
    const client = testClient(walmart.url, { clock });
    await listItems(client);
    clock.advance(800_000); // 100 s left: still fresh
    await listItems(client);
    expect(walmart.tokenRequests).toHaveLength(1);
    clock.advance(15_000); // 85 s left: inside the 90 s margin, renewed before it can expire mid-call
    await listItems(client);
    expect(walmart.tokenRequests).toHaveLength(2);
    await listItems(client);
    // The call that started the renewal went on with the token it had (85 s left); the next one has the new token.
    expect(walmart.apiRequests.map((r) => r.headers['wm_sec.access_token'])).toEqual([tokenValue(1), tokenValue(1), tokenValue(1), tokenValue(2)]);
  });

  it('a renewal holds no call while the token has more than half its margin left, and every call once it has less', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    // The second token request is answered only when the test opens the gate.
    const walmart = await fakeWalmart((_req, res) => sendJson(res, 200, { itemResponse: [] }), {
      tokenTtlS: 900,
      tokenAnswer: async (n) => {
        if (n === 2) await gate;
        return false;
      },
    });
    const clock = new ManualClock();
    const client = testClient(walmart.url, { clock });
    await listItems(client);
    clock.advance(830_000); // 70 s left of the 90 s margin: more than half
    await listItems(client);
    await listItems(client);
    expect(walmart.tokenRequests).toHaveLength(2);
    expect(walmart.apiRequests.map((r) => r.headers['wm_sec.access_token'])).toEqual([tokenValue(1), tokenValue(1), tokenValue(1)]);
    clock.advance(30_000); // 40 s left: less than half the margin, so a call waits for the renewal under way
    let done = false;
    const waiting = listItems(client).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(done).toBe(false);
    expect(walmart.apiRequests).toHaveLength(3);
    release();
    await waiting;
    expect(walmart.tokenRequests).toHaveLength(2);
    expect(walmart.apiRequests.at(-1)?.headers['wm_sec.access_token']).toBe(tokenValue(2));
  });

  it('a 401 renews the token once and replays; a second 401 fails with WALMART_AUTH', async () => {
    const walmart = await fakeWalmart((_req, res) => sendJson(res, 401, example401));
    const client = testClient(walmart.url);
    const error = await listItems(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WalmartAuthError);
    const auth = error as WalmartAuthError;
    expect(auth.code).toBe('WALMART_AUTH');
    expect(auth.status).toBe(401);
    expect(auth.walmartCodes).toEqual(['UNAUTHORIZED.GMP_GATEWAY_API']);
    expect(walmart.tokenRequests).toHaveLength(2);
    expect(walmart.apiRequests.map((r) => r.headers['wm_sec.access_token'])).toEqual([tokenValue(1), tokenValue(2)]);
    // The message names the correlation ID of the attempt that failed last.
    expect(auth.correlationId).toBe(walmart.apiRequests[1]?.headers['wm_qos.correlation_id']);
    expect(auth.message).toContain(`correlation ID ${auth.correlationId}`);
  });

  it('a 401 followed by success with the fresh token succeeds', async () => {
    const walmart = await fakeWalmart((_req, res, token) =>
      token === tokenValue(1) ? sendJson(res, 401, example401) : sendJson(res, 200, { itemResponse: [{ sku: 'A' }] }),
    );
    const client = testClient(walmart.url);
    const page = await listItems(client);
    expect(page.itemResponse).toEqual([{ sku: 'A' }]);
    expect(walmart.tokenRequests).toHaveLength(2);
  });

  it('a retry after a backoff longer than the token lasts goes out with a fresh token, not the one the call started with', async () => {
    let n = 0;
    const walmart = await fakeWalmart((_req, res) => (++n === 1 ? sendJson(res, 503, {}) : sendJson(res, 200, { itemResponse: [] })), { tokenTtlS: 2 });
    const clock = new ManualClock();
    // random 1 and a 5 s first backoff: the 2 s token is long gone when the retry goes out.
    const client = testClient(walmart.url, { clock, random: () => 1, retry: { baseDelayMs: 5_000, idempotentBaseDelayMs: 5_000, unreachedBaseDelayMs: 5_000 } });
    await listItems(client);
    expect(clock.sleeps).toEqual([5_000]);
    expect(walmart.apiRequests.map((r) => r.headers['wm_sec.access_token'])).toEqual([tokenValue(1), tokenValue(2)]);
  });

  it('20 concurrent 401s on the same stale token cause one renewal, not 20', async () => {
    const walmart = await fakeWalmart((_req, res, token) =>
      token === tokenValue(1) ? sendJson(res, 401, example401) : sendJson(res, 200, { itemResponse: [] }),
    );
    const client = testClient(walmart.url);
    await getToken(client);
    await Promise.all(Array.from({ length: 20 }, () => listItems(client)));
    expect(walmart.tokenRequests).toHaveLength(2);
  });

  it('refused credentials at the token endpoint fail with WALMART_AUTH before any API call', async () => {
    const walmart = await fakeWalmart((_req, res) => sendJson(res, 200, {}), {
      tokenAnswer: (_n, _req, res) => {
        sendJson(res, 401, example401);
        return true;
      },
    });
    const client = testClient(walmart.url);
    const error = (await listItems(client).catch((e: unknown) => e)) as WalmartAuthError;
    expect(error).toBeInstanceOf(WalmartAuthError);
    expect(error.code).toBe('WALMART_AUTH');
    expect(error.message).toContain('WALMART_CLIENT_ID');
    expect(error.message).toContain(`correlation ID ${String(walmart.tokenRequests[0]?.headers['wm_qos.correlation_id'])}`);
    expect(walmart.tokenRequests).toHaveLength(1); // a refusal is not retried
    expect(walmart.apiRequests).toHaveLength(0);
  });

  it('one caller aborting while the token is fetched does not fail the others', async () => {
    const walmart = await fakeWalmart((_req, res) => sendJson(res, 200, { itemResponse: [] }), {
      tokenAnswer: async () => {
        await new Promise((r) => setTimeout(r, 80));
        return false;
      },
    });
    const client = testClient(walmart.url);
    const quitter = new AbortController();
    const a = listItems(client, {}, { signal: quitter.signal });
    const b = listItems(client);
    setTimeout(() => quitter.abort(), 10);
    await expect(a).rejects.toMatchObject({ name: 'AbortError' });
    await expect(b).resolves.toMatchObject({ itemResponse: [] });
    expect(walmart.tokenRequests).toHaveLength(1);
  });
});
