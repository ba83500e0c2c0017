// The CSV reader: delimiters, BOM, quoting, row numbers as a spreadsheet shows them, ragged rows.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { readCsv, sniffDelimiter } from '../../src/sources/csv.js';
import { openTable } from '../../src/sources/open-table.js';
import type { TableRow, TableSource } from '../../src/sources/table.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'catalog-gate-csv-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
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

describe('readCsv', () => {
  it('strips a UTF-8 BOM from the first header name', async () => {
    const source = await readCsv(await file('bom.csv', '\uFEFFsku,name\nA1,Mug\n'));
    expect(source.header).toEqual(['sku', 'name']);
    expect(source.kind).toBe('csv');
    expect(source.sheet).toBe('bom.csv');
    expect(await all(source)).toEqual([{ row: 2, cells: ['A1', 'Mug'] }]);
  });

  it.each([
    ['comma', 'c.csv', 'sku,name,price\nA1,Mug,3.5\n'],
    ['semicolon', 's.csv', 'sku;name;price\nA1;Mug;3.5\n'],
    ['tab', 't.tsv', 'sku\tname\tprice\nA1\tMug\t3.5\n'],
    ['tab in a .txt file', 't.txt', 'sku\tname\tprice\r\nA1\tMug\t3.5\r\n'],
  ])('detects the %s delimiter', async (_name, name, content) => {
    const source = await readCsv(await file(name, content));
    expect(source.header).toEqual(['sku', 'name', 'price']);
    expect(await all(source)).toEqual([{ row: 2, cells: ['A1', 'Mug', '3.5'] }]);
  });

  it('ignores delimiters inside quotes when detecting', () => {
    expect(sniffDelimiter('"a,b,c";d;e\n1;2;3')).toBe(';');
    expect(sniffDelimiter('"x;y"\tz\n')).toBe('\t');
    expect(sniffDelimiter('single\n1')).toBe(',');
    expect(sniffDelimiter('single\n1', true)).toBe('\t');
  });

  it('keeps the row numbers a spreadsheet shows when quoted values hold line breaks', async () => {
    const source = await readCsv(await file('nl.csv', 'sku,description\nA1,"first line\nsecond line\r\nthird"\nA2,plain\n"A3","x"\n'));
    expect(await all(source)).toEqual([
      { row: 2, cells: ['A1', 'first line\nsecond line\r\nthird'] },
      { row: 3, cells: ['A2', 'plain'] },
      { row: 4, cells: ['A3', 'x'] },
    ]);
  });

  it('skips empty rows but keeps counting them', async () => {
    const source = await readCsv(await file('empty-rows.csv', 'sku,name\nA1,Mug\n\n,\n   \nA2,Cup\n\n'));
    expect(await all(source)).toEqual([
      { row: 2, cells: ['A1', 'Mug'] },
      { row: 6, cells: ['A2', 'Cup'] },
    ]);
  });

  it('takes the first non-empty row as the header', async () => {
    const source = await readCsv(await file('late-header.csv', '\n,,\nsku,name\nA1,Mug\n'));
    expect(source.headerRow).toBe(3);
    expect(await all(source)).toEqual([{ row: 4, cells: ['A1', 'Mug'] }]);
  });

  it('reads empty cells as null and keeps the rest as text, untrimmed', async () => {
    const source = await readCsv(await file('cells.csv', 'a,b,c\n,  x ,""\n'));
    expect(await all(source)).toEqual([{ row: 2, cells: [null, '  x ', null] }]);
  });

  it('accepts rows with fewer cells than the header', async () => {
    const source = await readCsv(await file('short.csv', 'a,b,c\n1\n1,2\n'));
    expect(await all(source)).toEqual([
      { row: 2, cells: ['1'] },
      { row: 3, cells: ['1', '2'] },
    ]);
    expect(source.problems).toEqual([]);
  });

  it('reports a row with more cells than the header once, and drops the values that have no column', async () => {
    const source = await readCsv(await file('ragged.csv', 'sku,name\nA1,Mug,red,big\nA2,Cup\nA3,Bowl,blue\nA4,Jar,\n'));
    const rows = await all(source);
    expect(rows).toEqual([
      { row: 2, cells: ['A1', 'Mug'] },
      { row: 3, cells: ['A2', 'Cup'] },
      { row: 4, cells: ['A3', 'Bowl'] },
      { row: 5, cells: ['A4', 'Jar'] },
    ]);
    // A trailing delimiter (row 5) leaves only an empty value behind: nothing is lost, nothing reported.
    expect(source.problems.map((p) => [p.code, p.severity, p.row, p.column])).toEqual([
      ['source.ragged_row', 'error', 2, 'C'],
      ['source.ragged_row', 'error', 4, 'C'],
    ]);
    expect(source.problems[0]?.message).toContain('"red", "big"');
    expect(source.problems[0]?.hint).toContain('unquoted ","');
  });

  it('names the row of a value with text after its closing quote', async () => {
    const path = await file('bad-quote.csv', 'sku,name\nA1,Mug\nA2,"Cup" large\n');
    await expect(readCsv(path).then(all)).rejects.toThrow(/row 3, column B has text after a closing double quote/);
  });

  it('names the row of a quote that is never closed', async () => {
    const path = await file('open-quote.csv', 'sku,name\nA1,Mug\nA2,"Cup\nA3,Bowl\n');
    const error = await readCsv(path)
      .then(all)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe('INPUT_INVALID');
    expect((error as InputError).message).toMatch(/row 3, column B opens a double quote that is never closed/);
  });

  it('warns when the file is not UTF-8', async () => {
    const source = await readCsv(await file('latin1.csv', Buffer.from('sku,name\nA1,Caf\xe9\n', 'latin1')));
    expect(source.problems.map((p) => p.code)).toEqual(['source.not_utf8']);
  });

  it('reads long records whole, in order, with their row numbers', async () => {
    const long = (c: string): string => c.repeat(200_000);
    const text = `sku,description\r\nA1,"${long('a')}"\r\nA2,short\r\nA3,"${long('b')}\r\n${long('c')}"\r\nA4,${long('d')}\r\n`;
    const rows = await all(await readCsv(await file('long.csv', text)));
    expect(rows.map((r) => [r.row, r.cells[0], (r.cells[1] as string).length])).toEqual([
      [2, 'A1', 200_000],
      [3, 'A2', 5],
      [4, 'A3', 400_002],
      [5, 'A4', 200_000],
    ]);
  });

  it('takes a cell of exactly the limit and refuses one byte more', async () => {
    const limits = { maxCellBytes: 10 };
    const ok = await readCsv(await file('limit-ok.csv', 'a,b\n"0123456789",é\n'), { limits });
    expect(await all(ok)).toEqual([{ row: 2, cells: ['0123456789', 'é'] }]);
    // The limit is checked a chunk ahead of the parser, so this small file fails while its header is read.
    await expect(readCsv(await file('limit-over.csv', 'a,b\nx,0123456789é\n'), { limits }).then(all)).rejects.toThrow(/row 2, column B holds more than 10 bytes of text; catalog-gate reads at most 10 bytes per cell/);
  });

  it('uses the sheet name it is given', async () => {
    const source = await readCsv(await file('named.csv', 'a\n1\n'), { sheetName: 'Items' });
    expect(source.sheet).toBe('Items');
  });

  it('stops reading the file when the consumer stops', async () => {
    const lines = ['sku,n'];
    for (let i = 0; i < 50_000; i++) lines.push(`S${i},${i}`);
    const source = await readCsv(await file('big.csv', lines.join('\n')));
    const seen: number[] = [];
    for await (const row of source.rows) {
      seen.push(row.row);
      if (seen.length === 3) break;
    }
    expect(seen).toEqual([2, 3, 4]);
  });

  it('reads a missing file as unreadable and an empty one as invalid', async () => {
    await expect(readCsv(join(dir, 'nope.csv'))).rejects.toMatchObject({ code: 'INPUT_UNREADABLE', message: expect.stringMatching(/no such file/) as unknown });
    await expect(readCsv(await file('empty.csv', ''))).rejects.toMatchObject({ code: 'INPUT_INVALID', message: expect.stringMatching(/is empty/) as unknown });
    await expect(readCsv(await file('blank.csv', '\n\n,,\n'))).rejects.toMatchObject({ code: 'INPUT_INVALID', message: expect.stringMatching(/no header row/) as unknown });
  });
});

describe('openTable', () => {
  it('reads .csv, .tsv and .txt files as delimited text', async () => {
    const source = await openTable(await file('open.txt', 'a;b\n1;2\n'), { sheet: 'Feed' });
    expect(source.kind).toBe('csv');
    expect(source.sheet).toBe('Feed');
    expect(source.bytes).toBe(8);
    expect(await all(source)).toEqual([{ row: 2, cells: ['1', '2'] }]);
  });

  it('refuses an old .xls workbook by its first bytes', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    await expect(openTable(await file('old.xls', ole))).rejects.toThrow(/is an old \.xls workbook; save it as \.xlsx or \.csv/);
    await expect(openTable(await file('locked.xlsx', ole))).rejects.toThrow(/password-protected/);
  });

  it('refuses a web page saved as .xls', async () => {
    await expect(openTable(await file('page.xls', '<html><table><tr><td>1</td></tr></table></html>'))).rejects.toThrow(/web page or XML file/);
  });
});
