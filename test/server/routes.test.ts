// Every route of the service on a real server over loopback, and reports equal to the CLI's for the same input.
import { readFile } from 'node:fs/promises';
import SwaggerParser from '@apidevtools/swagger-parser';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/index.js';
import { cli } from '../helpers/cli.js';
import { SAMPLES } from '../helpers/paths.js';
import { expectError, fileForm, formFor, postFile, postJson, serve } from './helpers.js';

const FEED = `${SAMPLES}feeds/clothing-4.3-errors.json`;
const SHEET = `${SAMPLES}sheets/catalog-v5-errors.xlsx`;
const CSV = `${SAMPLES}sheets/catalog-v5-errors.csv`;

let server: RunningServer;
let url: string;
beforeAll(async () => {
  server = await serve();
  url = server.url;
}, 60_000);
afterAll(async () => {
  await server.close();
});

function cliReport(file: string, ...args: string[]): unknown {
  const r = cli(['validate', file, '--format', 'json', ...args]);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
}

describe('GET routes', () => {
  it('GET /healthz says ok with the pool', async () => {
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = (await res.json()) as { status: string; workers: { size: number } };
    expect(body.status).toBe('ok');
    expect(body.workers.size).toBe(2);
  });

  it('GET /openapi.json is a valid OpenAPI 3.1 document describing every route', async () => {
    const res = await fetch(`${url}/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\.1\./);
    // swagger-parser checks it against the official OpenAPI 3.1 JSON Schema, then resolves every $ref.
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
    expect(Object.keys(doc.paths).sort()).toEqual(['/healthz', '/openapi.json', '/v1/product-types', '/v1/specs', '/v1/validate', '/v1/validate/file']);
  });

  it('the OpenAPI check catches a broken document', async () => {
    const doc = (await (await fetch(`${url}/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    (doc.paths['/v1/specs'] as Record<string, unknown>).get = { responses: 'none' };
    await expect(SwaggerParser.validate(doc as never)).rejects.toThrow();
  });

  it('GET /v1/specs lists the cached specs with their product types', async () => {
    const res = await fetch(`${url}/v1/specs`);
    const { specs } = (await res.json()) as { specs: Array<{ feedType: string; specVersion: string; synthetic: boolean; productTypes: string[] }> };
    const mp43 = specs.find((s) => s.feedType === 'MP_ITEM' && s.specVersion === '4.3');
    expect(mp43?.synthetic).toBe(false);
    expect(mp43?.productTypes).toContain('Clothing');
    const v5 = specs.find((s) => s.feedType === 'MP_ITEM' && s.specVersion.endsWith('-synthetic'));
    expect(v5?.synthetic).toBe(true);
    expect(v5?.productTypes).toEqual(['Garden Hoses', 'Portable Power Banks', 'T-Shirts']);
    // A spec not split by product type is listed with none.
    expect(specs.find((s) => s.feedType === 'MP_ITEM_MATCH')?.productTypes).toEqual([]);
  });

  it('GET /v1/product-types searches names and categories, and suggests near names when nothing matches', async () => {
    const get = async (q: string): Promise<{ productTypes: string[]; suggestions: string[] }> => (await (await fetch(`${url}/v1/product-types?${q}`)).json()) as never;
    const all = await get('feedType=MP_ITEM&specVersion=4.3');
    expect(all.productTypes.length).toBeGreaterThan(50);
    expect((await get('search=hose')).productTypes).toEqual(['Garden Hoses']);
    expect((await get('feedType=MP_ITEM&specVersion=4.3&search=CLOTHING')).productTypes).toContain('Clothing');
    const typo = await get('search=shrt');
    expect(typo.productTypes).toEqual([]);
    expect(typo.suggestions[0]).toBe('T-Shirts');
    await expectError(await fetch(`${url}/v1/product-types?feedType=MP_ITEM&specVersion=9.9`), 404, 'SPEC_NOT_FOUND');
  });

  it('GET / is the web page, HEAD too; unknown paths are 404 and wrong methods 405', async () => {
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect((await fetch(`${url}/`, { method: 'HEAD' })).status).toBe(200);
    await expectError(await fetch(`${url}/nope`), 404, 'NOT_FOUND');
    const wrong = await fetch(`${url}/v1/validate`);
    expect(wrong.headers.get('allow')).toBe('POST');
    await expectError(wrong, 405, 'METHOD_NOT_ALLOWED');
    await expectError(await fetch(`${url}/v1/specs`, { method: 'POST' }), 405, 'METHOD_NOT_ALLOWED');
  });
});

describe('POST /v1/validate', () => {
  it('returns the same report as catalog-gate validate --format json for a feed', async () => {
    const res = await postJson(`${url}/v1/validate`, await readFile(FEED, 'utf8'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(cliReport(FEED));
  });

  it('takes {"records": [...]} and a bare array with the spec in the query', async () => {
    const feed = JSON.parse(await readFile(FEED, 'utf8')) as { MPItem: unknown[] };
    const expected = cliReport(FEED);
    const q = '?feedType=MP_ITEM&specVersion=4.3';
    const records = (await (await postJson(`${url}/v1/validate${q}`, { records: feed.MPItem })).json()) as { summary: unknown; issues: unknown[] };
    const array = (await (await postJson(`${url}/v1/validate${q}`, feed.MPItem)).json()) as { summary: unknown; issues: unknown[] };
    // Without the header there is no header check; the records' issues are the feed's.
    expect(records.summary).toEqual((expected as { summary: unknown }).summary);
    expect(records.issues).toEqual((expected as { issues: unknown[] }).issues);
    expect(array).toEqual(records);
  });

  it('reads a body sent in pieces, cut inside a character, with a byte order mark', async () => {
    // A value the report quotes, with characters of 2, 3 and 4 bytes, each piece ending inside one of them.
    const feed = (await readFile(FEED, 'utf8')).replace('"Mle"', '"Mlé ☕ 𝄞"');
    const bytes = new TextEncoder().encode(`\uFEFF${feed}`);
    const cuts = [1, ...[feed.indexOf('é'), feed.indexOf('☕'), feed.indexOf('𝄞')].map((i) => new TextEncoder().encode(`\uFEFF${feed.slice(0, i)}`).byteLength + 1)];
    const pieces = [0, ...cuts, bytes.byteLength].slice(1).map((end, i, ends) => bytes.slice(i === 0 ? 0 : (ends[i - 1] as number), end));
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = pieces.shift();
        if (next === undefined) controller.close();
        else controller.enqueue(next);
      },
    });
    const res = await fetch(`${url}/v1/validate`, { method: 'POST', body: stream, headers: { 'Content-Type': 'application/json' }, duplex: 'half' });
    expect(res.status).toBe(200);
    const whole = (await (await postJson(`${url}/v1/validate`, feed)).json()) as { summary: unknown; issues: unknown[] };
    expect(await res.json()).toEqual(whole);
    expect(JSON.stringify(whole.issues)).toContain('Gender is \\"Mlé ☕ 𝄞\\"');
    expect(whole.summary).toEqual((cliReport(FEED) as { summary: unknown }).summary);
  });

  it('answers 400 when the spec cannot be told, naming the query parameters', async () => {
    const message = await expectError(await postJson(`${url}/v1/validate`, { records: [{ sku: 'A' }] }), 400, 'USAGE');
    expect(message).toContain('pass feedType and specVersion');
  });
});

