// Spreadsheet rows to items alone (`node dist/bench/sheets-mapping.js FILE [ROWS]`): the file's first ROWS rows
// are read into memory once, then SheetMapper turns them into items 7 times; prints the median CPU µs a row.
// What it leaves out: the reader (bench/sheets-read.ts) and validation (bench/breakdown.ts).
import { Validator } from '../src/engine/validator.js';
import { peekProductTypes, specForProductTypes } from '../src/sources/infer-spec.js';
import { openTable } from '../src/sources/open-table.js';
import { SheetMapper } from '../src/sources/sheet-items.js';
import type { TableRow, TableSource } from '../src/sources/table.js';
import { SpecStore } from '../src/spec/store.js';

async function main(file: string, limit: number): Promise<void> {
  const table = await openTable(file);
  const rows: TableRow[] = [];
  for await (const row of table.rows) {
    rows.push(row);
    if (rows.length >= limit) break;
  }
  await table.close?.();
  const source = (): TableSource => ({
    kind: table.kind,
    sheet: table.sheet,
    header: table.header,
    headerRow: table.headerRow,
    problems: [],
    rows: {
      [Symbol.asyncIterator]: (): AsyncIterator<TableRow> => {
        let i = 0;
        return { next: () => Promise.resolve(i < rows.length ? { value: rows[i++] as TableRow, done: false } : { value: undefined, done: true }) };
      },
    },
  });
  // The spec the sheet's product types settle, as `catalog-gate validate` finds it.
  const { productTypes } = await peekProductTypes(source());
  const validator = await Validator.create((await specForProductTypes(new SpecStore(), productTypes)) ?? {});
  const perRow: number[] = [];
  let issues = 0;
  for (let round = 0; round < 7; round++) {
    const mapper = new SheetMapper(source(), validator, {});
    const start = process.cpuUsage();
    for await (const item of mapper.items()) issues += item.issues?.length ?? 0;
    perRow.push(process.cpuUsage(start).user / rows.length);
  }
  perRow.sort((a, b) => a - b);
  console.log(`${file}: ${rows.length} rows to items, median of 7: ${(perRow[3] ?? 0).toFixed(2)} CPU µs a row (min ${(perRow[0] ?? 0).toFixed(2)}); ${issues / 7} source issues a round`);
}

const file = process.argv[2];
if (file === undefined) {
  console.error('usage: node dist/bench/sheets-mapping.js FILE.csv|FILE.xlsx [ROWS]');
  process.exit(2);
}
await main(file, Number(process.argv[3] ?? 30_000));
