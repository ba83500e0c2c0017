// The XLSX reader (in its worker thread): typed cells, sheet choice, row numbers, flow control.
import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { openTable } from '../../src/sources/open-table.js';
import type { TableRow, TableSource } from '../../src/sources/table.js';
import { readXlsx } from '../../src/sources/xlsx/index.js';
import { isDateFormat, toCell } from '../../src/sources/xlsx/cell-value.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'catalog-gate-xlsx-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function all(source: TableSource): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for await (const row of source.rows) rows.push(row);
  return rows;
}

/** A workbook with a hidden lookup sheet first, then "Items" (typed cells), then "Other". */
async function typedWorkbook(name: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const lookups = wb.addWorksheet('Lookups', { state: 'hidden' });
  lookups.addRow(['colour']);
  lookups.addRow(['red']);
  const items = wb.addWorksheet('Items');
  // Rows 1-2 empty: the header is the first non-empty row.
  items.getRow(3).values = ['sku', 'price', 'active', 'launch', 'updated', 'title', 'link', 'total', 'lookup', 'text formula', 'spaces'];
  const data = items.getRow(4);
  data.values = [
    'A1',
    42.5,
    true,
    new Date(Date.UTC(2024, 0, 15)),
    new Date(Date.UTC(2024, 0, 15, 13, 45, 30)),
    { richText: [{ text: 'Big ' }, { text: 'Mug', font: { bold: true } }] },
    { text: 'Walmart', hyperlink: 'https://www.walmart.com/' },
    { formula: 'B4*2', result: 85 },
    { error: '#N/A' },
    { formula: 'A4&"x"', result: 'A1x' },
    '  padded  ',
  ];
  data.getCell(4).numFmt = 'yyyy-mm-dd';
  data.getCell(5).numFmt = 'yyyy-mm-dd hh:mm:ss';
  // Row 5 left empty; row 6 sparse.
  items.getCell('A6').value = 'A2';
  items.getCell('C6').value = false;
  const other = wb.addWorksheet('Other');
  other.addRow(['id']);
  other.addRow([7]);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

describe('readXlsx', () => {
  it('reads the first visible sheet by default, with typed cells and the sheet own row numbers', async () => {
    const source = await readXlsx(await typedWorkbook('typed.xlsx'));
    expect(source.kind).toBe('xlsx');
    expect(source.sheet).toBe('Items');
    expect(source.headerRow).toBe(3);
    expect(source.header).toEqual(['sku', 'price', 'active', 'launch', 'updated', 'title', 'link', 'total', 'lookup', 'text formula', 'spaces']);
    const rows = await all(source);
    expect(rows).toEqual([
      {
        row: 4,
        cells: ['A1', 42.5, true, '2024-01-15', '2024-01-15T13:45:30.000Z', 'Big Mug', 'Walmart', 85, '#N/A', 'A1x', '  padded  '],
      },
      { row: 6, cells: ['A2', null, false] },
    ]);
    expect(source.problems).toEqual([]);
  });

  it('reads a named sheet', async () => {
    const source = await readXlsx(await typedWorkbook('named.xlsx'), { sheet: 'Other' });
    expect(source.sheet).toBe('Other');
    expect(source.header).toEqual(['id']);
    expect(await all(source)).toEqual([{ row: 2, cells: [7] }]);
  });

  it('lists the sheets when the named one does not exist', async () => {
    const error = await readXlsx(await typedWorkbook('unknown.xlsx'), { sheet: 'Products' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/has no sheet named "Products"; its sheets are "Lookups", "Items", "Other"/);
  });

  it('reports an empty sheet', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Blank');
    const path = join(dir, 'blank.xlsx');
    await wb.xlsx.writeFile(path);
    await expect(readXlsx(path)).rejects.toThrow(/sheet "Blank" is empty/);
  });

  it('warns about values in columns that have no header', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Items');
    ws.addRow(['sku', 'name']);
    ws.addRow(['A1', 'Mug', null, 'note']);
    const path = join(dir, 'outside.xlsx');
    await wb.xlsx.writeFile(path);
    const source = await readXlsx(path);
    expect(await all(source)).toEqual([{ row: 2, cells: ['A1', 'Mug'] }]);
    expect(source.problems.map((p) => [p.code, p.severity, p.row, p.column])).toEqual([['source.cell_outside_header', 'warning', 2, 'C']]);
  });

  it('streams many rows through a small window in order', async () => {
    const path = join(dir, 'many.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path });
    const ws = writer.addWorksheet('Items');
    ws.addRow(['sku', 'n']).commit();
    for (let i = 0; i < 5_000; i++) ws.addRow([`S${i}`, i]).commit();
    ws.commit();
    await writer.commit();
    const source = await readXlsx(path, { worker: { batchRows: 7, windowBatches: 2 } });
    let count = 0;
    for await (const row of source.rows) {
      expect(row).toEqual({ row: count + 2, cells: [`S${count}`, count] });
      count++;
    }
    expect(count).toBe(5_000);
  });

  it('does not count a slow consumer against the time limit', async () => {
    const path = join(dir, 'slow-consumer.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path });
    const ws = writer.addWorksheet('Items');
    ws.addRow(['sku']).commit();
    for (let i = 0; i < 3_000; i++) ws.addRow([`S${i}`]).commit();
    ws.commit();
    await writer.commit();
    const source = await readXlsx(path, { worker: { timeLimitMs: 2500, batchRows: 10, windowBatches: 1 } });
    let count = 0;
    for await (const _ of source.rows) {
      // The first rows block the main thread for 3 s in all; the worker's batches wait in the queue, unread.
      if (count % 10 === 0 && count < 30) {
        const until = Date.now() + 1000;
        while (Date.now() < until);
      }
      count++;
    }
    expect(count).toBe(3_000);
  });

  it('lets the consumer stop early', async () => {
    const source = await readXlsx(await typedWorkbook('early.xlsx'));
    for await (const row of source.rows) {
      expect(row.row).toBe(4);
      break;
    }
  });

  it('is what openTable picks for a zip, whatever the extension', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').addRow(['a']);
    const path = join(dir, 'really-xlsx.csv');
    await wb.xlsx.writeFile(path);
    const source = await openTable(path);
    expect(source.kind).toBe('xlsx');
    expect(source.header).toEqual(['a']);
    expect(source.bytes).toBe(statSync(path).size);
    await source.close?.();
  });
});

describe('toCell', () => {
  it('gives a formula cached result, never the formula', () => {
    expect(toCell({ formula: 'SUM(A1:A3)', result: 6 }, undefined, false)).toBe(6);
    expect(toCell({ sharedFormula: 'A1', result: 'x' }, undefined, false)).toBe('x');
    expect(toCell({ formula: 'NOW()' }, undefined, false)).toBeNull();
    expect(toCell({ formula: 'A1/0', result: { error: '#DIV/0!' } }, undefined, false)).toBe('#DIV/0!');
    expect(toCell({ formula: 'TODAY()', result: 45306 }, 'dd/mm/yyyy', false)).toBe('2024-01-15');
    expect(toCell({ formula: 'NA()', result: Number.NaN }, undefined, false)).toBeNull();
  });

  it('uses a hyperlink address only when the cell has no text', () => {
    expect(toCell({ text: 'Shop', hyperlink: 'https://a.example/' }, undefined, false)).toBe('Shop');
    expect(toCell({ text: '', hyperlink: 'https://a.example/' }, undefined, false)).toBe('https://a.example/');
  });

  it('tells date formats from number formats as ExcelJS does', () => {
    expect(isDateFormat('yyyy-mm-dd')).toBe(true);
    expect(isDateFormat('[$-409]h:mm AM/PM')).toBe(true);
    expect(isDateFormat('#,##0.00')).toBe(false);
    expect(isDateFormat('"days"0')).toBe(false);
    expect(isDateFormat(undefined)).toBe(false);
  });
});
