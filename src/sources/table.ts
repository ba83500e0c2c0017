// What spreadsheet readers (CSV, XLSX) produce: a header row and data rows of primitive cells,
// numbered as the user sees them. Column mapping and coercion turn rows into items.

/** A cell as read: text, a number (XLSX numeric cells), a boolean, or null for an empty cell. Dates arrive as ISO 8601 text. */
export type Cell = string | number | boolean | null;

export interface TableRow {
  /** Row number as the user sees it: the header is row 1 (or wherever the header was found). */
  row: number;
  cells: Cell[];
}

/** Something about the input itself, not about an item: a ragged row, a dropped cell. */
export interface SourceProblem {
  code: string;
  severity: 'error' | 'warning' | 'info';
  row: number;
  column?: string;
  message: string;
  hint?: string;
}

export interface TableSource {
  kind: 'csv' | 'xlsx';
  /** Sheet name (XLSX), or the file's base name (CSV). */
  sheet: string;
  /** Header cells as text, in column order. */
  header: string[];
  headerRow: number;
  rows: AsyncIterable<TableRow>;
  /** The file's size in bytes. */
  bytes?: number;
  /** Problems found while reading; complete once `rows` is exhausted. */
  problems: SourceProblem[];
  /**
   * Stops reading and releases the reader (its worker thread, its open file), whether or not `rows` was
   * ever iterated: a long-running process (the service) calls it after every input. Safe to call twice.
   */
  close?: () => Promise<void>;
}

/** Column letters for a 0-based index: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
