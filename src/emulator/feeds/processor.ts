// Feed processing, off the request path: RECEIVED at submission; INPROGRESS half way through
// processingMs, when the items are validated with catalog-gate's engine (yielding to the event loop as
// it goes, so status polls stay fast); PROCESSED at processingMs (or when validation is done, if later),
// when the checks that need the catalog run in submission order and successful items are published.
// A file that does not parse, or whose header is invalid, ends the feed in ERROR with nothing processed.
import type { Issue } from '../../core/issue.js';
import { collect, validateStream } from '../../engine/validate.js';
import type { Clock } from '../clock.js';
import type { CatalogStore } from '../stores/catalog.js';
import { recount } from '../stores/feeds.js';
import type { FeedRecord, FeedStore, IngestionError, ItemStatus } from '../stores/feeds.js';
import type { SpecCatalog } from '../specs/spec-catalog.js';
import { INVALID_FILE_CODE, MALFORMED_FILE_CODE, SYSTEM_EXCEPTION_CODE, dataError, fromIssue } from './ingestion-errors.js';
import { itemFacts } from './item-facts.js';
import type { ItemFacts } from './item-facts.js';
import { catalogMismatchErrors, existingListing, isMaintenance, maintenanceErrors, structuralErrors } from './server-checks.js';
import type { ParsedFeed } from './upload.js';

export interface ProcessorOptions {
  clock: Clock;
  feeds: FeedStore;
  catalog: CatalogStore;
  specs: SpecCatalog;
  cacheDir: string | undefined;
  processingMs: number;
  /** The title/price comparison against existing listings (ERR_EXT_DATA_0101116). */
  catalogChecks: boolean;
}

type Outcome =
  | { kind: 'error'; errors: IngestionError[] }
  | { kind: 'items'; facts: ItemFacts[]; errors: IngestionError[][] };

/** Records validated between two yields to the event loop. */
const CHUNK = 200;

async function* yielding(items: readonly unknown[]): AsyncGenerator<unknown> {
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % CHUNK === 0) await new Promise((resolve) => setImmediate(resolve));
    yield items[i];
  }
}

function initialStatus(facts: ItemFacts, index: number): ItemStatus {
  const id = facts.productIdentifier;
  return { index, sku: facts.sku, wpid: undefined, itemId: undefined, productIdentifiers: id === undefined ? [] : [id], ingestionStatus: 'INPROGRESS', ingestionErrors: [] };
}

export class FeedProcessor {
  readonly #o: ProcessorOptions;
  readonly #timers = new Set<() => void>();
  readonly #jobs = new Set<Promise<void>>();
  #closed = false;

  constructor(options: ProcessorOptions) {
    this.#o = options;
  }

  /** Takes a feed just stored as RECEIVED through its lifecycle. */
  submit(feed: FeedRecord, parsed: ParsedFeed): void {
    this.#later(() => this.#start(feed, parsed), Math.floor(this.#o.processingMs / 2));
  }

