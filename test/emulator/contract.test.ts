// Contract: the emulator's responses validate against Walmart's own OpenAPI response schemas (copied into
// test/fixtures/openapi/), and have the fields Walmart's documented examples show. The fixtures are
// Walmart's schemas, not ours: each highsidelabs-derived one must equal a fresh extraction from its source
// file, so nobody "fixes" a contract test by editing the contract.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/emulator/index.js';
import { EXAMPLES, SAMPLES, readJson } from '../helpers/paths.js';
import { call, emulator, submitFeed, token } from './helpers.js';
import { extractSchema, readFixture, schemaCheck } from './openapi.js';

const keys = (v: unknown): string[] => Object.keys(v as object).sort();

describe('responses match Walmart\'s OpenAPI schemas', () => {
  it('token 200', async () => {
    const emu = await emulator();
    const r = await call(emu, 'POST', '/v3/token', { headers: { Authorization: `Basic ${Buffer.from('id:secret').toString('base64')}` }, contentType: 'application/x-www-form-urlencoded', body: 'grant_type=client_credentials' });
    expect(schemaCheck('token-200')(r.json)).toEqual([]);
    const example = readJson<{ clientCredentialsRes: { value: unknown } }>(`${EXAMPLES}token_200_examples.json`).clientCredentialsRes.value;
    expect(keys(r.json)).toEqual(keys(example));
  });

  it('feed submission 200, feed status 200 at every stage, all feeds 200', async () => {
    const clock = new ManualClock();
    const emu = await emulator({ clock, processingMs: 1000 });
    const tok = await token(emu);
    const r = await call(emu, 'POST', '/v3/feeds?feedType=MP_ITEM', { token: tok, contentType: 'application/json', body: readFileSync(`${SAMPLES}feeds/clothing-4.3-errors.json`, 'utf8') });
    expect(schemaCheck('feed-submit-200')(r.json)).toEqual([]);
    expect(keys(r.json)).toEqual(keys(readJson(`${EXAMPLES}post_feeds_200_response.example.json`)));
    const id = (r.json as { feedId: string }).feedId;
    const broken = await submitFeed(emu, tok, '{"MPItem": [}');
    const status = async (feedId: string): Promise<unknown> => (await call(emu, 'GET', `/v3/feeds/${encodeURIComponent(feedId)}?includeDetails=true`, { token: tok })).json;
    const checkStatus = schemaCheck('feed-item-status-200');
    const checkList = schemaCheck('all-feed-statuses-200');
    expect(checkStatus(await status(id))).toEqual([]);
    clock.advance(500);
    expect(checkStatus(await status(id))).toEqual([]);
    await emu.state.processor.idle();
    clock.advance(500);
    await emu.state.feeds.settled(id);
    await emu.state.feeds.settled(broken);
    const done = await status(id);
    expect(checkStatus(done)).toEqual([]);
    expect(checkStatus(await status(broken))).toEqual([]);
    // Every field of Walmart's example is there (ours add activityId and, paged, nextCursor).
    const example = readJson<Record<string, unknown> & { itemDetails: { itemIngestionStatus: Array<Record<string, unknown>> } }>(`${EXAMPLES}get_feed_item_status_200.example.json`);
    expect(keys(done)).toEqual(expect.arrayContaining(keys(example)));
    const item = (done as typeof example).itemDetails.itemIngestionStatus[0];
    expect(keys(item)).toEqual(keys(example.itemDetails.itemIngestionStatus[0]));
    const list = (await call(emu, 'GET', '/v3/feeds', { token: tok })).json;
    expect(checkList(list)).toEqual([]);
    const listExample = readJson<{ results: { feed: Array<Record<string, unknown>> } }>(`${EXAMPLES}get_all_feed_statuses_200.example.json`);
    expect(keys(list)).toEqual(keys(listExample));
    expect(keys((list as typeof listExample).results.feed[0])).toEqual(expect.arrayContaining(keys(listExample.results.feed[0]).filter((k) => !['orgId', 'channelType', 'fileName'].includes(k))));
  });

  it('items list 200 and item 200 (Supplier shapes)', async () => {
    const emu = await emulator();
    const tok = await token(emu);
    expect(schemaCheck('items-list-200')((await call(emu, 'GET', '/v3/items?limit=3', { token: tok })).json)).toEqual([]);
    for (const full of ['NO', 'YES']) {
      const r = await call(emu, 'GET', `/v4/items/00812345100013?includeFullItemDetails=${full}`, { token: tok });
      expect(schemaCheck('supplier-item-200')(r.json)).toEqual([]);
    }
  });

  it('error envelopes: 400, 401, 404, 405, 413, 429 and injected faults', async () => {
    const emu = await emulator({ maxFeedItems: 1, rateLimits: { taxonomy: { limit: 1, windowMs: 60_000 } } });
    const tok = await token(emu);
    const envelope = schemaCheck('error-envelope');
    const responses = [
      await call(emu, 'GET', '/v3/feeds', { token: tok, correlationId: false }),
      await call(emu, 'GET', '/v3/items', { token: 'expired' }),
      await call(emu, 'GET', '/v4/items/1', { token: tok }),
      await call(emu, 'PUT', '/v3/feeds', { token: tok }),
      await call(emu, 'POST', '/v3/feeds?feedType=MP_ITEM', { token: tok, contentType: 'application/json', body: readFileSync(`${SAMPLES}feeds/clothing-4.3-clean.json`, 'utf8') }),
      await call(emu, 'GET', '/v3/items/taxonomy?version=4.3', { token: tok }),
      await call(emu, 'GET', '/v3/items/taxonomy?version=4.3', { token: tok }),
    ];
    for (const kind of ['500', '504', '423', '429', 'expire'] as const) {
      emu.state.faults.inject(kind);
      responses.push(await call(emu, 'GET', '/v3/items', { token: kind === 'expire' ? await token(emu) : tok }));
    }
    expect(responses.map((r) => r.status)).toEqual([400, 401, 404, 405, 413, 200, 429, 500, 504, 423, 429, 401]);
    for (const r of responses.filter((x) => x.status !== 200)) expect(envelope(r.json), r.text).toEqual([]);
    expect(schemaCheck('supplier-items-401')(responses[1]?.json)).toEqual([]);
    expect(schemaCheck('supplier-item-404')(responses[2]?.json)).toEqual([]);
  });
});

