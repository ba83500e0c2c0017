// The annotated workbook, read back with ExcelJS's (non-streaming) reader: the streaming writer's fills and notes
// really land, the Issues sheet lists everything, and formula-looking text stays text.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Cell as ExcelCell, Worksheet } from 'exceljs';
import yauzl from 'yauzl';
import { afterAll, describe, expect, it } from 'vitest';
import type { Issue } from '../../src/core/issue.js';
import { writeAnnotatedWorkbook, zipInput } from '../../src/reports/annotate.js';
import type { Cell, TableRow, TableSource } from '../../src/sources/table.js';

const DIR = mkdtempSync(join(tmpdir(), 'catalog-gate-annotate-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

const RED = 'FFFFC7CE';
const AMBER = 'FFFFE699';
const BLUE = 'FFDDEBF7';
const ATTACK = "=cmd|' /C calc'!A0";

function tableSource(header: string[], rows: Array<[number, Cell[]]>, headerRow = 1): TableSource {
  async function* gen(): AsyncIterable<TableRow> {
    for (const [row, cells] of rows) yield await Promise.resolve({ row, cells });
  }
  return { kind: 'xlsx', sheet: 'Items', header, headerRow, rows: gen(), problems: [] };
}

function issue(code: string, severity: Issue['severity'], row: number | undefined, column: string | undefined, message: string, extra: Partial<Issue> = {}): Issue {
  return {
    code,
    severity,
    record: row === undefined ? 0 : Math.max(0, row - 1),
    ...(row === undefined ? {} : { row, sheet: 'Items' }),
    ...(column === undefined || row === undefined ? {} : { column, cell: `${column}${row}` }),
    path: 'Visible.Clothing.x',
    field: 'x',
    message,
    ...extra,
  };
}

const HEADER = ['sku', 'productName', 'productIdType', 'productId', 'gender'];
const ROWS: Array<[number, Cell[]]> = [
  [2, ['TS-101', 'Shirt', 'UPC', '036000291452', 'Male']],
  [3, ['TS-102', 'Pants', 'UPC', '036000291453', 'Mle']],
  [4, [ATTACK, '+SUM(1,2)', '-2+3', '@A1', 12.5]],
  // Row 5 is blank in the source (the reader skips it); row 6 follows.
  [6, ['TS-106', null, true, 42]],
];
const ISSUES: Issue[] = [
  issue('source.duplicate_column', 'error', 1, 'B', 'Columns A and B are both "sku".', { hint: 'Rename or remove column B.' }),
  issue('gtin.check_digit', 'error', 3, 'D', 'Product ID "036000291453" ends in check digit 3, but must end in 2.', { hint: 'Use 036000291452.', sku: 'TS-102' }),
  issue('schema.enum', 'warning', 3, 'E', 'Gender is "Mle".', { hint: 'Did you mean "Male"?', sku: 'TS-102' }),
  issue('schema.enum', 'error', 3, 'E', 'Gender must be one of Unisex, Male, Female.', { sku: 'TS-102' }),
  issue('image.not_jpg', 'info', 4, 'A', 'Main image is a PNG.'),
  issue('schema.required', 'warning', 4, undefined, '=Brand is missing (no column for it).', { hint: '+Add a Brand column.' }),
  issue('schema.required', 'warning', 5, 'C', 'A value on a row the source skipped.'),
  issue('schema.required', 'error', 6, 'B', 'Product Name is missing.', { hint: 'Add a value for Product Name.' }),
  issue('schema.type', 'error', 3, 'B', 'On another sheet.', { sheet: 'Other' }),
  issue('header.missing', 'error', undefined, undefined, 'No feed header.'),
];

function fillOf(cell: ExcelCell): string | undefined {
  const fill = cell.fill as { type?: string; fgColor?: { argb?: string } } | undefined;
  return fill?.type === 'pattern' ? fill.fgColor?.argb : undefined;
}

/** A note as text, whether ExcelJS reads it back as a string or as rich text. */
function noteOf(cell: ExcelCell): string | undefined {
  const note = cell.note as unknown;
  if (note === undefined || typeof note === 'string') return note;
  const texts = (note as { texts?: Array<{ text: string }> }).texts ?? [];
  return texts.map((t) => t.text).join('');
}

function zipEntries(path: string): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (err, zip) => {
      if (err !== null || zip === undefined) return reject(err ?? new Error('no zip'));
      const out = new Map<string, string>();
      zip.on('error', reject);
      zip.on('end', () => resolve(out));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e !== null || stream === undefined) return reject(e ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

async function read(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

describe('writeAnnotatedWorkbook', async () => {
  const out = join(DIR, 'annotated.xlsx');
  const result = await writeAnnotatedWorkbook(out, tableSource(HEADER, ROWS), ISSUES);
  const wb = await read(out);
  const items = wb.getWorksheet('Items') as Worksheet;
  const list = wb.getWorksheet('Issues') as Worksheet;

  it('copies every row at its own row number, into a data sheet and an Issues sheet', () => {
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Items', 'Issues']);
    expect(items.getRow(1).values).toEqual([undefined, ...HEADER, 'Issues']);
    expect(items.getCell('A2').value).toBe('TS-101');
    expect(items.getCell('D2').value).toBe('036000291452');
    expect(items.getCell('E4').value).toBe(12.5);
    expect(items.getCell('C6').value).toBe(true);
    expect(items.getCell('D6').value).toBe(42);
    expect(result).toEqual({ rows: 6, cells: 7, notes: 6, issues: ISSUES.length });
  });

  it('fills cells with issues by their worst severity and attaches their messages and hints as notes', () => {
    expect(fillOf(items.getCell('D3'))).toBe(RED);
    expect(noteOf(items.getCell('D3'))).toBe('✖ error [gtin.check_digit] Product ID "036000291453" ends in check digit 3, but must end in 2.\n→ Use 036000291452.');
    // A warning and an error on one cell: the error's red, both messages.
    expect(fillOf(items.getCell('E3'))).toBe(RED);
    expect(noteOf(items.getCell('E3'))).toContain('Gender is "Mle".\n→ Did you mean "Male"?\n\n✖ error [schema.enum] Gender must be one of');
    expect(fillOf(items.getCell('A4'))).toBe(BLUE);
    expect(fillOf(items.getCell('B1'))).toBe(RED);
    expect(noteOf(items.getCell('B1'))).toContain('Rename or remove column B.');
    // An empty cell with an issue is still marked.
    expect(items.getCell('B6').value).toBeNull();
    expect(fillOf(items.getCell('B6'))).toBe(RED);
    expect(noteOf(items.getCell('B6'))).toContain('Product Name is missing.');
    // A row the source skipped, written for its issue.
    expect(fillOf(items.getCell('C5'))).toBe(AMBER);
    expect(noteOf(items.getCell('C5'))).toContain('A value on a row the source skipped.');
  });

  it('leaves cells without issues, and issues of other sheets, unmarked', () => {
    expect(fillOf(items.getCell('A2'))).toBeUndefined();
    expect(noteOf(items.getCell('A2'))).toBeUndefined();
    expect(fillOf(items.getCell('B3'))).toBeUndefined();
  });

  it('shows issues without a column in an added Issues column', () => {
    expect(items.getCell('F1').value).toBe('Issues');
    expect(items.getCell('F4').value).toBe('▲ warning [schema.required] =Brand is missing (no column for it).\n→ +Add a Brand column.');
    expect(fillOf(items.getCell('F4'))).toBe(AMBER);
    expect(items.getCell('F4').type).toBe(ExcelJS.ValueType.String);
  });

  it('lists every issue on the Issues sheet, with a frozen, filtered header row', () => {
    expect(list.getRow(1).values).toEqual([undefined, 'sheet', 'cell', 'row', 'column', 'sku', 'severity', 'code', 'message', 'hint']);
    expect(list.actualRowCount).toBe(ISSUES.length + 1);
    const rows = Array.from({ length: ISSUES.length }, (_, n) => list.getRow(n + 2));
    const d3 = rows.find((r) => r.getCell(2).value === 'D3');
    expect(d3?.values).toEqual([undefined, 'Items', 'D3', 3, 'D', 'TS-102', 'error', 'gtin.check_digit', ISSUES[1]?.message, 'Use 036000291452.']);
    expect(fillOf(d3?.getCell(6) as ExcelCell)).toBe(RED);
    expect(rows[0]?.getCell(7).value).toBe('header.missing');
    expect(list.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(list.autoFilter).toBe('A1:I1');
    expect(items.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(items.autoFilter).toBe('A1:F1');
  });

  it('writes formula-looking text as plain string cells, never formulas', async () => {
    for (const [address, text] of [['A4', ATTACK], ['B4', '+SUM(1,2)'], ['C4', '-2+3'], ['D4', '@A1']] as const) {
      const cell = items.getCell(address);
      expect(cell.type, address).toBe(ExcelJS.ValueType.String);
      expect(cell.value, address).toBe(text);
      expect(cell.formula, address).toBeUndefined();
    }
    const entries = await zipEntries(out);
    const sheets = [...entries].filter(([name]) => name.startsWith('xl/worksheets/') && name.endsWith('.xml'));
    expect(sheets).toHaveLength(2);
    for (const [name, xml] of sheets) expect(xml, name).not.toMatch(/<f[\s>/]/);
    expect(entries.get('xl/worksheets/sheet1.xml')).toContain('=cmd|&apos; /C calc&apos;!A0');
    expect([...entries.keys()]).toEqual(expect.arrayContaining(['xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml']));
  });

  it('stops adding notes at maxNotes but still fills the cells', async () => {
    const capped = join(DIR, 'capped.xlsx');
    const r = await writeAnnotatedWorkbook(capped, tableSource(HEADER, ROWS), ISSUES, { maxNotes: 2 });
    expect(r).toMatchObject({ cells: 7, notes: 2 });
    const s = (await read(capped)).getWorksheet('Items') as Worksheet;
    expect(noteOf(s.getCell('B1'))).toBeDefined();
    expect(noteOf(s.getCell('B6'))).toBeUndefined();
    expect(fillOf(s.getCell('B6'))).toBe(RED);
  });

  it('keeps a header below row 1 where it was, and names the sheets within Excel\'s rules', async () => {
    const path = join(DIR, 'offset.xlsx');
    const source = { ...tableSource(['sku', 'gender'], [[4, ['A-1', 'Mle']]], 3), sheet: 'Issues: [2026]' };
    await writeAnnotatedWorkbook(path, source, [{ ...issue('schema.enum', 'error', 4, 'B', 'Gender is "Mle".'), sheet: 'Issues: [2026]' }]);
    const book = await read(path);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Issues_ _2026_', 'Issues']);
    const s = book.worksheets[0] as Worksheet;
    expect(s.getCell('A3').value).toBe('sku');
    expect(fillOf(s.getCell('B4'))).toBe(RED);
    expect(s.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(s.autoFilter).toBe('A3:B3');
  });

  it('writes a sheet without issues, and no Issues column when every issue has a column', async () => {
    const path = join(DIR, 'clean.xlsx');
    const r = await writeAnnotatedWorkbook(path, tableSource(HEADER, ROWS.slice(0, 2)), []);
    expect(r).toEqual({ rows: 3, cells: 0, notes: 0, issues: 0 });
    const book = await read(path);
    expect((book.getWorksheet('Items') as Worksheet).getRow(1).values).toEqual([undefined, ...HEADER]);
    expect((book.getWorksheet('Issues') as Worksheet).actualRowCount).toBe(1);
  });
});

describe('zipInput', () => {
  // Backpressure reads ExcelJS internals; an upgrade that moves them would quietly make memory grow with rows again.
  it('finds the zip entry input of a streaming sheet', async () => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: join(DIR, 'probe.xlsx') });
    const sheet = wb.addWorksheet('A');
    expect(zipInput(sheet)?._writableState.length).toBe(0);
    sheet.commit();
    await wb.commit();
  });
});
