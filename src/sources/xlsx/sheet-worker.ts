// Worker-thread entry: reads one sheet with ExcelJS's streaming reader and posts the header, then
// batches of rows, sending a batch only while it holds credit from the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import { cellTooLargeMessage, tooManyColumnsMessage } from '../csv.js';
import { columnLetters } from '../table.js';
import type { Cell, SourceProblem } from '../table.js';
import { toCell } from './cell-value.js';
import { SharedStrings, indexedView, plainText } from './shared-strings.js';
import { sheetRows } from './sheet-rows.js';
import type { SheetRow, WorksheetSource } from './sheet-rows.js';
import type { EmittedText } from './shared-strings.js';
import type { CreditMessage, RowBatch, SheetWorkerInput, WorkerMessage } from './protocol.js';
import { wallClock } from './work-clock.js';

/** A failure the worker explains itself; anything else is reported as an unreadable workbook. */
class SheetFailure extends Error {
  constructor(
    readonly code: 'INPUT_INVALID' | 'INPUT_UNREADABLE',
    message: string,
  ) {
    super(message);
  }
}

/** What ExcelJS's streaming reader exposes but does not declare in its types. */
interface ReaderInternals {
  model?: { sheets?: { name?: unknown; state?: unknown }[] };
  properties?: { model?: { date1904?: unknown } };
  /** What its worksheet reader looks shared strings up in (`sharedStrings[index]`); while unset, sheets wait on disk. */
  sharedStrings?: unknown;
  /** Parses xl/sharedStrings.xml; in 'emit' mode it yields `{index, text}` for each string. */
  _parseSharedStrings?: (entry: unknown) => AsyncIterable<{ text?: EmittedText }>;
}

/**
 * Has the reader keep shared strings packed (see SharedStrings) instead of as a JS string each: its own parser runs
 * in 'emit' mode and every string it yields goes into the store, which the worksheet reader then reads through.
 */
function packSharedStrings(internals: ReaderInternals): void {
  const parse = internals._parseSharedStrings;
  if (typeof parse !== 'function') throw new Error('this ExcelJS has no shared-strings parser to wrap');
  const pack = async (entry: unknown): Promise<void> => {
    const strings = new SharedStrings();
    for await (const item of parse.call(internals, entry)) strings.add(plainText(item.text ?? null));
    // Set only now that every string is in: a sheet stored after this part is then read straight from the zip.
    internals.sharedStrings = indexedView(strings);
  };
  // ExcelJS delegates to it with `yield*`: an iterable whose one step packs the strings and yields nothing.
  internals._parseSharedStrings = (entry) => ({
    [Symbol.asyncIterator]: () => ({
      next: async (): Promise<IteratorResult<never>> => {
        await pack(entry);
        return { done: true, value: undefined };
      },
    }),
  });
}

const port = parentPort;
if (port === null) throw new Error('sheet-worker must run in a worker thread');
const input = workerData as SheetWorkerInput;
const { file, limits } = input;

let credit = input.initialCredit;
let wake: (() => void) | undefined;
port.on('message', (m: CreditMessage) => {
  credit += m.batches;
  wake?.();
  wake = undefined;
});

function post(message: WorkerMessage): void {
  port?.postMessage(message);
}

async function sendRows(batch: RowBatch, problems: SourceProblem[]): Promise<void> {
  // Waiting here stops pulling rows from ExcelJS, which stops it reading the file: memory stays bounded.
  while (credit <= 0) await new Promise<void>((resolve) => (wake = resolve));
  credit--;
  port?.postMessage({ type: 'rows', rows: batch, problems, sentAt: wallClock() } satisfies WorkerMessage, [batch.numbers.buffer as ArrayBuffer, batch.ends.buffer as ArrayBuffer]);
}

/** Rows gathered for the next message, flat (see RowBatch). */
class BatchBuilder {
  #numbers: number[] = [];
  #ends: number[] = [];
  #cells: Cell[] = [];

  get size(): number {
    return this.#numbers.length;
  }

  /** Adds a row of `width` cells from `cells` (holes are empty cells). */
  add(row: number, cells: readonly (Cell | undefined)[], width: number): void {
    const out = this.#cells;
    for (let i = 0; i < width; i++) out.push(cells[i] ?? null);
    this.#numbers.push(row);
    this.#ends.push(out.length);
  }

