// The reader alone (`node dist/bench/sheets-read.js FILE`): openTable(FILE), every row iterated and dropped.
// Prints one JSON line: rows, cells, wall ms from start of open to the last row, rows/s.
import { openTable } from '../src/sources/open-table.js';

export interface ReadResult {
  file: string;
  kind: 'csv' | 'xlsx';
  rows: number;
  cells: number;
  ms: number;
  rowsPerSec: number;
  problems: number;
}

async function main(file: string): Promise<ReadResult> {
  const t0 = performance.now();
  const table = await openTable(file);
  let rows = 0;
  let cells = 0;
  for await (const row of table.rows) {
    rows++;
    cells += row.cells.length;
  }
  const ms = performance.now() - t0;
  return { file, kind: table.kind, rows, cells, ms, rowsPerSec: rows / (ms / 1000), problems: table.problems.length };
}

const file = process.argv[2];
if (file === undefined) {
  console.error('usage: node dist/bench/sheets-read.js FILE.xlsx|FILE.csv');
  process.exit(2);
}
const result = await main(file);
console.log(JSON.stringify(result));
