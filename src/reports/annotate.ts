// The annotated workbook: the input's rows at their own row numbers, cells with issues filled by worst severity and
// noted with the messages, plus an "Issues" sheet listing every issue. The one report that does IO.
//
// Streaming (ExcelJS WorkbookWriter, a commit per row) keeps memory flat in rows: ~130 MB peak for 100k or 400k rows
// of 30 cells. ExcelJS 4.4's streaming writer does write fills (useStyles) and notes (comments + VML; the tests read
// them back). Trade-offs: notes' XML waits in memory until the data sheet is committed (the zip takes one entry at a
// time), ~1.5 KB per note, so `maxNotes` caps them (cells past it are still filled, and listed); strings are inline,
// not shared (a shared-strings table holds every distinct value); rows above the header are not in a TableSource and
// are not copied. Strings starting `=`, `+`, `-`, `@` stay string cells: ExcelJS writes formulas only from `{formula}`.
import ExcelJS from 'exceljs';
import type { Cell as ExcelCell, Worksheet } from 'exceljs';
import { SEVERITY_RANK } from '../core/issue.js';
import type { Issue, Severity } from '../core/issue.js';
import type { Cell, TableSource } from '../sources/table.js';
import { columnLetters } from '../sources/table.js';
import { columnNumber } from './sarif.js';

export interface AnnotateOptions {
  /** Notes beyond this many are left out (cells are still filled); bounds the memory the notes' XML takes. */
  maxNotes?: number;
}

export interface AnnotateResult {
  /** Rows written to the data sheet, header included. */
  rows: number;
  /** Cells filled for an issue. */
  cells: number;
  notes: number;
  /** Rows of the Issues sheet, header excluded. */
  issues: number;
}

const DEFAULT_MAX_NOTES = 50_000;
/** Excel's limit on the characters of a cell or note; longer text makes Excel "repair" the file. */
const MAX_TEXT = 32_767;

const FILL: Readonly<Record<Severity, string>> = { error: 'FFFFC7CE', warning: 'FFFFE699', info: 'FFDDEBF7' };
const MARK: Readonly<Record<Severity, string>> = { error: '✖', warning: '▲', info: 'ℹ' };

const ISSUE_COLUMNS = [
  { header: 'sheet', width: 16 },
  { header: 'cell', width: 8 },
  { header: 'row', width: 7 },
  { header: 'column', width: 8 },
  { header: 'sku', width: 16 },
  { header: 'severity', width: 9 },
  { header: 'code', width: 30 },
  { header: 'message', width: 80 },
  { header: 'hint', width: 60 },
] as const;

interface RowMarks {
  /** Issues by 1-based column number. */
  cells: Map<number, Issue[]>;
  /** Issues with no column, shown in the added Issues column. */
  loose: Issue[];
}

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

/** Excel's sheet-name rules: at most 31 characters, none of `:\/?*[]`, no apostrophe at either end. */
function sheetName(name: string, fallback: string): string {
  const cleaned = name.replace(/[:\\/?*[\]]/g, '_').replace(/^'+|'+$/g, '').slice(0, 31).trim();
  return cleaned === '' ? fallback : cleaned;
}

function worst(issues: readonly Issue[]): Severity {
  let w: Severity = 'info';
  for (const i of issues) if (SEVERITY_RANK[i.severity] > SEVERITY_RANK[w]) w = i.severity;
  return w;
}

function issueLine(issue: Issue): string {
  const hint = issue.hint === undefined ? '' : `\n→ ${issue.hint}`;
  return `${MARK[issue.severity]} ${issue.severity} [${issue.code}] ${issue.message}${hint}`;
}

function fill(cell: ExcelCell, severity: Severity): void {
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[severity] } };
}

function setValue(cell: ExcelCell, value: Cell): void {
  if (value === null) return;
  if (typeof value === 'string') cell.value = clip(value);
  else if (typeof value === 'number') cell.value = Number.isFinite(value) ? value : String(value);
  else cell.value = value;
}

