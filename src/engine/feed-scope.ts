// The FeedScope the engine hands a feed's rules: stores for their per-record tuples that share one memory budget
// and spill to a private temporary directory past it (see core/keyed-tuples.ts, spill-files.ts).
import { KeyedTuples, TupleBudget } from '../core/keyed-tuples.js';
import type { FeedScope } from '../core/rule.js';
import { TempSpillFiles } from './spill-files.js';

/**
 * What all of a feed's rule state may hold in memory before it spills to temporary files: about 100,000 rows of a
 * clothing feed. At 1M rows the CLI peaked at 246 MiB with 16 MiB and 352 MiB with 64 MiB (BENCHMARKS.md).
 */
export const DEFAULT_FEED_STATE_BYTES = 16 * 1024 * 1024;

/**
 * The budget in bytes: CATALOG_GATE_FEED_STATE_BYTES when it is a whole number of at least 1 (tests set a tiny one to
 * take the spill path on small feeds), else the default.
 */
export function feedStateBytes(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.CATALOG_GATE_FEED_STATE_BYTES;
  if (raw === undefined || !/^\d{1,15}$/.test(raw.trim())) return DEFAULT_FEED_STATE_BYTES;
  const bytes = Number(raw.trim());
  return bytes >= 1 ? bytes : DEFAULT_FEED_STATE_BYTES;
}

/**
 * An input of at least this many bytes (about 8,000 clothing items as JSON) has its feed rules keep their tuples as
 * bytes from the first record, not as values for their first few MiB: the whole 50,000-item bench feed then ran in
 * 0.87× the time, where a feed of 10,000 items ran alike either way (BENCHMARKS.md, session 16). A long feed's values
 * outlive many collections, and the switch to bytes midway cost more than it saved.
 */
export const LARGE_INPUT_BYTES = 8 * 1024 * 1024;

export class SpillingFeedScope implements FeedScope {
  readonly #files = new TempSpillFiles();
  readonly #budget: TupleBudget;

  /** `columnBytes`: what each store may hold as values before it encodes them as bytes (default: a few MiB). */
  constructor(bytes: number = feedStateBytes(), columnBytes?: number) {
    this.#budget = new TupleBudget(bytes, this.#files, columnBytes);
  }

  tuples(): KeyedTuples {
    return new KeyedTuples(this.#budget);
  }

  /** Bytes the feed's stores hold in memory now. */
  get inMemory(): number {
    return this.#budget.used;
  }

  /** The spill directory, while there is one. */
  get spillDir(): string | undefined {
    return this.#files.dir;
  }

  /** Removes the spill files; the feed's stores must not be used after. */
  close(): void {
    this.#files.removeAll();
  }
}
