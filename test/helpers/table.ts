// An in-memory TableSource, for mapping tests without files.
import type { Cell, SourceProblem, TableSource } from '../../src/sources/table.js';

export function table(header: string[], rows: Cell[][], options: { sheet?: string; problems?: SourceProblem[] } = {}): TableSource {
  return {
    kind: 'csv',
    sheet: options.sheet ?? 'Items',
    header,
    headerRow: 1,
    problems: options.problems ?? [],
    rows: (async function* () {
      let n = 1;
      for (const cells of rows) {
        n++;
        await Promise.resolve();
        yield { row: n, cells };
      }
    })(),
  };
}
