// A worksheet's rows from its XML, as ExcelJS's streaming WorksheetReader reads them, without its Row and Cell
// objects (a Row, a Cell, a style object and a value object per cell were most of the sheet worker's time). Its
// event handling is followed line by line, with ExcelJS's own XML events, address parser, date test and decoder,
// so every cell comes out as `cell.value` and `cell.numFmt` would give it (test/sources/sheet-rows.test.ts reads
// the same workbooks both ways).
import { createRequire } from 'node:module';
import type { CellValue } from 'exceljs';

const require = createRequire(import.meta.url);

interface SaxEvent {
  eventType: string;
  value: unknown;
}
interface SaxTag {
  name: string;
  attributes: Record<string, string | undefined>;
}
interface StyleModel {
  numFmt?: string;
}

const parseSax = require('exceljs/lib/utils/parse-sax.js') as (iterable: unknown) => AsyncIterable<SaxEvent[]>;
const utils = require('exceljs/lib/utils/utils.js') as {
  xmlDecode(text: string): string;
  isDateFmt(fmt: string | undefined): boolean;
  excelToDate(value: number, date1904: unknown): Date;
};
const colCache = require('exceljs/lib/utils/col-cache.js') as { decodeAddress(ref: string | undefined): { col: number | undefined } };

/** What the WorkbookReader hands its WorksheetReader: the sheet's XML and the workbook's parts. */
export interface WorksheetSource {
  iterator: unknown;
  workbook: {
    sharedStrings?: unknown;
    styles: { getStyleModel(id: number): StyleModel | undefined };
    properties: { model?: { date1904?: unknown } };
  };
}

/** One row: its number and, by 0-based column, each cell's value and number format (holes for cells never given a value). */
export interface SheetRow {
  number: number;
  values: Array<CellValue | undefined>;
  numFmts: Array<string | undefined>;
}

interface OpenCell {
  ref: string | undefined;
  s: number;
  t: string | undefined;
  f?: { text: string };
  v?: { text: string };
}

/**
 * The sheet's rows, a chunk of XML at a time. A `</row>` outside `<sheetData>` gives null, as ExcelJS's
 * reader gives a row it never made.
 */
export async function* sheetRows(worksheet: WorksheetSource): AsyncGenerator<Array<SheetRow | null>, void, undefined> {
  const { sharedStrings, styles, properties } = worksheet.workbook;
  const shared = sharedStrings as Record<number, CellValue | undefined> | undefined;
  let inRows = false;
  let row: (SheetRow & { numFmt: string | undefined; has: boolean[] }) | null = null;
  let c: OpenCell | null = null;
  let current: { text: string } | null = null;
  for await (const events of parseSax(worksheet.iterator)) {
    const rows: Array<SheetRow | null> = [];
    for (const { eventType, value } of events) {
      if (eventType === 'opentag') {
        const node = value as SaxTag;
        switch (node.name) {
          case 'sheetData':
            inRows = true;
            break;
          case 'row':
            if (inRows) {
              let numFmt: string | undefined;
              if (node.attributes.s) {
                const style = styles.getStyleModel(parseInt(node.attributes.s, 10));
                // A new cell takes its row's number format (its column's is always empty when streaming).
                if (style) numFmt = style.numFmt || undefined;
              }
              row = { number: parseInt(node.attributes.r as string, 10), values: [], numFmts: [], numFmt, has: [] };
            }
            break;
          case 'c':
            if (row) c = { ref: node.attributes.r, s: parseInt(node.attributes.s as string, 10), t: node.attributes.t };
            break;
          case 'f':
            if (c) current = c.f = { text: '' };
            break;
          case 'v':
          case 'is':
          case 't':
            if (c) current = c.v = { text: '' };
            break;
          default:
            break;
        }
      } else if (eventType === 'text') {
        if (current) current.text += value as string;
      } else if (eventType === 'closetag') {
        switch ((value as SaxTag).name) {
          case 'sheetData':
            inRows = false;
            break;
          case 'row':
            rows.push(row);
            row = null;
            break;
          case 'c':
            if (row && c) {
              closeCell(row, c, shared, styles, properties.model?.date1904);
              c = null;
            }
            break;
          default:
            break;
        }
      }
    }
    if (rows.length > 0) yield rows;
  }
}

function closeCell(
  row: SheetRow & { numFmt: string | undefined; has: boolean[] },
  c: OpenCell,
  shared: Record<number, CellValue | undefined> | undefined,
  styles: WorksheetSource['workbook']['styles'],
  date1904: unknown,
): void {
  const { col } = colCache.decodeAddress(c.ref);
  // ExcelJS's Row.getCell fails here for an address without column letters (it finds no column to style it).
  if (col === undefined) throw new TypeError("Cannot read properties of undefined (reading 'style')");
  const i = col - 1;
  if (!row.has[i]) {
    row.has[i] = true;
    row.numFmts[i] = row.numFmt;
  }
  if (c.s) {
    const style = styles.getStyleModel(c.s);
    if (style) row.numFmts[i] = style.numFmt;
  }
  if (c.f) {
    const result = c.v ? (c.t === 'str' ? utils.xmlDecode(c.v.text) : parseFloat(c.v.text)) : undefined;
    row.values[i] = formulaValue(c.f.text, result);
    return;
  }
  if (!c.v) return;
  const text = c.v.text;
  switch (c.t) {
    case 's': {
      const index = parseInt(text, 10);
      row.values[i] = shared ? shared[index] : ({ sharedString: index } as unknown as CellValue);
      break;
    }
    case 'inlineStr':
    case 'str':
      row.values[i] = utils.xmlDecode(text);
      break;
    case 'e':
      row.values[i] = { error: text } as unknown as CellValue;
      break;
    case 'b':
      row.values[i] = parseInt(text, 10) !== 0;
      break;
    default:
      row.values[i] = utils.isDateFmt(row.numFmts[i]) ? utils.excelToDate(parseFloat(text), date1904) : parseFloat(text);
      break;
  }
}

/** `cell.value` after `cell.value = {formula, result}`: a formula keeps only the parts that are set; no formula text is not a formula. */
function formulaValue(formula: string, result: string | number | undefined): CellValue {
  const raw: { formula: string; result?: string | number } = { formula };
  if (result !== undefined) raw.result = result;
  if (!formula) return raw;
  const copy: { formula: string; result?: string | number } = { formula };
  if (result) copy.result = result;
  return copy;
}
