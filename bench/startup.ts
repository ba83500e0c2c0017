// One start-up measurement in a fresh process, as a CLI run sees it: catalog-gate's Compiler.get (cold or
// warm, by what `.compiled` holds) or raw Ajv's read + compile. Prints one JSON line; run.ts spawns it. For
// catalog-gate it also times the first rejected record's load (or compile) of the full validator, after `ms`.
// Usage: node dist/bench/startup.js catalog-gate|raw CACHE_DIR PRODUCT_TYPE
import { join } from 'node:path';
import { Compiler, SpecStore } from '../src/index.js';
import { compileRawAjv } from './raw-ajv.js';

export interface StartupResult {
  side: 'catalog-gate' | 'raw';
  productType: string;
  /** catalog-gate: Compiler.get; raw: read + parse + new Ajv + compile. */
  ms: number;
  origin?: 'compiled' | 'disk';
  /** catalog-gate only: the first rejected record's extra wait, loading (or compiling) the full validator, and its origin. */
  fullMs?: number;
  fullOrigin?: 'compiled' | 'disk';
  /** raw only: new Ajv + addFormats + compile, without reading the file. */
  compileMs?: number;
}

async function main(argv: readonly string[]): Promise<StartupResult> {
  const [side, cacheDir, productType] = argv;
  if ((side !== 'catalog-gate' && side !== 'raw') || cacheDir === undefined || productType === undefined) {
    throw new Error('usage: startup catalog-gate|raw CACHE_DIR PRODUCT_TYPE');
  }
  const store = new SpecStore(cacheDir);
  const entry = await store.resolve({ feedType: 'MP_ITEM', version: '4.3', productType });
  if (entry === undefined || entry.productType !== productType) throw new Error(`no MP_ITEM 4.3 entry for ${productType}`);
  if (side === 'raw') {
    const r = compileRawAjv(join(cacheDir, entry.file));
    return { side, productType, ms: r.readMs + r.compileMs, compileMs: r.compileMs };
  }
  const compiler = new Compiler(store, { diskCache: true });
  const t0 = performance.now();
  const spec = await compiler.get(entry);
  const ms = performance.now() - t0;
  // Not part of `ms`: a start no longer loads the full validator; the first rejected record does.
  const t1 = performance.now();
  spec.validateItem({});
  const fullMs = performance.now() - t1;
  const fullOrigin = spec.fullOrigin();
  return { side, productType, ms, origin: spec.origin, fullMs, ...(fullOrigin === undefined ? {} : { fullOrigin }) };
}

process.stdout.write(`${JSON.stringify(await main(process.argv.slice(2)))}\n`);
