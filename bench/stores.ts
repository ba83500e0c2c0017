// The cross-record stores alone (src/core/keyed-tuples.ts): ns a tuple to append and to group, by store size, with
// the tuples kept as values first (the default) and as bytes from the first one (a large input's form), warm. The
// tuples are shaped as the rule packs append them for the bench's clothing items: the variants pack's (Variant Group
// ID; SKU, three coded numbers, two values), the duplicate-SKU rule's (SKU alone) and the duplicate-product-ID rule's
// (product ID; SKU). And a flat array against blocks of 4,096 slots, the reason the values form keeps blocks.
// Usage: npm run build && node dist/bench/stores.js [sizes=1000,10000,16000,50000]
import { KeyedTuples, REPEATS, TupleBudget } from '../src/core/keyed-tuples.js';
import type { TupleField } from '../src/core/keyed-tuples.js';
import { fmt, machine, median, table } from './harness.js';

const sizes = (process.argv[2] ?? '1000,10000,16000,50000').split(',').map(Number);
const most = Math.max(...sizes);

interface Tuple {
  store: number;
  key: string;
  fields: TupleField[];
}

const COLOURS = ['Olive', 'Navy', 'Black', 'White'];
const LETTER_SIZES = ['S', 'M', 'L', 'XL'];
/** Per record: its three tuples, as fresh strings (as JSON.parse would give). */
const tuples: Tuple[][] = Array.from({ length: most }, (_, i) => {
  const group = `BLUE-TEE-${String(i >> 4)}-0`;
  const sku = `${group}-${(COLOURS[(i >> 2) & 3] as string).slice(0, 3).toUpperCase()}-${LETTER_SIZES[i & 3] as string}`;
  const productId = String(820000000000 + i).padStart(14, '0');
  return [
    { store: 0, key: group, fields: [sku, 3, 1, 1, COLOURS[(i >> 2) & 3], LETTER_SIZES[i & 3]] },
    { store: 1, key: sku, fields: [] },
    { store: 2, key: productId, fields: [sku] },
  ];
});

let sink = 0;

/** One store per pack rule for `n` records; ns a tuple to append, and to group (as the rules ask: variants every key). */
function lifecycle(n: number, columnBytes: number): [number, number] {
  const budget = new TupleBudget(Number.POSITIVE_INFINITY, undefined, columnBytes);
  const stores = [new KeyedTuples(budget), new KeyedTuples(budget), new KeyedTuples(budget)];
  const t0 = performance.now();
  for (let i = 0; i < n; i++) for (const t of tuples[i] as Tuple[]) (stores[t.store] as KeyedTuples).append(t.key, i + 1, t.fields);
  const t1 = performance.now();
  stores.forEach((store, s) =>
    store.forEachGroup(
      (g) => {
        for (let m = 0; m < g.size; m++) sink += g.record(m) + (g.text(m, 0)?.length ?? 0);
      },
      s === 0 ? 1 : REPEATS,
    ),
  );
  const t2 = performance.now();
  return [((t1 - t0) * 1e6) / (3 * n), ((t2 - t1) * 1e6) / (3 * n)];
}

const texts = Array.from({ length: most }, (_, i) => `x${String(i)}`);
function flat(n: number): unknown[] {
  const a: unknown[] = [];
  for (let i = 0; i < n; i++) a[i] = texts[i];
  return a;
}
function blocks(n: number): unknown[][] {
  const out: unknown[][] = [];
  let block: unknown[] = [];
  for (let i = 0; i < n; i++) {
    if ((i & 4095) === 0) {
      block = [];
      out.push(block);
    }
    block[i & 4095] = texts[i];
  }
  return out;
}
function storeNs(fill: (n: number) => unknown, n: number): number {
  const runs: number[] = [];
  for (let r = 0; r < 30; r++) {
    const t0 = performance.now();
    for (let k = 0; k < 8; k++) fill(n);
    runs.push(((performance.now() - t0) * 1e6) / (8 * n));
  }
  return median(runs.slice(10));
}

console.log('machine', machine());
const rows: string[][] = [];
for (const n of sizes) {
  const reps = Math.max(6, Math.round(300_000 / n));
  const values: Array<[number, number]> = [];
  const bytes: Array<[number, number]> = [];
  for (let r = 0; r < reps; r++) {
    values.push(lifecycle(n, 4 * 1024 * 1024 * 1024));
    bytes.push(lifecycle(n, 0));
  }
  // The first third warms the JIT up.
  const med = (runs: Array<[number, number]>, i: 0 | 1): string => fmt(median(runs.slice(Math.floor(reps / 3)).map((x) => x[i])));
  rows.push([fmt(n), med(values, 0), med(values, 1), med(bytes, 0), med(bytes, 1), fmt(storeNs(flat, n), 1), fmt(storeNs(blocks, n), 1)]);
}
console.log(`\nrecords a feed (3 tuples each), ns a tuple; last two columns: ns to store one text in a flat array / in blocks of 4,096\n`);
console.log(table(['records', 'values: append', 'values: group', 'bytes: append', 'bytes: group', 'flat array', 'blocks'], rows));
if (sink === -1) console.log(sink);