  /** Resolves when no feed is being validated (timers may still be pending). */
  async idle(): Promise<void> {
    while (this.#jobs.size > 0) await Promise.all([...this.#jobs]);
  }

  close(): void {
    this.#closed = true;
    for (const cancel of this.#timers) cancel();
    this.#timers.clear();
  }

  #later(fn: () => void, ms: number): void {
    if (this.#closed) return;
    if (ms <= 0) {
      // Already due (validation took longer than processingMs): run now, not at the clock's next tick,
      // which a ManualClock would only give when a test advances it again.
      setImmediate(() => {
        if (!this.#closed) fn();
      });
      return;
    }
    const cancel = this.#o.clock.setTimeout(() => {
      this.#timers.delete(cancel);
      fn();
    }, ms);
    this.#timers.add(cancel);
  }

  #start(feed: FeedRecord, parsed: ParsedFeed): void {
    const { clock, feeds } = this.#o;
    const facts = parsed.ok ? parsed.doc.items.map(itemFacts) : [];
    feed.items = facts.map(initialStatus);
    recount(feed);
    feeds.setStatus(feed, 'INPROGRESS', clock.now());
    const job = this.#evaluate(feed, parsed, facts)
      .catch((e: unknown): Outcome => ({
        kind: 'error',
        errors: [{ type: 'SYSTEM_ERROR', code: SYSTEM_EXCEPTION_CODE, field: 'feed', description: `An exception occurred while processing the feed: ${e instanceof Error ? e.message : String(e)}` }],
      }))
      .then((outcome) => this.#later(() => this.#finish(feed, outcome), feed.submittedAt + this.#o.processingMs - clock.now()));
    this.#jobs.add(job);
    void job.finally(() => this.#jobs.delete(job));
  }

  async #evaluate(feed: FeedRecord, parsed: ParsedFeed, facts: ItemFacts[]): Promise<Outcome> {
    if (!parsed.ok) return { kind: 'error', errors: [dataError(MALFORMED_FILE_CODE, 'file', `Malformed data: ${parsed.reason}. The feed file could not be parsed; fix its structure and resubmit.`)] };
    const { doc } = parsed;
    const errors: IngestionError[][] = facts.map(() => []);
    const version = await this.#o.specs.versionForFeed(feed.feedType, typeof doc.header?.version === 'string' ? doc.header.version : undefined);
    if (version === undefined) {
      facts.forEach((f, i) => errors[i]?.push(...structuralErrors(f, feed.feedType)));
      return { kind: 'items', facts, errors };
    }
    feed.spec = { feedType: feed.feedType, version };
    const stream = validateStream(yielding(doc.items), {
      feedType: feed.feedType,
      specVersion: version,
      ...(this.#o.cacheDir === undefined ? {} : { cacheDir: this.#o.cacheDir }),
      ...(doc.header === undefined ? {} : { header: doc.header }),
      checkHeader: doc.headerKey !== undefined,
    });
    const report = await collect(stream);
    const headerIssues: Issue[] = [];
    for (const issue of report.issues) {
      if (issue.severity !== 'error') continue;
      if (issue.record === 0) headerIssues.push(issue);
      else errors[issue.record - 1]?.push(fromIssue(issue));
    }
    if (headerIssues.length > 0) return { kind: 'error', errors: headerIssues.map((i) => ({ ...fromIssue(i), code: INVALID_FILE_CODE })) };
    return { kind: 'items', facts, errors };
  }

  #finish(feed: FeedRecord, outcome: Outcome): void {
    const { clock, feeds, catalog } = this.#o;
    const now = clock.now();
    if (outcome.kind === 'error') {
      const received = feed.items.length;
      feed.items = [];
      recount(feed);
      feed.itemsReceived = received;
      feed.feedErrors = outcome.errors;
      feeds.setStatus(feed, 'ERROR', now);
      return;
    }
    const maintenance = isMaintenance(feed.feedType);
    outcome.facts.forEach((facts, i) => {
      const status = feed.items[i];
      if (status === undefined) return;
      const errors = outcome.errors[i] ?? [];
      // The catalog checks only make sense for a record the spec accepts; they run in feed order, so a
      // record sees the listings published by the records before it.
      if (errors.length === 0) errors.push(...(maintenance ? maintenanceErrors(facts, catalog) : this.#o.catalogChecks ? catalogMismatchErrors(facts, catalog) : []));
      // A maintenance record updates the listing it names, however it names it.
      const key = maintenance ? (existingListing(facts, catalog)?.sku ?? facts.sku) : (facts.sku ?? facts.productIdentifier?.productId);
      if (errors.length > 0 || key === undefined) {
        status.ingestionStatus = 'DATA_ERROR';
        status.ingestionErrors = errors.length > 0 ? errors : [dataError(MALFORMED_FILE_CODE, 'sku', 'The item names neither a SKU nor a product ID.')];
        return;
      }
      const item = catalog.publish({ ...facts, sku: key }, now, feed.feedId);
      status.ingestionStatus = 'SUCCESS';
      status.wpid = item.wpid;
      status.itemId = item.itemId;
    });
    recount(feed);
    feeds.setStatus(feed, 'PROCESSED', now);
  }
}
