// The submission plan, as pure data: which valid records go out (new, changed, or, with --only-failed,
// failed and since changed), in which feeds (sized by the feed type's item and byte limits), and in which
// hour of the feed quota. Nothing here does IO; `--dry-run` prints this and stops.
import { feedBytes } from './feed-body.js';
import type { LedgerRecord } from './ledger.js';

export interface FeedLimits {
  /** Items in one feed file. */
  maxItems: number;
  /** Bytes of one feed file (UTF-8, header included). */
  maxBytes: number;
  /** Feed submissions Walmart takes per hour for this feed type. */
  feedsPerHour: number;
}

/**
 * Walmart's item feed limits: 10,000 items a file, and its feeds API's advice to keep files under 10 MB
 * ("Keep feed sizes below 10 MB to ensure optimal feed processing time"); 10 item feeds an hour, as the
 * emulator throttles them. All three can be set per run.
 */
export const DEFAULT_LIMITS: FeedLimits = { maxItems: 10_000, maxBytes: 10 * 1000 * 1000, feedsPerHour: 10 };

export interface Candidate {
  /** 1-based position in the input. */
  index: number;
  key: string;
  hash: string;
  /** UTF-8 bytes of the record's JSON text. */
  bytes: number;
  sku?: string;
  row?: number;
  /** Variant group: its records travel in one feed where the limits allow. */
  group?: string;
}

export type SubmitMode = 'changed' | 'only-failed';

export type SkipReason =
  /** Sent before with this content and Walmart accepted it. */
  | 'succeeded'
  /** Sent before with this content; Walmart has not finished with it. */
  | 'in_flight'
  /** Sent before with this content and in Walmart's review. */
  | 'in_review'
  /** Failed at Walmart with this content: sending it unchanged would fail again. */
  | 'failed_unchanged'
  /** --only-failed: the record did not fail before. */
  | 'not_failed';

export interface PlannedFeed {
  /** 1-based feed number in this plan. */
  seq: number;
  records: Candidate[];
  bytes: number;
  /** 0 for feeds the quota allows now; n for feeds that wait n hours for it. */
  quotaHour: number;
}

export interface Plan {
  feedType: string;
  limits: FeedLimits;
  feeds: PlannedFeed[];
  skipped: Array<{ record: Candidate; reason: SkipReason }>;
  /** Records that alone exceed the byte limit: they can never be sent as they are. */
  tooLarge: Candidate[];
}

export interface PlanInput {
  feedType: string;
  /** Bytes of the feed's header and brackets (feedFrame). */
  frameBytes: number;
  /** The valid records, in input order. */
  candidates: readonly Candidate[];
  ledger: ReadonlyMap<string, LedgerRecord>;
  mode: SubmitMode;
  limits: FeedLimits;
  /** Feeds already submitted within the last hour (the quota they used). */
  usedThisHour: number;
}

/** Whether a record goes out in this run, or why not. */
export function decide(c: Candidate, prior: LedgerRecord | undefined, mode: SubmitMode): 'send' | SkipReason {
  const unchanged = prior !== undefined && prior.hash === c.hash;
  if (mode === 'only-failed') {
    if (prior?.state !== 'failed') return 'not_failed';
    return unchanged ? 'failed_unchanged' : 'send';
  }
  if (prior === undefined || !unchanged) return 'send';
  switch (prior.state) {
    case 'succeeded':
      return 'succeeded';
    case 'review':
      return 'in_review';
    case 'sending':
    case 'sent':
      return 'in_flight';
    case 'failed':
      // Walmart's own trouble (a system or timeout error) may pass on a second try; a data error will not.
      return prior.errors?.every((e) => e.type === 'SYSTEM_ERROR' || e.type === 'TIMEOUT_ERROR') === true && prior.errors.length > 0 ? 'send' : 'failed_unchanged';
    case 'unsent':
      return 'send';
  }
}

