// The messages between the XLSX reader (main thread) and its sheet worker. Only plain data crosses:
// structured clone gives the main thread fresh objects with its own prototypes.
import type { TableLimits } from '../csv.js';
import type { Cell, SourceProblem } from '../table.js';

export interface SheetWorkerInput {
  file: string;
  /** The sheet to read; the workbook's first sheet when absent. */
  sheet: string | undefined;
  limits: TableLimits;
  batchRows: number;
  /** Batches the worker may send before it must wait for more credit. */
  initialCredit: number;
}

export type WorkerMessage =
  | { type: 'header'; sheet: string; headerRow: number; header: string[] }
  /** `sentAt`: wall-clock ms when sent; the worker idles from then on if this used its last credit. */
  | { type: 'rows'; rows: RowBatch; problems: SourceProblem[]; sentAt: number }
  | { type: 'end' }
  | { type: 'error'; code: 'INPUT_INVALID' | 'INPUT_UNREADABLE'; message: string };

/** Sent by the main thread each time it has taken batches off its queue. */
export interface CreditMessage {
  type: 'credit';
  batches: number;
}

/**
 * A batch of rows in one flat form, cheaper to clone than an object and an array per row: row i is numbered
 * `numbers[i]` and its cells are `cells[ends[i - 1] ?? 0 .. ends[i]]`. The two Int32Arrays are transferred.
 */
export interface RowBatch {
  numbers: Int32Array;
  ends: Int32Array;
  cells: Cell[];
}
