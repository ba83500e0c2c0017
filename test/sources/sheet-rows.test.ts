// The sheet worker reads rows with its own port of ExcelJS's worksheet event handling (sheet-rows.ts): every
// workbook here must give exactly what ExcelJS's WorksheetReader gives through Row.eachCell, cell.value and
// cell.numFmt, with the same cell conversion (toCell) applied to both.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Row } from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cell } from '../../src/sources/table.js';
import { toCell } from '../../src/sources/xlsx/cell-value.js';
import { readXlsx } from '../../src/sources/xlsx/index.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'catalog-gate-sheet-rows-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Rows as ExcelJS's own streaming reader gives them: the first sheet's non-empty rows, cells by column. */
async function viaExcelJs(file: string): Promise<Array<{ row: number; cells: Cell[] }>> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  const out: Array<{ row: number; cells: Cell[] }> = [];
  for await (const worksheet of reader) {
    const date1904 = (reader as unknown as { properties?: { model?: { date1904?: unknown } } }).properties?.model?.date1904 === true;
    for await (const row of worksheet as unknown as AsyncIterable<Row>) {
      const cells: Cell[] = [];
      let width = 0;
      row.eachCell((cell, column) => {
        const value = toCell(cell.value, cell.numFmt, date1904);
        if (value === null) return;
        cells[column - 1] = value;
        width = column;
      });
      if (width > 0) out.push({ row: row.number, cells: Array.from({ length: width }, (_, i) => cells[i] ?? null) });
    }
    break;
  }
  return out;
}

async function viaWorker(file: string): Promise<Array<{ row: number; cells: Cell[] }>> {
  const source = await readXlsx(file);
  const out: Array<{ row: number; cells: Cell[] }> = [{ row: source.headerRow, cells: source.header }];
  for await (const r of source.rows) out.push({ row: r.row, cells: r.cells });
  return out;
}

/** Every kind of cell ExcelJS writes: shared and inline strings, numbers, dates in cell and row formats, formulas, errors. */
async function mixedWorkbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Items');
  ws.addRow(['sku', 'price', 'flag', 'date', 'when', 'rich', 'link', 'formula', 'error', 'text formula', 'zero formula', 'spaces', 'entity']);
  ws.addRow([
    'A1',
    42.5,
    true,
    new Date(Date.UTC(2024, 0, 15)),
    new Date(Date.UTC(2024, 0, 15, 13, 45, 30)),
    { richText: [{ text: 'Big ' }, { text: 'Mug', font: { bold: true } }] },
    { text: 'Walmart', hyperlink: 'https://www.walmart.com/' },
    { formula: 'B2*2', result: 85 },
    { error: '#N/A' },
    { formula: 'A2&"x"', result: 'A1x' },
    { formula: 'B2*0', result: 0 },
    '  padded  ',
    'a &amp; b <c> "q" \'s\'',
  ]);
  ws.getCell('D2').numFmt = 'yyyy-mm-dd';
  ws.getCell('E2').numFmt = 'yyyy-mm-dd hh:mm:ss';
  // A date-formatted formula result, a row style, a sparse row and an empty row.
  ws.getCell('H3').value = { formula: 'B2', result: 45306 };
  ws.getCell('H3').numFmt = 'd/m/yyyy';
  const styled = ws.getRow(4);
  styled.numFmt = 'yyyy-mm-dd';
  styled.getCell(2).value = 45000;
  styled.getCell(1).value = 'styled';
  ws.getCell('C6').value = false;
  ws.getCell('M6').value = -0.5;
  ws.getCell('A7').value = '=1+1';
  ws.getCell('B7').value = { formula: '', result: 3 };
  const path = join(dir, 'mixed.xlsx');
  await wb.xlsx.writeFile(path);
  return path;
}

describe('the sheet worker reads cells as ExcelJS does', () => {
  it.each([
    ['samples/sheets/catalog-v5-errors.xlsx'],
    ['samples/sheets/catalog-v5-clean.xlsx'],
  ])('%s', async (file) => {
    expect(await viaWorker(file)).toEqual(await viaExcelJs(file));
  });

  it('a workbook with every kind of cell', async () => {
    const file = await mixedWorkbook();
    const expected = await viaExcelJs(file);
    expect(expected.length).toBeGreaterThan(4);
    expect(await viaWorker(file)).toEqual(expected);
  });

  it('a streamed workbook (shared strings after the sheet, inline numbers)', async () => {
    const path = join(dir, 'streamed.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
    const ws = writer.addWorksheet('S');
    ws.addRow(['id', 'n', 'd']).commit();
    for (let i = 0; i < 300; i++) {
      const row = ws.addRow([`id-${i % 7}`, i / 3, new Date(Date.UTC(2025, 0, 1 + i))]);
      row.getCell(3).numFmt = 'yyyy-mm-dd';
      row.commit();
    }
    ws.commit();
    await writer.commit();
    expect(await viaWorker(path)).toEqual(await viaExcelJs(path));
  });
});
