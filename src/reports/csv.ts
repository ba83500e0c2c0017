// CSV with one row per issue, for spreadsheets and scripts: RFC 4180 quoting, and cells that a spreadsheet would
// run as a formula defused with a leading apostrophe (OWASP's CSV-injection advice).
import type { Issue, Report } from '../core/issue.js';
import type { StreamedReport } from './json.js';

export interface CsvOptions {
  /** The input's name for issues that carry no `file` (a run over one input). */
  source?: string;
  /** Start with a UTF-8 byte order mark: Excel reads UTF-8 CSV as a legacy code page without one. */
  bom?: boolean;
}

export const CSV_COLUMNS = ['file', 'sheet', 'row', 'column', 'cell', 'record', 'sku', 'severity', 'code', 'field', 'path', 'message', 'hint'] as const;

/** A spreadsheet treats a cell starting with one of these as a formula (tab and CR too, per OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: defused when it could start a formula, quoted when it holds a comma, quote or line break. */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function fields(issue: Issue, source: string | undefined): Array<string | number | undefined> {
  return [
    issue.file ?? source,
    issue.sheet,
    issue.row,
    issue.column,
    issue.cell,
    issue.record,
    issue.sku,
    issue.severity,
    issue.code,
    issue.field,
    issue.path,
    issue.message,
    issue.hint,
  ];
}

/** renderCsv's text in pieces, a few hundred rows at a time: the same bytes, never one string for the whole report. */
export function* renderCsvChunks(report: StreamedReport, options: CsvOptions = {}, rowsPerChunk = 500): Generator<string, void, undefined> {
  let piece = `${options.bom === true ? '\uFEFF' : ''}${CSV_COLUMNS.join(',')}\r\n`;
  let count = 0;
  for (const issue of report.issues) {
    piece += `${fields(issue, options.source).map(csvField).join(',')}\r\n`;
    if (++count % rowsPerChunk === 0) {
      yield piece;
      piece = '';
    }
  }
  if (piece !== '') yield piece;
}

export function renderCsv(report: Report, options: CsvOptions = {}): string {
  // CRLF line ends, as RFC 4180 has them; a message's own line breaks stay inside its quotes.
  const lines = [CSV_COLUMNS.join(','), ...report.issues.map((i) => fields(i, options.source).map(csvField).join(','))];
  return (options.bom === true ? '\uFEFF' : '') + lines.map((l) => `${l}\r\n`).join('');
}