/** Issues this sheet can show at a cell or row, by row number. */
function marksByRow(source: TableSource, issues: readonly Issue[]): Map<number, RowMarks> {
  const byRow = new Map<number, RowMarks>();
  for (const issue of issues) {
    if (issue.row === undefined || (issue.sheet !== undefined && issue.sheet !== source.sheet)) continue;
    let marks = byRow.get(issue.row);
    if (marks === undefined) byRow.set(issue.row, (marks = { cells: new Map(), loose: [] }));
    const col = issue.column === undefined ? undefined : columnNumber(issue.column);
    if (col === undefined) {
      marks.loose.push(issue);
      continue;
    }
    const list = marks.cells.get(col);
    if (list === undefined) marks.cells.set(col, [issue]);
    else list.push(issue);
  }
  return byRow;
}

/** How much of a sheet's XML may wait for the zip before rows stop being written. */
const BACKLOG_LIMIT = 1 << 20;

/** The zip entry's input stream (readable-stream 3, as archiver uses): its buffered length and its drain event. */
export interface ZipInput {
  _writableState: { length: number };
  once(event: 'drain', listener: () => void): unknown;
}

function isZipInput(value: unknown): value is ZipInput {
  const v = value as { _writableState?: { length?: unknown }; once?: unknown } | null;
  return typeof v === 'object' && v !== null && typeof v._writableState?.length === 'number' && typeof v.once === 'function';
}

/** A streaming sheet's zip entry input, or undefined when ExcelJS's internals are not as expected. */
export function zipInput(sheet: Worksheet): ZipInput | undefined {
  const pipes = (sheet as unknown as { stream?: { pipes?: unknown } }).stream?.pipes;
  return Array.isArray(pipes) ? pipes.find(isZipInput) : undefined;
}

/**
 * Waits while the zip is behind on this sheet. ExcelJS's StreamBuf ignores backpressure, so without this the rows
 * pile up in the zip entry's input faster than deflate takes them (memory linear in rows: ~160 MB per 100k rows of
 * 30 cells). The input is reached through ExcelJS 4.4 internals (worksheet.stream.pipes); without them this only
 * yields a turn of the event loop.
 */
async function drained(sheet: Worksheet): Promise<void> {
  const input = zipInput(sheet);
  if (input !== undefined && input._writableState.length > BACKLOG_LIMIT) await new Promise<void>((resolve) => input.once('drain', resolve));
  else await new Promise((resolve) => setImmediate(resolve));
}

