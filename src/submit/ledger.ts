// The submit ledger: what was sent, in which feed, and how each record ended, as an fsynced journal under
// the state directory. An intent (the feed's file name and its records) is written before the feed is
// sent and its feedId after, so a run killed in between finds the feed again by its file name.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { signal } from '../core/signal.js';
import type { IngestionError } from '../walmart/ingestion-errors.js';
import { JournalWriter, readJournal } from './journal.js';

/** A record as the ledger names it: its key (feed type + SKU), content hash, and where it came from. */
export interface RecordRef {
  /** `feedType|sku`: the same item across runs. */
  k: string;
  /** sha256 of the record as sent. */
  h: string;
  /** 1-based position in the input of the run that sent it. */
  n: number;
  sku?: string;
  row?: number;
}

export type RecordOutcome = 'succeeded' | 'failed' | 'review';

export interface ItemResult {
  k: string;
  h: string;
  s: RecordOutcome;
  e?: IngestionError[];
}

export type LedgerEntry =
  /** About to send: written and fsynced before the POST. */
  | { t: 'intent'; feed: string; feedType: string; at: number; records: RecordRef[] }
  /** Walmart took the feed. */
  | { t: 'sent'; feed: string; feedId: string; at: number; found?: boolean }
  /** Walmart provably did not take it (a 413, a refused request, or not found after a lost answer). */
  | { t: 'unsent'; feed: string; at: number; reason: string }
  /** The feed's final verdicts, item by item. */
  | { t: 'result'; feed: string; feedId: string; at: number; feedStatus: string; items: ItemResult[] };

export type FeedState = 'sending' | 'sent' | 'unsent' | 'done';

export interface LedgerFeed {
  fileName: string;
  feedType: string;
  at: number;
  records: RecordRef[];
  state: FeedState;
  feedId?: string;
  feedStatus?: string;
}

export type RecordState = 'sending' | 'sent' | RecordOutcome | 'unsent';

export interface LedgerRecord {
  hash: string;
  state: RecordState;
  feed: string;
  feedId?: string;
  errors?: IngestionError[];
}

function isEntry(v: unknown): v is LedgerEntry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  if (typeof e.feed !== 'string' || typeof e.at !== 'number') return false;
  switch (e.t) {
    case 'intent':
      return typeof e.feedType === 'string' && Array.isArray(e.records);
    case 'sent':
      return typeof e.feedId === 'string';
    case 'unsent':
      return typeof e.reason === 'string';
    case 'result':
      return typeof e.feedId === 'string' && Array.isArray(e.items);
    default:
      return false;
  }
}

/** The ledger's state: every entry folded in order. Pure, so tests can replay any prefix. */
export class LedgerState {
  readonly feeds = new Map<string, LedgerFeed>();
  readonly records = new Map<string, LedgerRecord>();

  apply(e: LedgerEntry): void {
    if (e.t === 'intent') {
      this.feeds.set(e.feed, { fileName: e.feed, feedType: e.feedType, at: e.at, records: e.records, state: 'sending' });
      for (const r of e.records) this.records.set(r.k, { hash: r.h, state: 'sending', feed: e.feed });
      return;
    }
    const feed = this.feeds.get(e.feed);
    if (feed === undefined) return;
    // A record follows a feed only while that feed is its latest: a newer intent (the record changed and
    // was sent again) wins over a late verdict on the older one.
    const mine = (k: string): LedgerRecord | undefined => {
      const r = this.records.get(k);
      return r !== undefined && r.feed === e.feed ? r : undefined;
    };
    if (e.t === 'sent') {
      feed.state = 'sent';
      feed.feedId = e.feedId;
      for (const ref of feed.records) {
        const r = mine(ref.k);
        if (r !== undefined) Object.assign(r, { state: 'sent', feedId: e.feedId });
      }
    } else if (e.t === 'unsent') {
      feed.state = 'unsent';
      for (const ref of feed.records) {
        const r = mine(ref.k);
        if (r !== undefined) r.state = 'unsent';
      }
    } else {
      feed.state = 'done';
      feed.feedStatus = e.feedStatus;
      for (const item of e.items) {
        const r = mine(item.k);
        if (r === undefined || r.hash !== item.h) continue;
        r.state = item.s;
        if (item.e !== undefined && item.e.length > 0) r.errors = item.e;
        else delete r.errors;
      }
    }
  }

  /** Feeds written as about to be sent but never confirmed: to be looked up before anything is sent. */
  unconfirmed(): LedgerFeed[] {
    return [...this.feeds.values()].filter((f) => f.state === 'sending');
  }

  /** Feeds Walmart took whose verdicts are not in yet. */
  pending(): LedgerFeed[] {
    return [...this.feeds.values()].filter((f) => f.state === 'sent');
  }
}

export const LEDGER_FILE = 'submit-ledger.jsonl';

/** The ledger on disk: its state, and appends that are fsynced before they return. */
export class Ledger {
  readonly state: LedgerState;
  readonly file: string;
  readonly #writer: JournalWriter;
  readonly #now: () => number;
  #written = signal();

  private constructor(file: string, state: LedgerState, writer: JournalWriter, now: () => number) {
    this.file = file;
    this.state = state;
    this.#writer = writer;
    this.#now = now;
  }

  static open(stateDir: string, now: () => number = Date.now): Ledger {
    mkdirSync(stateDir, { recursive: true });
    const file = join(stateDir, LEDGER_FILE);
    const read = readJournal(file, isEntry);
    const state = new LedgerState();
    for (const e of read.entries) state.apply(e);
    return new Ledger(file, state, new JournalWriter(file, read.goodBytes), now);
  }

  now(): number {
    return this.#now();
  }

  /** Writes the entries (one write, one fsync), then folds them into the state. */
  write(...entries: LedgerEntry[]): void {
    this.#writer.append(entries);
    for (const e of entries) this.state.apply(e);
    const written = this.#written;
    this.#written = signal();
    written.resolve();
  }

  /** Resolves after the next write: a follower starts on a feed as soon as its feedId is on disk. */
  nextWrite(): Promise<void> {
    return this.#written.promise;
  }

  close(): void {
    this.#writer.close();
  }
}
