// Walmart's error envelope parsed into typed errors: codes, fields, status, correlation ID, the
// transient/data split of doc 002, and 413 as WalmartPayloadTooLarge.
import { describe, expect, it } from 'vitest';
import { CatalogGateError } from '../../src/core/errors.js';
import {
  getItem,
  isTransient,
  listItems,
  parseErrorEnvelope,
  submitFeed,
  WalmartHttpError,
  WalmartPayloadTooLarge,
} from '../../src/walmart/index.js';
import { EXAMPLES, readJson } from '../helpers/paths.js';
import { fakeWalmart, sendJson, testClient } from './helpers/fake-walmart.js';

const example = (file: string, key: string): unknown => readJson<Record<string, { value: unknown }>>(`${EXAMPLES}${file}`)[key]!.value;
const headerError = {
  error: [
    {
      code: 'INVALID_REQUEST_HEADER.GMP_GATEWAY_API',
      field: 'WM_CONSUMER.CHANNEL.TYPE',
      description: 'WM_CONSUMER.CHANNEL.TYPE set null or invalid.',
      info: 'One or more request headers are invalid.',
      severity: 'ERROR',
      category: 'DATA',
    },
  ],
};

describe('error envelope', () => {
  it('parses the reference 401 and 404 examples', () => {
    expect(parseErrorEnvelope(example('supplier_get_items_401.example.json', 'GET All items - Failure'))).toEqual([
      {
        code: 'UNAUTHORIZED.GMP_GATEWAY_API',
        field: 'UNAUTHORIZED',
        description: 'Unauthorized',
        info: expect.stringContaining('Unauthorized token') as unknown,
        severity: 'ERROR',
        category: 'DATA',
      },
    ]);
    expect(parseErrorEnvelope(example('supplier_get_item_404.example.json', 'Single Item Search - Item Not Found'))).toMatchObject([
      { code: 'CONTENT_NOT_FOUND.GMP_ITEM_QUERY_API', category: 'APPLICATION', severity: 'INFO' },
    ]);
  });

  it('reads the "errors" variants: an array, the XML-shaped {errors:{error:[...]}}, plain strings', () => {
    expect(parseErrorEnvelope({ errors: [{ code: 'A', field: 'f' }] })).toEqual([{ code: 'A', field: 'f' }]);
    expect(parseErrorEnvelope({ errors: { error: [{ code: 'B' }, { code: 'C' }] } })).toEqual([{ code: 'B' }, { code: 'C' }]);
    expect(parseErrorEnvelope({ errors: { error: { code: 'D' } } })).toEqual([{ code: 'D' }]);
    expect(parseErrorEnvelope({ errors: ['Carrot is not a valid PT'] })).toEqual([{ description: 'Carrot is not a valid PT' }]);
    expect(parseErrorEnvelope({ feedId: 'x' })).toEqual([]);
    expect(parseErrorEnvelope('<html>')).toEqual([]);
  });

  it('classifies transient against data errors as doc 002 does', () => {
    for (const s of [423, 429, 500, 502, 503, 504]) expect(isTransient(s, [])).toBe(true);
    for (const s of [400, 401, 403, 404, 405, 406, 413, 415]) expect(isTransient(s, [])).toBe(false);
    expect(isTransient(400, [{ code: 'SYSTEM_ERROR', category: 'SYSTEM' }])).toBe(false); // a 4xx is the request's fault
    expect(isTransient(undefined, [{ code: 'SYSTEM_ERROR.GMP' }])).toBe(true);
    expect(isTransient(undefined, [{ code: 'X', category: 'System' }])).toBe(true);
    expect(isTransient(undefined, [{ code: 'INVALID_REQUEST', category: 'DATA' }])).toBe(false);
  });
});

describe('typed errors over HTTP', () => {
  it('a 400 becomes WALMART_REJECTED with Walmart codes, field, text and the correlation ID', async () => {
    const walmart = await fakeWalmart((_req, res) => sendJson(res, 400, headerError));
    const client = testClient(walmart.url);
    const error = (await listItems(client).catch((e: unknown) => e)) as WalmartHttpError;
    expect(error).toBeInstanceOf(WalmartHttpError);
    expect(error).toBeInstanceOf(CatalogGateError);
    expect(error).toMatchObject({ code: 'WALMART_REJECTED', walmartCode: 'WALMART_REJECTED', status: 400, transient: false, kind: 'data', route: 'GET /v3/items' });
    expect(error.walmartCodes).toEqual(['INVALID_REQUEST_HEADER.GMP_GATEWAY_API']);
    expect(error.details[0]?.field).toBe('WM_CONSUMER.CHANNEL.TYPE');
    const cid = String(walmart.apiRequests[0]?.headers['wm_qos.correlation_id']);
    expect(error.correlationId).toBe(cid);
    expect(error.message).toBe(
      `Walmart rejected GET /v3/items (HTTP 400). Walmart said: INVALID_REQUEST_HEADER.GMP_GATEWAY_API (field WM_CONSUMER.CHANNEL.TYPE): WM_CONSUMER.CHANNEL.TYPE set null or invalid. Fix the request and send it again. (correlation ID ${cid})`,
    );
  });

  it('a 404 from the reference example becomes WALMART_NOT_FOUND', async () => {
    const walmart = await fakeWalmart((_req, res) => sendJson(res, 404, example('supplier_get_item_404.example.json', 'Single Item Search - Item Not Found')));
    const client = testClient(walmart.url);
    await expect(getItem(client, 'X', { productIdType: 'SKU' })).rejects.toMatchObject({
      code: 'WALMART_NOT_FOUND',
      walmartCodes: ['CONTENT_NOT_FOUND.GMP_ITEM_QUERY_API'],
    });
    expect(walmart.apiRequests[0]?.url).toBe('/v4/items/X?productIdType=SKU');
  });

  it('a 413 on a feed becomes WalmartPayloadTooLarge telling the caller to split', async () => {
    const walmart = await fakeWalmart((_req, res) => sendJson(res, 413, { error: [{ code: 'REQUEST_ENTITY_TOO_LARGE' }] }));
    const client = testClient(walmart.url);
    const error = (await submitFeed(client, { feedType: 'MP_ITEM', body: 'x'.repeat(10_000) }).catch((e: unknown) => e)) as WalmartPayloadTooLarge;
    expect(error).toBeInstanceOf(WalmartPayloadTooLarge);
    expect(error).toMatchObject({ code: 'WALMART_PAYLOAD_TOO_LARGE', status: 413, transient: false });
    expect(error.message).toMatch(/Split the feed/);
    expect(error.message).toContain(`correlation ID ${String(walmart.apiRequests[0]?.headers['wm_qos.correlation_id'])}`);
    expect(walmart.apiRequests).toHaveLength(1);
  });

  it('a gateway HTML 502 still gives a typed transient error', async () => {
    let n = 0;
    const walmart = await fakeWalmart((_req, res) => {
      n += 1;
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html>Bad gateway</html>');
    });
    const client = testClient(walmart.url, { retry: { maxAttempts: 1 } });
    await expect(listItems(client)).rejects.toMatchObject({ code: 'WALMART_UNAVAILABLE', status: 502, transient: true, details: [] });
    expect(n).toBe(1);
  });

  it('a 2xx body that is not JSON is WALMART_BAD_RESPONSE', async () => {
    const walmart = await fakeWalmart((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    });
    const client = testClient(walmart.url);
    await expect(listItems(client)).rejects.toMatchObject({ code: 'WALMART_BAD_RESPONSE', status: 200 });
  });
});
