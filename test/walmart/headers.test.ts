// Header policy: every API call carries the token, a fresh UUID correlation ID, WM_SVC.NAME, the channel
// type when configured, WM_MARKET on feed-status calls when configured, and Accept: application/json.
import { describe, expect, it } from 'vitest';
import type { WalmartEvent } from '../../src/walmart/index.js';
import { getFeedStatus, getItem, listFeeds, listItems, policyHeaders, Secret, WM_HEADERS } from '../../src/walmart/index.js';
import { fakeWalmart, sendJson, testClient, tokenValue } from './helpers/fake-walmart.js';
import { ManualClock } from './helpers/manual-clock.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('header policy', () => {
  it('sends the required headers and a new UUID correlation ID on every call', async () => {
    const walmart = await fakeWalmart((req, res) =>
      req.pathname.startsWith('/v3/feeds/') ? sendJson(res, 200, { feedId: 'F@A' }) : sendJson(res, 200, { itemResponse: [], results: { feed: [] } }),
    );
    const client = testClient(walmart.url, { config: { svcName: 'Walmart Marketplace', channelType: '0f3e4dd4-0514', market: 'CA' } });
    for (let i = 0; i < 5; i += 1) await listItems(client);
    await getItem(client, '00012345678905');
    await getFeedStatus(client, 'F@A');
    await listFeeds(client);
    const ids = walmart.apiRequests.map((r) => r.headers['wm_qos.correlation_id']);
    expect(ids).toHaveLength(8);
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(8);
    for (const r of walmart.apiRequests) {
      expect(r.headers['wm_sec.access_token']).toBe(tokenValue(1));
      expect(r.headers['wm_svc.name']).toBe('Walmart Marketplace');
      expect(r.headers['wm_consumer.channel.type']).toBe('0f3e4dd4-0514');
      expect(r.headers.accept).toBe('application/json');
      expect(r.headers.authorization).toBeUndefined();
    }
    // WM_MARKET goes only to the feed status APIs, which require it.
    expect(walmart.apiRequests.map((r) => [r.pathname, r.headers.wm_market])).toEqual([
      ...Array.from({ length: 5 }, () => ['/v3/items', undefined]),
      ['/v4/items/00012345678905', undefined],
      ['/v3/feeds/F@A', 'CA'],
      ['/v3/feeds', 'CA'],
    ]);
  });

  it('leaves out the optional headers when they are not configured', async () => {
    const walmart = await fakeWalmart((_req, res) => sendJson(res, 200, { feedId: 'F' }));
    const client = testClient(walmart.url);
    await getFeedStatus(client, 'F');
    const [r] = walmart.apiRequests;
    expect(r?.headers['wm_consumer.channel.type']).toBeUndefined();
    expect(r?.headers.wm_market).toBeUndefined();
    expect(r?.headers['wm_svc.name']).toBe('Walmart Marketplace');
  });

  it('gives each retry attempt its own correlation ID and logs both under one callId', async () => {
    let n = 0;
    const walmart = await fakeWalmart((_req, res) => (++n === 1 ? sendJson(res, 503, {}) : sendJson(res, 200, { itemResponse: [] })));
    const events: WalmartEvent[] = [];
    const client = testClient(walmart.url, { clock: new ManualClock(), logger: (e) => events.push(e) });
    await listItems(client);
    const [first, second] = walmart.apiRequests.map((r) => r.headers['wm_qos.correlation_id']);
    expect(first).not.toBe(second);
    const api = events.filter((e) => e.route === 'GET /v3/items');
    const requests = api.filter((e) => e.type === 'request');
    expect(requests.map((e) => e.correlationId)).toEqual([first, second]);
    expect(new Set(api.map((e) => e.callId)).size).toBe(1);
    expect(api.find((e) => e.type === 'retry')).toMatchObject({ correlationId: first, attempt: 1 });
  });

  it('policyHeaders is a pure function of the request and the policy', () => {
    const headers = policyHeaders(
      {
        method: 'GET',
        route: 'GET /v3/feeds',
        origin: 'https://x',
        path: '/v3/feeds',
        headers: { 'Content-Type': 'application/json' },
        idempotent: true,
        sendMarket: true,
        accessToken: new Secret('tok-123456'),
      },
      { svcName: 'supplier', channelType: 'c', market: 'US' },
      'cid',
    );
    expect(headers).toEqual({
      Accept: 'application/json',
      'Content-Type': 'application/json',
      [WM_HEADERS.svcName]: 'supplier',
      [WM_HEADERS.correlationId]: 'cid',
      [WM_HEADERS.channelType]: 'c',
      [WM_HEADERS.market]: 'US',
      [WM_HEADERS.accessToken]: 'tok-123456',
    });
  });
});
