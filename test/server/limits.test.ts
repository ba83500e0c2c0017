// Every way a request can fail: each a clear 4xx/5xx in the contract's error shape, never a crash, and the
// server still answers afterwards. Limits are set small here so tests stay quick.
import { request } from 'node:http';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { isLoopback, resolveServeOptions } from '../../src/server/index.js';
import type { RunningServer } from '../../src/server/index.js';
import { WORKBOOK_RELS, WORKBOOK_XML, deflatedSpaces, zip } from '../helpers/hostile-files.js';
import { SAMPLES } from '../helpers/paths.js';
import { bigCsv, expectError, fileForm, formFor, postFile, postJson, serve } from './helpers.js';

const FEED = `${SAMPLES}feeds/clothing-4.3-errors.json`;
const CSV = `${SAMPLES}sheets/catalog-v5-errors.csv`;

let server: RunningServer;
let url: string;
beforeAll(async () => {
  server = await serve({ limits: { maxBodyBytes: 64 * 1024, maxFileBytes: 256 * 1024, maxRows: 10 } });
  url = server.url;
}, 60_000);
afterAll(async () => {
  await server.close();
});

async function stillServes(base: string): Promise<void> {
  const res = await postJson(`${base}/v1/validate`, await readFile(FEED, 'utf8'));
  expect(res.status).toBe(200);
}

/** A raw HTTP/1.1 request, for what fetch will not send (a Host header, a body that stalls). */
function raw(base: string, options: { method?: string; path: string; headers?: Record<string, string>; body?: string; hold?: boolean }): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    // hold: the rest of the body never comes.
    if (options.hold !== true) req.end();
  });
}