const SOURCES: ReadonlyArray<[string, string, string[]]> = [
  ['token-200', 'highsidelabs-2023-05/us-mp-auth.json', ['paths', '/v3/token', 'post', 'responses', '200', 'content', 'application/json', 'schema']],
  ['feed-submit-200', 'highsidelabs-2023-05/us-mp-items.json', ['paths', '/v3/feeds', 'post', 'responses', '200', 'content', 'application/json', 'schema']],
  ['feed-item-status-200', 'highsidelabs-2023-05/us-mp-feeds.json', ['paths', '/v3/feeds/{feedId}', 'get', 'responses', '200', 'content', 'application/json', 'schema']],
  ['all-feed-statuses-200', 'highsidelabs-2023-05/us-mp-feeds.json', ['paths', '/v3/feeds', 'get', 'responses', '200', 'content', 'application/json', 'schema']],
  ['items-list-200', 'highsidelabs-2023-05/us-dsv-items.json', ['paths', '/v3/items', 'get', 'responses', '200', 'content', 'application/xml', 'schema']],
  ['gateway-error', 'highsidelabs-2023-05/us-mp-items.json', ['components', 'schemas', 'GatewayError']],
];

describe('OpenAPI fixtures', () => {
  it.each(SOURCES)('%s is exactly the schema in %s', (name, file, path) => {
    const { $comment, ...fixture } = readFixture(name);
    expect($comment).toContain(file);
    expect(fixture).toEqual(extractSchema(file, path));
  });
});
