// Shared strings held packed in the xlsx worker: every string comes back as written, whichever part of the zip
// comes first, and the view ExcelJS reads through answers only to string indexes.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsx } from '../../src/sources/xlsx/index.js';
import { SharedStrings, indexedView, plainText } from '../../src/sources/xlsx/shared-strings.js';
import type { TableRow } from '../../src/sources/table.js';

const SAMPLES = ['NT-CREW-BLACK-M', '', 'Café crème', 'T-shirt 👕 rouge', 'lone \ud800 half', 'x'.repeat(70_000), '=HYPERLINK("x")'];

describe('SharedStrings', () => {
  it('gives back each string as added, in order', () => {
    const strings = new SharedStrings();
    for (const s of SAMPLES) strings.add(s);
    expect(strings.size).toBe(SAMPLES.length);
    expect(SAMPLES.map((_, i) => strings.get(i))).toEqual(SAMPLES);

  });

  it('answers undefined past either end, as an array would', () => {
    const strings = new SharedStrings();
    strings.add('a');
    expect([strings.get(-1), strings.get(1), strings.get(Number.NaN), strings.get(0.5)]).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('gives back strings that fill chunks, straddle where a chunk ends, or are larger than one', () => {
    const strings = new SharedStrings();
    const added: string[] = [];
    const add = (t: string): void => {
      strings.add(t);
      added.push(t);
    };
    // 1 MiB chunks: these sizes end chunks exactly, leave a few bytes over, and make a string move to the next one.
    for (let i = 0; i < 12; i++) {
      add('a'.repeat(300_000 + i * 7));
      add('');
      add('é'.repeat(40_000 + i)); // 2 bytes a character: fits where 3 bytes a character would not
      add('b'.repeat(1024 * 1024 - 300_000 - i * 7 - (40_000 + i) * 2)); // to the chunk's last byte, when it fits
      add('short');
    }
    add('c'.repeat(1024 * 1024)); // exactly one chunk
    add('d'.repeat(3 * 1024 * 1024)); // larger than a chunk: kept as it is
    add('🙂'.repeat(100_000));
    add('');
    for (let i = 0; i < added.length; i++) expect(strings.get(i)).toBe(added[i]);
  });

  it('holds 100,000 strings', () => {
    const strings = new SharedStrings();
    for (let i = 0; i < 100_000; i++) strings.add(`value ${String(i)} ${i % 7 === 0 ? 'é' : ''}`);
    for (const i of [0, 1, 7, 65_535, 99_999]) expect(strings.get(i)).toBe(`value ${String(i)} ${i % 7 === 0 ? 'é' : ''}`);
  });
});

describe('plainText', () => {
  it('joins rich text runs and reads an empty item as empty', () => {
    expect(plainText({ richText: [{ text: 'Big ' }, { text: 'Mug' }, {}] })).toBe('Big Mug');
    expect(plainText(null)).toBe('');
    expect(plainText('plain')).toBe('plain');
  });
});

describe('indexedView', () => {
  it('answers whole-number keys only, and cannot be written', () => {
    const strings = new SharedStrings();
    strings.add('zero');
    strings.add('one');
    const view = indexedView(strings) as Record<string, unknown>;
    expect([view[0], view['1'], view[2]]).toEqual(['zero', 'one', undefined]);
    for (const key of ['__proto__', 'constructor', 'toString', 'length', '-1', 'NaN', '1.0']) expect(view[key]).toBeUndefined();
    expect(Reflect.set(view, '0', 'changed')).toBe(false);
    expect(view[0]).toBe('zero');
  });
});

describe('readXlsx with shared strings', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'catalog-gate-shared-strings-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const values = (i: number): string[] => [`SKU-${String(i)}`, `Nom ${String(i % 50)} é`, i % 3 === 0 ? '👕' : 'plain', '=1+1'];

  async function all(path: string): Promise<TableRow[]> {
    const rows: TableRow[] = [];
    for await (const row of (await readXlsx(path)).rows) rows.push(row);
    return rows;
  }

  it('reads a streamed workbook whose sheet comes before its shared strings', async () => {
    const path = join(dir, 'streamed.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
    const ws = writer.addWorksheet('Items');
    ws.addRow(['sku', 'name', 'icon', 'formula-looking']).commit();
    for (let i = 0; i < 3000; i++) ws.addRow(values(i)).commit();
    ws.commit();
    await writer.commit();
    const rows = await all(path);
    expect(rows).toHaveLength(3000);
    rows.forEach((r, i) => expect(r).toEqual({ row: i + 2, cells: values(i) }));
  });

  it('reads a workbook whose shared strings come first, rich text included', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Items');
    ws.addRow(['sku', 'title']);
    ws.addRow(['A1', { richText: [{ text: 'Big ' }, { text: 'Mug', font: { bold: true } }] }]);
    ws.addRow(['A2', 'Café']);
    const path = join(dir, 'whole.xlsx');
    await wb.xlsx.writeFile(path);
    expect(await all(path)).toEqual([
      { row: 2, cells: ['A1', 'Big Mug'] },
      { row: 3, cells: ['A2', 'Café'] },
    ]);
  });
});
