// CSV: one row per issue, RFC 4180 quoting, and cells a spreadsheet would run as formulas defused.
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvField, renderCsv } from '../../src/reports/csv.js';
import { REPORT, singleFeedReport } from './fixture.js';

/** An RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; records end in CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '"' && field === '') {
      const end = /^"((?:[^"]|"")*)"/.exec(text.slice(i));
      if (end === null) throw new Error(`unterminated quote at ${i}`);
      field = (end[1] ?? '').replace(/""/g, '"');
      i += end[0].length;
      if (!/^(,|\r\n|$)/.test(text.slice(i))) throw new Error(`text after a closing quote at ${i}`);
      continue;
    }
    if (c === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (text.startsWith('\r\n', i)) {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else if (c === '"' || c === '\r' || c === '\n') {
      throw new Error(`bare ${JSON.stringify(c)} in an unquoted field at ${i}`);
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || row.length > 0) throw new Error('last record lacks its CRLF');
  return rows;
}

describe('renderCsv', () => {
  const csv = renderCsv(REPORT);
  const rows = parseCsv(csv);
  const col = (name: (typeof CSV_COLUMNS)[number]): number => CSV_COLUMNS.indexOf(name);

  it('has a header and one row per issue, all the same width, with CRLF line ends', () => {
    expect(rows[0]).toEqual(['file', 'sheet', 'row', 'column', 'cell', 'record', 'sku', 'severity', 'code', 'field', 'path', 'message', 'hint']);
    expect(rows).toHaveLength(REPORT.issues.length + 1);
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('round-trips every field through RFC 4180 quoting', () => {
    const enumRow = rows[4] as string[];
    expect(enumRow).toEqual([
      'items/My Items.xlsx', 'Items', '14', 'K', 'K14', '13', 'TS-104', 'error', 'schema.enum', 'gender', 'Visible.Clothing.gender',
      'Gender is "Mle"; it must be one of Unisex, Male, Female.', 'Did you mean "Male"?',
    ]);
    expect(rows[3]?.[col('hint')]).toBe('50% sure: use 036000291452,\r\nor copy it again.');
    expect(rows[6]?.slice(0, 7)).toEqual(['feeds/clothing.json', '', '', '', '', '0', '']);
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('plain')).toBe('plain');
    expect(csvField(undefined)).toBe('');
  });

  it('prefixes cells starting with = + - @ tab or CR with an apostrophe', () => {
    expect(rows[2]?.[col('sku')]).toBe('\'=HYPERLINK("http://x.test","click")');
    expect(rows[3]?.[col('sku')]).toBe("'-TS-105");
    expect(rows[9]?.[col('sku')]).toBe("'@A-4");
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'].map(csvField)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", '"\'\rx"']);
    expect(csvField('a=b')).toBe('a=b');
    // Numbers are ours (row, record), never user text.
    expect(csvField(0)).toBe('0');
  });

  it('names the source for issues without a file and can start with a BOM for Excel', () => {
    const single = parseCsv(renderCsv(singleFeedReport(), { source: 'clothing.json' }));
    expect(single.slice(1).every((r) => r[0] === 'clothing.json')).toBe(true);
    expect(renderCsv(singleFeedReport(), { bom: true }).startsWith('\uFEFFfile,sheet,')).toBe(true);
    expect(renderCsv({ summary: REPORT.summary, issues: [] })).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
  });
});