export async function writeAnnotatedWorkbook(out: string, source: TableSource, issues: readonly Issue[], options: AnnotateOptions = {}): Promise<AnnotateResult> {
  const maxNotes = options.maxNotes ?? DEFAULT_MAX_NOTES;
  const byRow = marksByRow(source, issues);
  let widest = source.header.length;
  for (const marks of byRow.values()) for (const col of marks.cells.keys()) widest = Math.max(widest, col);
  const hasLoose = [...byRow.values()].some((m) => m.loose.length > 0);
  // After every column the header or an issue names; a ragged row reaching it gets its loose issues as a note instead.
  const issuesColumn = hasLoose ? widest + 1 : undefined;
  const result: AnnotateResult = { rows: 0, cells: 0, notes: 0, issues: 0 };

  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useStyles: true, useSharedStrings: false });
  const dataName = sheetName(source.sheet, 'Sheet1');
  const lastColumn = columnLetters(Math.max(0, (issuesColumn ?? source.header.length) - 1));
  const sheet = workbook.addWorksheet(dataName, { views: [{ state: 'frozen', ySplit: source.headerRow }] });
  // The streaming writer writes autoFilter when the sheet is committed, so setting it now is in time.
  sheet.autoFilter = `A${source.headerRow}:${lastColumn}${source.headerRow}`;
  sheet.columns = [...source.header.map((h) => ({ width: Math.min(Math.max(h.length + 2, 10), 40) })), ...(issuesColumn === undefined ? [] : [{ width: 60 }])];

  const annotate = (cell: ExcelCell, list: readonly Issue[], withNote: boolean): void => {
    fill(cell, worst(list));
    result.cells++;
    if (!withNote || result.notes >= maxNotes) return;
    cell.note = clip(list.map(issueLine).join('\n\n'));
    result.notes++;
  };
  let lastWritten = 0;
  const writeRow = (rowNumber: number, cells: readonly Cell[]): void => {
    const row = sheet.getRow(rowNumber);
    cells.forEach((value, i) => setValue(row.getCell(i + 1), value));
    if (rowNumber === source.headerRow && issuesColumn !== undefined) row.getCell(issuesColumn).value = 'Issues';
    const marks = byRow.get(rowNumber);
    if (marks !== undefined) {
      const atCells = new Map(marks.cells);
      if (marks.loose.length > 0) {
        // The header row's Issues cell holds its title, and a ragged row may reach the column: then the row's first cell takes them.
        const inColumn = issuesColumn !== undefined && rowNumber !== source.headerRow && cells.length < issuesColumn;
        if (inColumn) {
          const at = row.getCell(issuesColumn);
          at.value = clip(marks.loose.map(issueLine).join('\n'));
          annotate(at, marks.loose, false);
        } else atCells.set(1, [...(atCells.get(1) ?? []), ...marks.loose]);
      }
      for (const [col, list] of atCells) annotate(row.getCell(col), list, true);
      // The streaming writer drops a row without values, fills and notes included: an empty string keeps it.
      const [first] = atCells.keys();
      if (!row.hasValues && first !== undefined) row.getCell(first).value = '';
    }
    row.commit();
    lastWritten = rowNumber;
    result.rows++;
  };
  // Rows with issues that the source does not yield (a skipped blank row) are still written, in row order.
  const pending = [...byRow.keys()].sort((a, b) => a - b);
  let next = 0;
  const flushBefore = (rowNumber: number): void => {
    for (; next < pending.length && (pending[next] ?? Infinity) < rowNumber; next++) {
      const r = pending[next] ?? 0;
      if (r > lastWritten && r >= 1) writeRow(r, []);
    }
    while (next < pending.length && pending[next] === rowNumber) next++;
  };

  flushBefore(source.headerRow);
  writeRow(source.headerRow, source.header);
  let sinceYield = 0;
  for await (const { row, cells } of source.rows) {
    if (row <= lastWritten) throw new Error(`The annotated workbook needs rows in order: row ${row} came after row ${lastWritten}.`);
    flushBefore(row);
    writeRow(row, cells);
    if (++sinceYield >= 256) {
      sinceYield = 0;
      await drained(sheet);
    }
  }
  flushBefore(Infinity);
  sheet.commit();

  // Added only now: a sheet opened earlier would have its rows buffered until the data sheet's zip entry ends.
  const issuesName = dataName.toLowerCase() === 'issues' ? 'Issues (catalog-gate)' : 'Issues';
  const issuesSheet = workbook.addWorksheet(issuesName, { views: [{ state: 'frozen', ySplit: 1 }] });
  issuesSheet.autoFilter = `A1:${columnLetters(ISSUE_COLUMNS.length - 1)}1`;
  result.issues = await writeIssues(issuesSheet, source, issues);
  issuesSheet.commit();
  await workbook.commit();
  return result;
}

async function writeIssues(sheet: Worksheet, source: TableSource, issues: readonly Issue[]): Promise<number> {
  sheet.columns = ISSUE_COLUMNS.map((c) => ({ width: c.width }));
  const header = sheet.getRow(1);
  ISSUE_COLUMNS.forEach((c, i) => (header.getCell(i + 1).value = c.header));
  header.font = { bold: true };
  header.commit();
  // In sheet order: by row, then column; issues without a row (the feed's own) first.
  const sorted = [...issues].sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || (columnNumber(a.column ?? '') ?? 0) - (columnNumber(b.column ?? '') ?? 0));
  let n = 2;
  for (const issue of sorted) {
    const row = sheet.getRow(n++);
    const values: Array<string | number | undefined> = [
      issue.sheet ?? (issue.row === undefined ? undefined : source.sheet),
      issue.cell,
      issue.row,
      issue.column,
      issue.sku,
      issue.severity,
      issue.code,
      issue.message,
      issue.hint,
    ];
    values.forEach((v, i) => {
      if (v !== undefined) row.getCell(i + 1).value = typeof v === 'string' ? clip(v) : v;
    });
    fill(row.getCell(6), issue.severity);
    row.commit();
    if (n % 256 === 0) await drained(sheet);
  }
  return n - 2;
}