/** Records in units that stay together: a variant group (at its first record's place), or one record. */
export function units(records: readonly Candidate[]): Candidate[][] {
  const out: Candidate[][] = [];
  const byGroup = new Map<string, Candidate[]>();
  for (const c of records) {
    if (c.group === undefined) {
      out.push([c]);
      continue;
    }
    const unit = byGroup.get(c.group);
    if (unit !== undefined) unit.push(c);
    else {
      const fresh = [c];
      byGroup.set(c.group, fresh);
      out.push(fresh);
    }
  }
  return out;
}

/** Two halves of a feed Walmart found too large, cut between variant groups where there is more than one. */
export function halves(records: readonly Candidate[]): [Candidate[], Candidate[]] {
  const us = units(records);
  if (us.length < 2) {
    const half = Math.ceil(records.length / 2);
    return [records.slice(0, half), records.slice(half)];
  }
  const first: Candidate[] = [];
  const rest: Candidate[] = [];
  for (const u of us) (rest.length === 0 && (first.length === 0 || first.length + u.length / 2 <= records.length / 2) ? first : rest).push(...u);
  return rest.length === 0 ? [first.slice(0, Math.ceil(first.length / 2)), first.slice(Math.ceil(first.length / 2))] : [first, rest];
}

/**
 * Packs records into feeds, each as full as the item and byte limits allow, in input order but for
 * variant groups, which go in one feed (Walmart sets a group up from the feed that carries it), unless a
 * group alone is larger than a feed.
 */
export function packFeeds(records: readonly Candidate[], frameBytes: number, limits: Pick<FeedLimits, 'maxItems' | 'maxBytes'>): { feeds: Candidate[][]; tooLarge: Candidate[] } {
  const feeds: Candidate[][] = [];
  const tooLarge: Candidate[] = [];
  let current: Candidate[] = [];
  let bytes = frameBytes;
  const unitBytes = (u: readonly Candidate[]): number => u.reduce((n, c) => n + c.bytes + 1, 0);
  const flush = (): void => {
    if (current.length > 0) feeds.push(current);
    current = [];
    bytes = frameBytes;
  };
  const add = (c: Candidate): void => {
    const added = c.bytes + (current.length > 0 ? 1 : 0);
    if (current.length >= limits.maxItems || bytes + added > limits.maxBytes) flush();
    bytes += c.bytes + (current.length > 0 ? 1 : 0);
    current.push(c);
  };
  for (const unit of units(records)) {
    const fits = unit.filter((c) => {
      if (frameBytes + c.bytes <= limits.maxBytes) return true;
      tooLarge.push(c);
      return false;
    });
    if (fits.length === 0) continue;
    // Start a new feed for a group that would otherwise straddle two, when it fits in one on its own.
    const wholeFits = fits.length <= limits.maxItems && frameBytes + unitBytes(fits) <= limits.maxBytes;
    if (fits.length > 1 && wholeFits && (current.length + fits.length > limits.maxItems || bytes + unitBytes(fits) > limits.maxBytes)) flush();
    for (const c of fits) add(c);
  }
  flush();
  return { feeds, tooLarge };
}

export function makePlan(input: PlanInput): Plan {
  const send: Candidate[] = [];
  const skipped: Plan['skipped'] = [];
  for (const c of input.candidates) {
    const d = decide(c, input.ledger.get(c.key), input.mode);
    if (d === 'send') send.push(c);
    else skipped.push({ record: c, reason: d });
  }
  const { feeds, tooLarge } = packFeeds(send, input.frameBytes, input.limits);
  const perHour = Math.max(1, input.limits.feedsPerHour);
  return {
    feedType: input.feedType,
    limits: input.limits,
    feeds: feeds.map((records, i) => ({
      seq: i + 1,
      records,
      bytes: feedBytes(input.frameBytes, records.map((r) => r.bytes)),
      quotaHour: Math.floor((i + input.usedThisHour) / perHour),
    })),
    skipped,
    tooLarge,
  };
}