  take(): RowBatch {
    const batch: RowBatch = { numbers: Int32Array.from(this.#numbers), ends: Int32Array.from(this.#ends), cells: this.#cells };
    this.#numbers = [];
    this.#ends = [];
    this.#cells = [];
    return batch;
  }
}

async function readWorkbook(): Promise<void> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    // Emitted to packSharedStrings's store rather than cached as strings.
    sharedStrings: 'emit',
    // Styles tell dates from numbers; hyperlink targets come after the rows, so cells keep their text.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const internals = reader as unknown as ReaderInternals;
  packSharedStrings(internals);
  let wanted: string | undefined;
  let seen = false;
  for await (const worksheet of reader) {
    const name = (worksheet as unknown as { name: string }).name;
    if (!seen) {
      seen = true;
      const sheets = internals.model?.sheets ?? [];
      const names = sheets.map((s) => String(s.name));
      if (input.sheet !== undefined && names.length > 0 && !names.includes(input.sheet)) throw unknownSheet(input.sheet, names);
      // The first sheet a person sees: hidden sheets often hold lists and lookups.
      wanted = input.sheet ?? sheets.find((s) => s.state !== 'hidden' && s.state !== 'veryHidden')?.name?.toString() ?? names[0] ?? name;
    }
    if (name !== wanted) continue;
    await readSheet(worksheet as unknown as WorksheetSource, name, internals.properties?.model?.date1904 === true);
    return;
  }
  if (!seen) throw new SheetFailure('INPUT_INVALID', `${file} has no worksheets. Open it in Excel, check it holds your items, save it and try again.`);
  throw new SheetFailure('INPUT_INVALID', `${file} has no readable sheet named "${wanted ?? ''}". Open it in Excel, save it again as .xlsx, and try again.`);
}

function unknownSheet(sheet: string, names: string[]): SheetFailure {
  const list = names.map((n) => `"${n}"`).join(', ');
  return new SheetFailure('INPUT_INVALID', `${file} has no sheet named "${sheet}"; its sheets are ${list}. Give one of those names.`);
}

async function readSheet(worksheet: WorksheetSource, sheet: string, date1904: boolean): Promise<void> {
  let header: string[] | undefined;
  const batch = new BatchBuilder();
  let problems: SourceProblem[] = [];
  const cells: (Cell | undefined)[] = [];
  // The rows of one chunk of XML at a time, without an await per row.
  for await (const rows of sheetRows(worksheet)) {
    for (const found of rows) {
      // ExcelJS's reader fails the same way on a row it never made.
      if (found === null) throw new TypeError("Cannot read properties of null (reading 'eachCell')");
      const row = found;
      cells.length = 0;
      const width = rowCells(row, date1904, cells);
      if (width === 0) continue;
      if (header === undefined) {
        header = Array.from({ length: width }, (_, i) => {
          const c = cells[i];
          return c === undefined || c === null ? '' : String(c);
        });
        post({ type: 'header', sheet, headerRow: row.number, header });
        continue;
      }
      if (width > header.length) problems.push(outsideHeader(row.number, header.length, width));
      batch.add(row.number, cells, Math.min(width, header.length));
      if (batch.size >= input.batchRows) {
        await sendRows(batch.take(), problems);
        problems = [];
      }
    }
  }
  if (header === undefined) throw new SheetFailure('INPUT_INVALID', `${file} sheet "${sheet}" is empty. Put the column names in the first row and your items below, then try again.`);
  if (batch.size > 0 || problems.length > 0) await sendRows(batch.take(), problems);
}

/** Puts the row's cells into `cells` (empty ones left as holes) and returns its width: up to its last non-empty cell, 0 for an empty row. */
function rowCells(row: SheetRow, date1904: boolean, cells: (Cell | undefined)[]): number {
  let width = 0;
  const { values, numFmts } = row;
  for (let i = 0; i < values.length; i++) {
    const raw = values[i];
    if (raw === undefined || raw === null) continue;
    const value = toCell(raw, numFmts[i], date1904);
    if (value === null) continue;
    if (typeof value === 'string' && value.length * 3 > limits.maxCellBytes && Buffer.byteLength(value) > limits.maxCellBytes) {
      throw new SheetFailure('INPUT_INVALID', cellTooLargeMessage(file, row.number, i, limits.maxCellBytes, 'Shorten that cell and try again.'));
    }
    cells[i] = value;
    width = i + 1;
  }
  if (width > limits.maxColumns) throw new SheetFailure('INPUT_INVALID', tooManyColumnsMessage(file, row.number, width, limits.maxColumns));
  return width;
}

function outsideHeader(row: number, headerWidth: number, width: number): SourceProblem {
  return {
    code: 'source.cell_outside_header',
    severity: 'warning',
    row,
    column: columnLetters(headerWidth),
    message: `Row ${row} has values in columns ${columnLetters(headerWidth)} to ${columnLetters(width - 1)}, which have no header, so they are ignored.`,
    hint: 'Give those columns a name in the header row, or clear the cells.',
  };
}

function describe(e: unknown): { code: 'INPUT_INVALID' | 'INPUT_UNREADABLE'; message: string } {
  if (e instanceof SheetFailure) return { code: e.code, message: e.message };
  const reason = (e instanceof Error ? e.message : String(e)).split('\n')[0]?.slice(0, 200) ?? '';
  return {
    code: 'INPUT_UNREADABLE',
    message: `${file} could not be read as an Excel workbook (${reason}). Open it in Excel, save it again as .xlsx, and try again.`,
  };
}

readWorkbook().then(
  () => post({ type: 'end' }),
  (e: unknown) => post({ type: 'error', ...describe(e) }),
);
