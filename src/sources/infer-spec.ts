// For a spreadsheet with no feed type or version given: the cached spec whose product types cover
// every product type in the sheet's first rows, if exactly one does.
import { ANY_PRODUCT_TYPE } from '../core/spec-key.js';
import type { SpecStore } from '../spec/store.js';
import { foldHeader } from './columns.js';
import type { TableRow, TableSource } from './table.js';

const PEEK_ROWS = 500;

export interface PeekedTable {
  source: TableSource;
  productTypes: string[];
}

/** Reads up to PEEK_ROWS rows for their product types and returns a source that still yields every row. */
export async function peekProductTypes(source: TableSource): Promise<PeekedTable> {
  const col = source.header.findIndex((h) => ['producttype', 'producttypename'].includes(foldHeader(h)));
  if (col < 0) return { source, productTypes: [] };
  const it = source.rows[Symbol.asyncIterator]();
  const buffered: TableRow[] = [];
  const types = new Set<string>();
  let done = false;
  while (buffered.length < PEEK_ROWS) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    buffered.push(r.value);
    const v = r.value.cells[col];
    if (typeof v === 'string' && v.trim() !== '') types.add(v.trim());
  }
  const rows = (async function* () {
    yield* buffered;
    if (done) return;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  })();
  return { source: { ...source, rows }, productTypes: [...types] };
}

/** Feed type and version whose cached product types include all of `productTypes`, when exactly one fits. */
export async function specForProductTypes(store: SpecStore, productTypes: readonly string[]): Promise<{ feedType: string; specVersion: string } | undefined> {
  if (productTypes.length === 0) return undefined;
  const byPair = new Map<string, Set<string>>();
  for (const e of await store.list()) {
    if (e.productType === ANY_PRODUCT_TYPE) continue;
    const k = `${e.feedType}\u0000${e.version}`;
    const s = byPair.get(k) ?? new Set<string>();
    s.add(e.productType);
    byPair.set(k, s);
  }
  const fits = [...byPair].filter(([, types]) => productTypes.every((pt) => types.has(pt))).map(([k]) => k);
  if (fits.length !== 1) return undefined;
  const [feedType, specVersion] = (fits[0] as string).split('\u0000') as [string, string];
  return { feedType, specVersion };
}
