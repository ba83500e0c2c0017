// Everything the emulator remembers, in one object: tokens, rate-limit buckets, faults, catalog, feeds
// and orders. startEmulator() returns it as `state`, so a test can look inside or arrange a situation
// (drain a bucket, force the next fault, revoke tokens) without going through HTTP.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isPlainObject } from '../sources/feed-document.js';
import { PACKAGE_ROOT } from '../spec/package-root.js';
import { TokenStore } from './auth.js';
import { FaultInjector } from './faults.js';
import { itemFacts } from './feeds/item-facts.js';
import { FeedProcessor } from './feeds/processor.js';
import { IdGenerator } from './ids.js';
import type { ResolvedOptions } from './options.js';
import { seededRandom } from './prng.js';
import { RateLimiter } from './rate-limit.js';
import { SpecCatalog } from './specs/spec-catalog.js';
import { CatalogStore } from './stores/catalog.js';
import { FeedStore } from './stores/feeds.js';
import { OrderStore, seedOrders } from './stores/orders.js';

/** The sample feeds whose items make up the default catalog (all valid against their specs). */
const SAMPLE_FEEDS = ['samples/feeds/clothing-4.3-clean.json', 'samples/feeds/v5-synthetic-clean.json'];

function sampleItems(): unknown[] {
  const items: unknown[] = [];
  for (const file of SAMPLE_FEEDS) {
    try {
      const doc: unknown = JSON.parse(readFileSync(join(PACKAGE_ROOT, file), 'utf8'));
      if (isPlainObject(doc) && Array.isArray(doc.MPItem)) items.push(...(doc.MPItem as unknown[]));
    } catch {
      // An install without samples/ starts with an empty catalog rather than failing.
    }
  }
  return items;
}

export class EmulatorState {
  readonly tokens: TokenStore;
  readonly limits: RateLimiter;
  readonly faults: FaultInjector;
  readonly ids: IdGenerator;
  readonly catalog: CatalogStore;
  readonly feeds: FeedStore;
  readonly orders: OrderStore;
  readonly specs: SpecCatalog;
  readonly processor: FeedProcessor;

  constructor(o: ResolvedOptions) {
    this.tokens = new TokenStore(o.clock, o.tokenTtlSeconds);
    this.limits = new RateLimiter(o.clock, o.rateLimits);
    this.faults = new FaultInjector(o.faults, seededRandom(o.seed, 'faults'));
    this.ids = new IdGenerator(seededRandom(o.seed, 'ids'));
    this.catalog = new CatalogStore(new IdGenerator(seededRandom(o.seed, 'catalog')));
    this.feeds = new FeedStore();
    this.specs = new SpecCatalog(o.cacheDir);
    const seed = o.catalog === 'samples' ? sampleItems() : o.catalog === 'empty' ? [] : o.catalog;
    const now = o.clock.now();
    for (const raw of seed) {
      const facts = itemFacts(raw);
      const sku = facts.sku ?? facts.productIdentifier?.productId;
      if (sku !== undefined) this.catalog.publish({ ...facts, sku }, now, undefined);
    }
    const skus = this.catalog.all().map((i) => ({ sku: i.sku, itemNumber: i.itemId, gtin: i.gtin, description: i.productName ?? i.sku, price: i.price ?? 10 }));
    this.orders = new OrderStore(seedOrders(seededRandom(o.seed, 'orders'), o.orders, o.ordersAnchor, o.supplierId, skus));
    this.processor = new FeedProcessor({
      clock: o.clock,
      feeds: this.feeds,
      catalog: this.catalog,
      specs: this.specs,
      cacheDir: o.cacheDir,
      processingMs: o.processingMs,
      catalogChecks: o.catalogChecks,
    });
  }
}