describe('bad requests', () => {
  it('answers bad JSON with 400, however deep or broken', async () => {
    expect(await expectError(await postJson(`${url}/v1/validate`, '{"records": [}'), 400, 'BAD_JSON')).toMatch(/not valid JSON/);
    await expectError(await postJson(`${url}/v1/validate`, '['.repeat(60_000)), 400, 'BAD_JSON');
    await expectError(await postJson(`${url}/v1/validate`, ''), 400, 'BAD_JSON');
  });

  it('answers JSON that is not a feed with 422', async () => {
    await expectError(await postJson(`${url}/v1/validate`, '"hello"'), 422, 'INPUT_INVALID');
    expect(await expectError(await postJson(`${url}/v1/validate`, { items: [] }), 422, 'INPUT_INVALID')).toMatch(/no item list/);
    expect(await expectError(await postJson(`${url}/v1/validate?feedType=MP_ITEM&specVersion=4.3`, { records: [] }), 422, 'INPUT_INVALID')).toBe('the request body has no items');
  });

  it('answers a wrong content type with 415', async () => {
    await expectError(await fetch(`${url}/v1/validate`, { method: 'POST', body: '{}', headers: { 'Content-Type': 'text/plain' } }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    await expectError(await postJson(`${url}/v1/validate/file`, {}), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers a form without a file field with 400, and a file that is not a spreadsheet with 415', async () => {
    const form = new FormData();
    form.append('sheet', 'Items');
    expect(await expectError(await postFile(`${url}/v1/validate/file`, form), 400, 'MISSING_FILE')).toMatch(/field named "file"/);
    await expectError(await postFile(`${url}/v1/validate/file`, fileForm('x', 'catalog.xlsx', 'upload')), 400, 'MISSING_FILE');
    expect(await expectError(await postFile(`${url}/v1/validate/file`, fileForm('%PDF-1.4', 'catalog.pdf')), 415, 'UNSUPPORTED_FILE_TYPE')).toMatch(/^catalog\.pdf is not a spreadsheet/);
  });

  it('answers a broken multipart body with 400', async () => {
    const res = await fetch(`${url}/v1/validate/file`, { method: 'POST', body: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nsku\r\nA', headers: { 'Content-Type': 'multipart/form-data; boundary=xyz' } });
    await expectError(res, 400, 'BAD_MULTIPART');
    await expectError(await fetch(`${url}/v1/validate/file`, { method: 'POST', body: 'x', headers: { 'Content-Type': 'multipart/form-data' } }), 400, 'BAD_MULTIPART');
  });

  it('answers unknown, repeated or out-of-range query parameters with 400', async () => {
    expect(await expectError(await postJson(`${url}/v1/validate?feedtype=MP_ITEM`, {}), 400, 'BAD_QUERY')).toContain('Did you mean "feedType"?');
    await expectError(await postJson(`${url}/v1/validate?feedType=A&feedType=B`, {}), 400, 'BAD_QUERY');
    expect(await expectError(await postFile(`${url}/v1/validate/file?format=pdf`, await formFor(CSV)), 400, 'BAD_QUERY')).toContain('json, csv, xlsx, sarif, junit');
    await expectError(await postFile(`${url}/v1/validate/file?grid=yes`, await formFor(CSV)), 400, 'BAD_QUERY');
    await expectError(await fetch(`${url}/healthz?x=1`), 400, 'BAD_QUERY');
    await expectError(await postJson(`${url}/v1/validate?feedType=MP_ITEM&specVersion=9.9`, { records: [{}] }), 400, 'SPEC_NOT_FOUND');
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const res = await raw(url, { path: '/v1/specs', headers: { Host: 'attacker.example' } });
    expect(res.status).toBe(421);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'WRONG_HOST' } });
    expect((await raw(url, { path: '/healthz', headers: { Host: `localhost:${new URL(url).port}` } })).status).toBe(200);
  });
});

describe('hostile spreadsheets', () => {
  async function workbook(rows: unknown[][]): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Items');
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('answers each with 422 and one line, and keeps serving', async () => {
    const whole = await workbook([['sku'], ['A1']]);
    const bomb = await deflatedSpaces(120);
    const cases: Array<[string, Buffer | string, RegExp]> = [
      ['half.xlsx', whole.subarray(0, Math.floor(whole.length / 2)), /^half\.xlsx is a damaged or incomplete \.xlsx file/],
      ['text.xlsx', 'sku,name\nA1,Mug\n', /^text\.xlsx is not an Excel \.xlsx file/],
      ['other.xlsx', zip([{ name: 'readme.txt', data: Buffer.from('hello') }]), /has no xl\/workbook\.xml/],
      [
        'bomb.xlsx',
        zip([
          { name: 'xl/workbook.xml', data: Buffer.from(WORKBOOK_XML) },
          { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(WORKBOOK_RELS) },
          { name: 'xl/worksheets/sheet1.xml', data: bomb.data, compressed: { crc: bomb.crc, size: bomb.size } },
        ]),
        /^bomb\.xlsx looks like a zip bomb/,
      ],
      ['old.xlsx', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]), /^old\.xlsx is password-protected/],
      ['binary.csv', Buffer.from('s\0k\0u\0,\0n\0\n\0'), /is not a text file/],
      ['page.csv', '<html><body>404</body></html>', /is a web page or XML file/],
    ];
    for (const [name, content, pattern] of cases) {
      expect(await expectError(await postFile(`${url}/v1/validate/file`, fileForm(content, name)), 422, 'INPUT_INVALID')).toMatch(pattern);
    }
    await stillServes(url);
  });

  it('reads __proto__ and constructor headers as unknown columns', async () => {
    const res = await postFile(`${url}/v1/validate/file?feedType=MP_ITEM&specVersion=4.3&productType=Clothing`, fileForm('sku,__proto__,constructor\nA1,{"polluted":1},x\n', 'proto.csv'));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { issues: Array<{ code: string; column?: string }> };
    expect(body.issues.filter((i) => i.code === 'source.unknown_column').map((i) => i.column)).toEqual(['B', 'C']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('size and row limits', () => {
  it('answers a body over the limit with 413, declared or not', async () => {
    const big = JSON.stringify({ records: Array.from({ length: 2000 }, (_, i) => ({ sku: `S${i}`, name: 'x'.repeat(40) })) });
    expect(await expectError(await postJson(`${url}/v1/validate`, big), 413, 'BODY_TOO_LARGE')).toMatch(/larger than the 64 KB/);
    // Chunked, without a Content-Length: counted as it arrives.
    const chunks = [big.slice(0, 40_000), big.slice(40_000)];
    const stream = new ReadableStream({
      pull(controller) {
        const next = chunks.shift();
        if (next === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(next));
      },
    });
    const res = await fetch(`${url}/v1/validate`, { method: 'POST', body: stream, headers: { 'Content-Type': 'application/json' }, duplex: 'half' });
    await expectError(res, 413, 'BODY_TOO_LARGE');
    await stillServes(url);
  });

  it('answers a file over the limit with 413', async () => {
    const message = await expectError(await postFile(`${url}/v1/validate/file`, fileForm(await bigCsv(3000), 'big.csv')), 413, 'FILE_TOO_LARGE');
    expect(message).toMatch(/larger than the 256 KB/);
  });

  it('answers more records or rows than the limit with 413', async () => {
    const feed = JSON.parse(await readFile(FEED, 'utf8')) as { MPItem: unknown[] };
    const records = [...feed.MPItem, ...feed.MPItem];
    expect(await expectError(await postJson(`${url}/v1/validate?feedType=MP_ITEM&specVersion=4.3`, { records }), 413, 'TOO_MANY_RECORDS')).toMatch(/has 14 records; this server validates at most 10/);
    expect(await expectError(await postFile(`${url}/v1/validate/file`, fileForm(await bigCsv(11), 'eleven.csv')), 413, 'TOO_MANY_ROWS')).toMatch(/^eleven\.csv has more than 10 rows/);
    expect((await postFile(`${url}/v1/validate/file`, fileForm(await bigCsv(10), 'ten.csv'))).status).toBe(200);
  });
});

describe('time and load limits', () => {
  it('stops validation past the time limit with 503, and the pool recovers', async () => {
    const s = await serve({ limits: { timeoutMs: 1000 } });
    try {
      // Small to send (under 1 MB), slow to validate: 40,000 rows, each missing most required attributes.
      const rows = Array.from({ length: 40_000 }, (_, i) => `T-Shirts,SLOW-${i},Tee ${i}`);
      const csv = ['Product Type,SKU,Product Name', ...rows].join('\n');
      const message = await expectError(await postFile(`${s.url}/v1/validate/file`, fileForm(csv, 'slow.csv')), 503, 'TIMEOUT');
      expect(message).toMatch(/took longer than the 1 s/);
      // The stopped worker is replaced, and the pool serves again (a fresh worker's first request compiles the
      // spec, which may itself take longer than this server's 1 s on a busy machine: hence the poll).
      await expect.poll(() => s.stats().size, { timeout: 20_000 }).toBe(2);
      const feed = await readFile(FEED, 'utf8');
      await expect.poll(async () => (await postJson(`${s.url}/v1/validate`, feed)).status, { timeout: 30_000, interval: 200 }).toBe(200);
    } finally {
      await s.close();
    }
  });

  it('answers a body that stops arriving with 408', async () => {
    const s = await serve({ limits: { timeoutMs: 800 } });
    try {
      const res = await raw(s.url, { method: 'POST', path: '/v1/validate', headers: { 'Content-Type': 'application/json', 'Content-Length': '1000' }, body: '{"records": [', hold: true });
      expect(res.status).toBe(408);
      expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'REQUEST_TIMEOUT' } });
    } finally {
      await s.close();
    }
  });

  it('answers uploads past the concurrent limit, and jobs past the queue, with 503 and Retry-After', async () => {
    const s = await serve({ workers: 1, limits: { maxUploads: 1, maxQueue: 1 } });
    try {
      const slow = postFile(`${s.url}/v1/validate/file`, fileForm(await bigCsv(20_000), 'slow.csv'));
      await expect.poll(() => s.stats().busy, { timeout: 20_000 }).toBe(1);
      const busy = await postFile(`${s.url}/v1/validate/file`, await formFor(CSV));
      expect(busy.headers.get('retry-after')).toBe('5');
      await expectError(busy, 503, 'BUSY');
      // One JSON request may wait for the worker; the next is refused.
      const waiting = postJson(`${s.url}/v1/validate`, await readFile(FEED, 'utf8'));
      await expect.poll(() => s.stats().queued, { timeout: 10_000 }).toBe(1);
      await expectError(await postJson(`${s.url}/v1/validate`, await readFile(FEED, 'utf8')), 503, 'BUSY');
      expect((await slow).status).toBe(200);
      expect((await waiting).status).toBe(200);
    } finally {
      await s.close();
    }
  });
});

describe('auth', () => {
  const TOKEN = 'test-token-3f9a0c7e51b2';
  let secured: RunningServer;
  beforeAll(async () => {
    secured = await serve({ token: TOKEN });
  }, 60_000);
  afterAll(async () => {
    await secured.close();
  });

  it('needs the bearer token on /v1/*, not on the page, /healthz or /openapi.json', async () => {
    const none = await fetch(`${secured.url}/v1/specs`);
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="catalog-gate"');
    expect(await expectError(none, 401, 'UNAUTHORIZED')).toMatch(/needs an API token/);
    expect(await expectError(await fetch(`${secured.url}/v1/specs`, { headers: { Authorization: 'Bearer wrong' } }), 401, 'UNAUTHORIZED')).not.toContain(TOKEN);
    await expectError(await fetch(`${secured.url}/v1/specs`, { headers: { Authorization: `Basic ${TOKEN}` } }), 401, 'UNAUTHORIZED');
    await expectError(await postFile(`${secured.url}/v1/validate/file`, await formFor(CSV)), 401, 'UNAUTHORIZED');
    expect((await fetch(`${secured.url}/v1/specs`, { headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    expect((await postFile(`${secured.url}/v1/validate/file`, await formFor(CSV), { Authorization: `bearer ${TOKEN}` })).status).toBe(200);
    for (const path of ['/', '/healthz', '/openapi.json']) expect((await fetch(`${secured.url}${path}`)).status).toBe(200);
  });

  it('refuses to bind beyond loopback without a token', () => {
    expect(() => resolveServeOptions({ host: '0.0.0.0' })).toThrow(UsageError);
    expect(() => resolveServeOptions({ host: '192.168.1.10', token: '' })).toThrow(/needs? .*token|give it an API token/);
    expect(resolveServeOptions({ host: '0.0.0.0', token: TOKEN }).host).toBe('0.0.0.0');
    expect(() => resolveServeOptions({ host: '0.0.0.0', token: 'two words' })).toThrow(UsageError);
    for (const h of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.1.2.3']) expect(isLoopback(h)).toBe(true);
    for (const h of ['0.0.0.0', '::', '10.0.0.1', 'example.com', '127.0.0.1.nip.io']) expect(isLoopback(h)).toBe(false);
  });
});
