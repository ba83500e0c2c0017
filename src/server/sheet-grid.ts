// The `sheet` part of a file report with grid=1: the header and the first rows of the sheet as the user
// sees them (one string per column, "" for an empty cell), so a page can draw the sheet and mark cells.
import type { Cell, TableRow } from '../sources/table.js';

export interface SheetGrid {
  name: string;
  columns: string[];
  /** rows[i] is spreadsheet row firstRow + i. */
  rows: string[][];
  firstRow: number;
  /** True when the sheet has rows past the cap that are not in `rows`. */
  truncated: boolean;
}

export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell);
}

/** Collects rows as they stream past validation, up to `cap` rows below the header. */
export class GridCapture {
  readonly #header: string[];
  readonly #firstRow: number;
  readonly #cap: number;
  readonly #rows: string[][] = [];
  #width: number;
  #truncated = false;

  constructor(header: readonly string[], headerRow: number, cap: number) {
    this.#header = [...header];
    this.#firstRow = headerRow + 1;
    this.#cap = cap;
    this.#width = header.length;
  }

  add(row: TableRow): void {
    const index = row.row - this.#firstRow;
    if (index < 0) return;
    if (index >= this.#cap) {
      this.#truncated = true;
      return;
    }
    // Readers skip empty rows; the grid keeps every row number in its place.
    while (this.#rows.length < index) this.#rows.push([]);
    this.#rows.push(row.cells.map(cellText));
    this.#width = Math.max(this.#width, row.cells.length);
  }

  result(name: string): SheetGrid {
    const pad = (cells: readonly string[]): string[] => [...cells, ...Array<string>(this.#width - cells.length).fill('')];
    return { name, columns: pad(this.#header), rows: this.#rows.map(pad), firstRow: this.#firstRow, truncated: this.#truncated };
  }
}
