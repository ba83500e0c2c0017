import { describe, expect, it } from 'vitest';
import { matchItems } from '../../src/submit/follow.js';
import type { LedgerFeed } from '../../src/submit/ledger.js';
import { parsePollSchedule, waitBefore } from '../../src/submit/poll-schedule.js';

const feed: LedgerFeed = {
  fileName: 'f.json',
  feedType: 'MP_ITEM',
  at: 0,
  state: 'sent',
  feedId: 'F',
  records: [
    { k: 'MP_ITEM|A', h: 'ha', n: 3, sku: 'A' },
    { k: 'MP_ITEM|B', h: 'hb', n: 5, sku: 'B' },
    { k: 'MP_ITEM|C', h: 'hc', n: 9, sku: 'C' },
  ],
};

describe('matchItems', () => {
  it('matches verdicts by SKU, or by position without one, reading both shapes of ingestionErrors', () => {
    const results = matchItems(
      feed,
      [
        { sku: 'B', index: 0, ingestionStatus: 'DATA_ERROR', ingestionErrors: { ingestionError: [{ type: 'DATA_ERROR', code: 'E1', field: 'price', description: 'bad' }] } },
        { index: 0, ingestionStatus: 'SUCCESS' },
        { sku: 'C', ingestionStatus: 'IN_REVIEW' },
        { sku: 'ZZZ', ingestionStatus: 'DATA_ERROR', ingestionErrors: [{ code: 'E2' }] },
      ],
      [],
      'PROCESSED',
    );
    expect(results).toEqual([
      { k: 'MP_ITEM|B', h: 'hb', s: 'failed', e: [{ type: 'DATA_ERROR', code: 'E1', field: 'price', description: 'bad' }] },
      { k: 'MP_ITEM|A', h: 'ha', s: 'succeeded' },
      { k: 'MP_ITEM|C', h: 'hc', s: 'review' },
    ]);
  });

  it('fails a record a finished feed does not mention, rather than leave it sent for ever', () => {
    const results = matchItems(feed, [{ sku: 'A', ingestionStatus: 'SUCCESS' }, { sku: 'B', ingestionStatus: 'SUCCESS' }], [], 'PROCESSED');
    expect(results.find((r) => r.k === 'MP_ITEM|C')).toMatchObject({ s: 'failed', e: [{ code: 'ITEM_NOT_REPORTED' }] });
  });

  it('reads a bare list of errors', () => {
    const [r] = matchItems(feed, [{ sku: 'A', ingestionStatus: 'DATA_ERROR', ingestionErrors: [{ code: 'ERR_PDI_0034', description: 'x' }] }], [], 'PROCESSED');
    expect(r?.e).toEqual([{ code: 'ERR_PDI_0034', description: 'x' }]);
  });

  it('fails every record of an ERROR feed with the feed\'s errors', () => {
    const results = matchItems(feed, [], [{ code: 'ERR_PDI_0001', description: 'Malformed' }], 'ERROR');
    expect(results.map((r) => [r.k, r.s, r.e?.[0]?.code])).toEqual([
      ['MP_ITEM|A', 'failed', 'ERR_PDI_0001'],
      ['MP_ITEM|B', 'failed', 'ERR_PDI_0001'],
      ['MP_ITEM|C', 'failed', 'ERR_PDI_0001'],
    ]);
  });
});

describe('poll schedule', () => {
  it("defaults to Walmart's advice and repeats its last wait", () => {
    const s = parsePollSchedule('15m,1h,2h,4h');
    expect(s).toEqual([900_000, 3_600_000, 7_200_000, 14_400_000]);
    expect(waitBefore(s, 9)).toBe(14_400_000);
    expect(parsePollSchedule('200ms')).toEqual([200]);
  });

  it('refuses a schedule it cannot read', () => {
    expect(() => parsePollSchedule('soon')).toThrow(/--poll takes waits/);
  });
});
