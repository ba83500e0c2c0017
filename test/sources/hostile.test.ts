// Hostile and broken inputs: each must end within seconds with a one-line InputError (or read fine),
// never crash the process, and never touch Object.prototype.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { readCsv } from '../../src/sources/csv.js';
import { openTable } from '../../src/sources/open-table.js';
import type { TableRow, TableSource } from '../../src/sources/table.js';
import { WORKBOOK_RELS, WORKBOOK_XML, deflatedSpaces, zip } from '../helpers/hostile-files.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'catalog-gate-hostile-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// Whatever a case does, Object.prototype must come out as it went in.
let prototypeKeys: string[];
beforeEach(() => {
  prototypeKeys = Object.getOwnPropertyNames(Object.prototype);
});
afterEach(() => {
  expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(prototypeKeys);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

async function file(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

async function all(source: TableSource): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for await (const row of source.rows) rows.push(row);
  return rows;
}

/** Opens and reads the whole file, expecting a one-line InputError matching `pattern`. */
async function expectRefused(path: string, pattern: RegExp, options: Parameters<typeof openTable>[1] = {}): Promise<InputError> {
  const error = await openTable(path, options)
    .then(all)
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  expect(error).toBeInstanceOf(InputError);
  const message = (error as InputError).message;
  expect(message).not.toContain('\n');
  expect(message).toMatch(pattern);
  return error as InputError;
}

async function writeWorkbook(name: string, rows: unknown[][], sheet = 'Items'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const row of rows) ws.addRow(row);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

describe('hostile spreadsheets', () => {
  it('refuses a truncated .xlsx', async () => {
    const whole = await readFile(await writeWorkbook('whole.xlsx', [['sku'], ['A1']]));
    const path = await file('half.xlsx', whole.subarray(0, Math.floor(whole.length / 2)));
    await expectRefused(path, /is a damaged or incomplete \.xlsx file/);
  });

  it('refuses an .xlsx whose compressed data is corrupt', async () => {
    const rows = Array.from({ length: 2_000 }, (_, i) => [`S${i}`, `item ${i}`, i]);
    const whole = await readFile(await writeWorkbook('sound.xlsx', [['sku', 'name', 'n'], ...rows]));
    // Scramble the middle of the file, sparing the central directory at the end.
    const broken = Buffer.from(whole);
    for (let i = Math.floor(whole.length / 3); i < Math.floor(whole.length / 3) + 64; i++) broken[i] = (broken[i] ?? 0) ^ 0x5a;
    await expectRefused(await file('corrupt.xlsx', broken), /corrupt\.xlsx could not be read/);
  });

  it('refuses a text file renamed .xlsx', async () => {
    await expectRefused(await file('text.xlsx', 'sku,name\nA1,Mug\n'), /is not an Excel \.xlsx file \(it is not a zip archive\)/);
  });

  it('refuses a zip that is not a workbook', async () => {
    const path = await file('other.xlsx', zip([{ name: 'readme.txt', data: Buffer.from('hello') }]));
    await expectRefused(path, /has no xl\/workbook\.xml/);
  });

  it('refuses a zip bomb from its central directory, before unpacking anything', async () => {
    const bomb = await deflatedSpaces(120);
    const path = await file(
      'bomb.xlsx',
      zip([
        { name: 'xl/workbook.xml', data: Buffer.from(WORKBOOK_XML) },
        { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(WORKBOOK_RELS) },
        { name: 'xl/worksheets/sheet1.xml', data: bomb.data, compressed: { crc: bomb.crc, size: bomb.size } },
      ]),
    );
    const started = performance.now();
    await expectRefused(path, /looks like a zip bomb: xl\/worksheets\/sheet1\.xml unpacks to 120 MB/);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('stops a zip bomb whose headers lie about its size once unpacking outgrows the cap', async () => {
    const bomb = await deflatedSpaces(200);
    // The sheet comes before the workbook's relationships, so ExcelJS parks it in a temp file first.
    const path = await file(
      'lying-bomb.xlsx',
      zip([
        { name: 'xl/workbook.xml', data: Buffer.from(WORKBOOK_XML) },
        { name: 'xl/worksheets/sheet1.xml', data: bomb.data, compressed: { crc: bomb.crc, size: bomb.size }, declaredSize: 4096 },
        { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(WORKBOOK_RELS) },
      ]),
    );
    await expectRefused(path, /looks like a zip bomb: unpacking it wrote \d+ MB, more than the 20 MB/, { zip: { maxUncompressedBytes: 20 * 1024 * 1024 } });
  });

  it('refuses empty files', async () => {
    await expectRefused(await file('empty.csv', ''), /empty\.csv is empty/);
    await expectRefused(await file('empty.xlsx', ''), /empty\.xlsx is empty/);
  });

  it('refuses a binary file given as CSV', async () => {
    await expectRefused(await file('binary.csv', Buffer.from('s\0k\0u\0,\0n\0\n\0')), /is not a text file \(it contains NUL bytes\)/);
  });

  it('reads duplicate header names as they are', async () => {
    const csv = await openTable(await file('dup.csv', 'sku,name,name,sku\nA1,a,b,A1\n'));
    expect(csv.header).toEqual(['sku', 'name', 'name', 'sku']);
    expect(await all(csv)).toEqual([{ row: 2, cells: ['A1', 'a', 'b', 'A1'] }]);
    const xlsx = await openTable(await writeWorkbook('dup.xlsx', [['sku', 'name', 'name'], ['A1', 'a', 'b']]));
    expect(xlsx.header).toEqual(['sku', 'name', 'name']);
    expect(await all(xlsx)).toEqual([{ row: 2, cells: ['A1', 'a', 'b'] }]);
  });

  it('reads __proto__, constructor and prototype headers as plain text', async () => {
    const header = ['__proto__', 'constructor', 'prototype', '__proto__.polluted', 'hasOwnProperty'];
    const values = ['{"polluted":"yes"}', 'x', 'y', 'yes', 'z'];
    const csv = await openTable(await file('proto.csv', `${header.join(',')}\n"{""polluted"":""yes""}",x,y,yes,z\n`));
    expect(csv.header).toEqual(header);
    expect(await all(csv)).toEqual([{ row: 2, cells: values }]);
    const xlsx = await openTable(await writeWorkbook('proto.xlsx', [header, values], '__proto__'));
    expect(xlsx.sheet).toBe('__proto__');
    expect(xlsx.header).toEqual(header);
    expect(await all(xlsx)).toEqual([{ row: 2, cells: values }]);
  });

  it('refuses a cell over 1 MiB, naming its row and column', async () => {
    const big = 'x'.repeat(1024 * 1024 + 1);
    await expectRefused(await file('big-cell.csv', `sku,description\nA1,short\nA2,${big}\n`), /big-cell\.csv row 3, column B holds more than 1 MiB of text/);
    await expectRefused(await file('big-quoted.csv', `sku,description\nA1,"${big}"\n`), /row 2, column B holds more than 1 MiB/);
    await expectRefused(await writeWorkbook('big-cell.xlsx', [['sku', 'description'], ['A1', big]]), /big-cell\.xlsx row 2, column B holds more than 1 MiB of text/);
  });

  it('stops at the cell limit when a quote is never closed, without reading the rest', async () => {
    const rows = ['sku,description', 'A1,"unclosed'];
    for (let i = 0; i < 200_000; i++) rows.push(`S${i},some description text for row ${i}`);
    const started = performance.now();
    await expectRefused(await file('unclosed.csv', rows.join('\n')), /row 2, column B holds more than 1 MiB of text.*never closed/);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('refuses 20,001 columns and reads 20,000', async () => {
    const header = (n: number): string => Array.from({ length: n }, (_, i) => `c${i}`).join(',');
    await expectRefused(await file('wide.csv', `${header(20_001)}\n1\n`), /has 20,001 columns \(row 1\); catalog-gate reads at most 20,000/);
    await expectRefused(await file('wide-row.csv', `a,b\n1,2\n${header(20_001)}\n`), /has 20,001 columns \(row 3\)/);
    const ok = await openTable(await file('widest.csv', `${header(20_000)}\n${'1,'.repeat(19_999)}1\n`));
    expect(ok.header).toHaveLength(20_000);
    const [row] = await all(ok);
    expect(row?.cells).toHaveLength(20_000);
  });

  it('applies the column limit to workbooks too', async () => {
    const path = await writeWorkbook('cols.xlsx', [
      ['a', 'b', 'c'],
      [1, 2, 3],
    ]);
    expect((await openTable(path, { limits: { maxColumns: 3 } })).header).toHaveLength(3);
    await expectRefused(path, /has 3 columns \(row 1\); catalog-gate reads at most 2/, { limits: { maxColumns: 2 } });
  });

  it('survives a worker that runs out of memory', async () => {
    // 40,000 distinct strings of 400 characters: about 16 MB of shared strings the reader must hold.
    const path = join(dir, 'strings.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
    const ws = writer.addWorksheet('Items');
    ws.addRow(['sku', 'description']).commit();
    for (let i = 0; i < 40_000; i++) ws.addRow([`S${i}`, `${i} `.padEnd(400, String.fromCharCode(97 + (i % 26)))]).commit();
    ws.commit();
    await writer.commit();
    await expectRefused(path, /strings\.xlsx is too large or crafted to read within the 12 MB catalog-gate allows a workbook/, {
      worker: { maxOldGenerationSizeMb: 12, maxYoungGenerationSizeMb: 4 },
    });
    // The process is still here and still reads workbooks.
    const source = await openTable(path);
    let count = 0;
    for await (const _ of source.rows) count++;
    expect(count).toBe(40_000);
  });

  it('stops a read that takes longer than its time limit', async () => {
    const path = await writeWorkbook('slow.xlsx', [['sku'], ['A1']]);
    await expectRefused(path, /slow\.xlsx took longer than 1 ms to read/, { worker: { timeLimitMs: 1 } });
  });

  it('reads a quote inside an unquoted value as text', async () => {
    const source = await readCsv(await file('inner-quote.csv', 'a,b\n5" pipe,x\n'));
    expect(await all(source)).toEqual([{ row: 2, cells: ['5" pipe', 'x'] }]);
  });
});