describe('POST /v1/validate/file', () => {
  it('returns the same report as the CLI for an xlsx and a csv', async () => {
    for (const file of [SHEET, CSV]) {
      const res = await postFile(`${url}/v1/validate/file`, await formFor(file));
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual(cliReport(file));
    }
  });

  it('adds the sheet as text with grid=1', async () => {
    const res = await postFile(`${url}/v1/validate/file?grid=1`, await formFor(SHEET));
    const body = (await res.json()) as { sheet: { name: string; columns: string[]; rows: string[][]; firstRow: number; truncated: boolean }; issues: Array<{ row?: number; column?: string }> };
    expect(body.sheet.name).toBe('Items');
    expect(body.sheet.firstRow).toBe(2);
    expect(body.sheet.truncated).toBe(false);
    expect(body.sheet.rows).toHaveLength(8);
    for (const row of body.sheet.rows) expect(row).toHaveLength(body.sheet.columns.length);
    // The cell an issue names holds the value the issue talks about.
    const gender = body.issues.find((i) => i.column === 'U' && i.row === 4);
    expect(gender).toBeDefined();
    expect(body.sheet.columns[20]).toBe('Gender');
    expect(body.sheet.rows[4 - 2]?.[20]).toBe('Mle');
  });

  it('caps the grid and says it is truncated', async () => {
    const small = await serve({ limits: { gridRows: 3 } });
    try {
      const body = (await (await postFile(`${small.url}/v1/validate/file?grid=1`, await formFor(CSV))).json()) as { sheet: { rows: string[][]; truncated: boolean } };
      expect(body.sheet.rows).toHaveLength(3);
      expect(body.sheet.truncated).toBe(true);
    } finally {
      await small.close();
    }
  });

  it('format=xlsx returns the annotated workbook as an attachment, with the marked cells', async () => {
    const res = await postFile(`${url}/v1/validate/file?format=xlsx`, await formFor(CSV));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toContain('filename="catalog-v5-errors-checked.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toContain('Issues');
    const data = wb.worksheets[0];
    expect(data?.getCell('U4').value).toBe('Mle');
    expect(JSON.stringify(data?.getCell('U4').note)).toContain('Gender');
  });

  it('format=csv, sarif and junit are the CLI reports for the file', async () => {
    const csv = await postFile(`${url}/v1/validate/file?format=csv`, await formFor(SHEET));
    expect(csv.headers.get('content-disposition')).toContain('filename="catalog-v5-errors-issues.csv"');
    const cliCsv = cli(['validate', SHEET, '--format', 'csv']).stdout;
    // The CLI names the file as given on its command line; the service by its upload name.
    expect(await csv.text()).toBe(cliCsv.split(SHEET).join('catalog-v5-errors.xlsx'));
    const sarif = (await (await postFile(`${url}/v1/validate/file?format=sarif`, await formFor(SHEET))).json()) as { version: string; runs: Array<{ results: unknown[] }> };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]?.results).toHaveLength(8);
    const junit = await (await postFile(`${url}/v1/validate/file?format=junit`, await formFor(SHEET))).text();
    expect(junit).toMatch(/^<\?xml/);
    expect(junit).toContain('catalog-v5-errors.xlsx');
  });

  it('reads the sheet named in the query, and says which sheets there are when it is missing', async () => {
    const ok = await postFile(`${url}/v1/validate/file?sheet=Items`, await formFor(SHEET));
    expect(ok.status).toBe(200);
    const message = await expectError(await postFile(`${url}/v1/validate/file?sheet=Nope`, await formFor(SHEET)), 422, 'INPUT_INVALID');
    expect(message).toContain('Nope');
  });

  it('names the upload, never the server\'s temp path, in messages', async () => {
    const message = await expectError(await postFile(`${url}/v1/validate/file`, fileForm('', 'empty.csv')), 422, 'INPUT_INVALID');
    expect(message).toMatch(/^empty\.csv is empty/);
    expect(message).not.toContain('catalog-gate-serve');
  });
});
