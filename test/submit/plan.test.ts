import { describe, expect, it } from 'vitest';
import { buildFeedBody, feedBytes, feedFrame } from '../../src/submit/feed-body.js';
import type { LedgerRecord } from '../../src/submit/ledger.js';
import { decide, halves, makePlan, packFeeds } from '../../src/submit/plan.js';
import type { Candidate } from '../../src/submit/plan.js';

const c = (index: number, bytes = 10, hash = 'h'): Candidate => ({ index, key: `K${index}`, hash, bytes, sku: `S${index}` });
const prior = (state: LedgerRecord['state'], hash = 'h', errors?: LedgerRecord['errors']): LedgerRecord => ({ hash, state, feed: 'f', ...(errors ? { errors } : {}) });

describe('packFeeds', () => {
  it('fills feeds up to the item limit, in input order', () => {
    const { feeds } = packFeeds([1, 2, 3, 4, 5].map((i) => c(i)), 20, { maxItems: 2, maxBytes: 1_000 });
    expect(feeds.map((f) => f.map((r) => r.index))).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('fills feeds up to the byte limit, frame and commas counted', () => {
    // frame 20 + 10 + 1 + 10 = 41 fits in 41; a third record would need 52.
    const { feeds } = packFeeds([1, 2, 3].map((i) => c(i)), 20, { maxItems: 100, maxBytes: 41 });
    expect(feeds.map((f) => f.length)).toEqual([2, 1]);
  });

  it('sets aside a record larger than a whole feed', () => {
    const { feeds, tooLarge } = packFeeds([c(1), c(2, 500), c(3)], 20, { maxItems: 100, maxBytes: 100 });
    expect(tooLarge.map((r) => r.index)).toEqual([2]);
    expect(feeds.flat().map((r) => r.index)).toEqual([1, 3]);
  });
});

describe('feed body', () => {
  it('is as many bytes as the plan counts, in the shape of the feed type', () => {
    const header = { sellingChannel: 'marketplace', version: '1.3' };
    const items = ['{"Orderable":{"sku":"é"}}', '{"Orderable":{"sku":"B"}}'];
    const body = buildFeedBody('MP_ITEM', header, items);
    const frame = feedFrame('MP_ITEM', header);
    expect(Buffer.byteLength(body)).toBe(feedBytes(Buffer.byteLength(frame.open + frame.close), items.map((t) => Buffer.byteLength(t))));
    expect(JSON.parse(body)).toEqual({ MPItemFeedHeader: header, MPItem: [{ Orderable: { sku: 'é' } }, { Orderable: { sku: 'B' } }] });
    expect(Object.keys(JSON.parse(buildFeedBody('OMNI_ONLINE_ITEM', { version: '5' }, items)) as object)).toEqual(['SupplierItemFeedHeader', 'SupplierItem']);
  });
});

describe('decide', () => {
  it('sends new and changed records, not ones Walmart accepted or is still processing', () => {
    expect(decide(c(1), undefined, 'changed')).toBe('send');
    expect(decide(c(1), prior('succeeded', 'old'), 'changed')).toBe('send');
    expect(decide(c(1), prior('succeeded'), 'changed')).toBe('succeeded');
    expect(decide(c(1), prior('sent'), 'changed')).toBe('in_flight');
    expect(decide(c(1), prior('review'), 'changed')).toBe('in_review');
    expect(decide(c(1), prior('unsent'), 'changed')).toBe('send');
  });

  it('resends an unchanged failure only when Walmart itself failed', () => {
    expect(decide(c(1), prior('failed', 'h', [{ type: 'DATA_ERROR', code: 'X' }]), 'changed')).toBe('failed_unchanged');
    expect(decide(c(1), prior('failed', 'h', [{ type: 'SYSTEM_ERROR', code: 'ERR_PDI_0004' }]), 'changed')).toBe('send');
  });

  it('--only-failed sends only failed records that changed', () => {
    expect(decide(c(1), undefined, 'only-failed')).toBe('not_failed');
    expect(decide(c(1), prior('succeeded', 'old'), 'only-failed')).toBe('not_failed');
    expect(decide(c(1), prior('failed'), 'only-failed')).toBe('failed_unchanged');
    expect(decide(c(1), prior('failed', 'old'), 'only-failed')).toBe('send');
  });
});

describe('makePlan', () => {
  it('places feeds beyond the hourly quota in later hours', () => {
    const plan = makePlan({
      feedType: 'MP_ITEM',
      frameBytes: 20,
      candidates: [1, 2, 3, 4, 5].map((i) => c(i)),
      ledger: new Map([['K5', prior('succeeded')]]),
      mode: 'changed',
      limits: { maxItems: 1, maxBytes: 1_000, feedsPerHour: 2 },
      usedThisHour: 1,
    });
    expect(plan.feeds.map((f) => f.quotaHour)).toEqual([0, 1, 1, 2]);
    expect(plan.skipped).toEqual([{ record: c(5), reason: 'succeeded' }]);
  });
});

describe('variant groups', () => {
  const g = (index: number, group: string): Candidate => ({ ...c(index), group });

  it('keeps a variant group in one feed, starting a new feed rather than splitting it', () => {
    const records = [g(1, 'A'), g(2, 'A'), g(3, 'B'), g(4, 'B'), g(5, 'B'), c(6)];
    const { feeds } = packFeeds(records, 20, { maxItems: 4, maxBytes: 1_000 });
    expect(feeds.map((f) => f.map((r) => r.index))).toEqual([[1, 2], [3, 4, 5, 6]]);
  });

  it('gathers a group whose records are apart in the input', () => {
    const { feeds } = packFeeds([g(1, 'A'), c(2), g(3, 'A')], 20, { maxItems: 10, maxBytes: 1_000 });
    expect(feeds.map((f) => f.map((r) => r.index))).toEqual([[1, 3, 2]]);
  });

  it('splits a group larger than a whole feed', () => {
    const { feeds } = packFeeds([1, 2, 3].map((i) => g(i, 'A')), 20, { maxItems: 2, maxBytes: 1_000 });
    expect(feeds.map((f) => f.length)).toEqual([2, 1]);
  });
});

describe('halves', () => {
  it('cuts a too-large feed between variant groups', () => {
    const g = (index: number, group: string): Candidate => ({ ...c(index), group });
    const [a, b] = halves([g(1, 'A'), g(2, 'A'), g(3, 'A'), g(4, 'B'), g(5, 'B'), g(6, 'B'), c(7)]);
    expect(a.map((r) => r.index)).toEqual([1, 2, 3]);
    expect(b.map((r) => r.index)).toEqual([4, 5, 6, 7]);
  });

  it('cuts a single group in the middle', () => {
    const [a, b] = halves([1, 2, 3].map((i) => ({ ...c(i), group: 'A' })));
    expect([a.length, b.length]).toEqual([2, 1]);
  });
});
