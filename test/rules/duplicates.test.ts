// The duplicates pack over a whole feed: repeated SKUs, and product IDs shared by different SKUs, each reported once.
import { describe, expect, it } from 'vitest';
import type { FeedRule, RecordView } from '../../src/core/rule.js';
import duplicates from '../../rules/duplicates/index.js';
import { fakeRecord } from '../helpers/record-view.js';

const TITLES = { sku: 'SKU', productIdentifiers: 'Product Identifiers' };

interface Item {
  sku?: string;
  id?: string;
  type?: string;
}

function records(items: readonly Item[]): RecordView[] {
  return items.map(({ sku, id, type = 'UPC' }, i) => {
    const values: Record<string, unknown> = {};
    if (sku !== undefined) values.sku = sku;
    if (id !== undefined) values.productIdentifiers = { productIdType: type, productId: id };
    return fakeRecord(values, {
      index: i + 1,
      productType: 'Shirts',
      titles: TITLES,
      defines: ['sku', 'productIdentifiers'],
    });
  });
}

/** Runs the whole pack over the feed, as the engine would, and renders each finding's words. */
function run(items: readonly Item[]) {
  const feed = records(items);
  const titleOf = (a: string) => feed[0]?.title(a) ?? a;
  return duplicates
    .filter((r): r is FeedRule => r.scope === 'feed')
    .flatMap((rule) => {
      const state = rule.start();
      for (const record of feed) rule.visit(state, record);
      return rule.finish(state).map((f) => ({
        code: f.code ?? rule.id,
        severity: f.severity ?? rule.severity,
        record: f.record,
        sku: f.sku,
        productType: f.productType,
        attribute: f.attribute,
        subPath: f.subPath,
        params: f.params,
        message: rule.message(f, titleOf),
        hint: rule.hint?.(f, titleOf) ?? '',
      }));
    });
}

describe('duplicates pack', () => {
  it('is feed rules in the pack, needing the attribute each compares', () => {
    expect(duplicates.map((r) => [r.id, r.scope, r.pack, r.needs])).toEqual([
      ['duplicates.sku', 'feed', 'duplicates', ['sku']],
      ['duplicates.product_id', 'feed', 'duplicates', ['productIdentifiers']],
    ]);
  });

  it.each([
    ['different SKUs and IDs', [{ sku: 'A', id: '036000291452' }, { sku: 'B', id: '042100005264' }]],
    ['SKUs differing only in case, compared exactly', [{ sku: 'TS-1' }, { sku: 'ts-1' }]],
    ['records without a SKU', [{ id: '036000291452' }, { sku: 'B', id: '042100005264' }, {}]],
    ['a valid code and a near miss', [{ sku: 'A', id: '036000291452' }, { sku: 'B', id: '036000291453' }]],
    ['records without product IDs', [{ sku: 'A' }, { sku: 'B' }]],
    ['one record', [{ sku: 'A', id: '036000291452' }]],
    ['an empty feed', []],
  ])('passes %s', (_case, items: Item[]) => {
    expect(run(items)).toEqual([]);
  });

  describe('duplicate.sku', () => {
    it('flags every later occurrence against the first', () => {
      const findings = run([{ sku: 'TS-1' }, { sku: 'TS-2' }, { sku: 'TS-1' }, { sku: 'TS-3' }, { sku: ' TS-1 ' }]);
      expect(findings.map((f) => [f.code, f.severity, f.record, f.attribute, f.params.firstRecord])).toEqual([
        ['duplicate.sku', 'error', 3, 'sku', 1],
        ['duplicate.sku', 'error', 5, 'sku', 1],
      ]);
      expect(findings[0]).toMatchObject({ sku: 'TS-1', productType: 'Shirts' });
      expect(findings[0]?.subPath).toBeUndefined();
    });

    it('says which SKU and which earlier record, and how to fix it', () => {
      const [finding] = run([{ sku: 'TS-104' }, { sku: 'TS-104' }]);
      expect(finding?.message).toContain('SKU "TS-104"');
      expect(finding?.message).toContain('record 1');
      expect(finding?.hint).toContain('different SKU');
    });
  });

  describe('duplicate.product_id', () => {
    it.each([
      ['the same UPC', '036000291452', 'UPC', '036000291452', 'UPC'],
      ['a UPC and its GTIN-14', '036000291452', 'UPC', '00036000291452', 'GTIN'],
      ['an EAN and its GTIN-14', '4006381333931', 'EAN', '04006381333931', 'GTIN'],
      ['an ISBN-10 and its ISBN-13', '0306406152', 'ISBN', '9780306406157', 'ISBN'],
      ['a UPC-E and its UPC-A', '04252614', 'UPC', '042100005264', 'UPC'],
      ['the same invalid code, spaces aside', '12345', 'UPC', ' 12345 ', 'UPC'],
    ])('flags %s on two SKUs', (_case, firstId, firstType, laterId, laterType) => {
      const findings = run([
        { sku: 'A', id: firstId, type: firstType },
        { sku: 'B', id: laterId, type: laterType },
      ]);
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({
        code: 'duplicate.product_id',
        severity: 'error',
        record: 2,
        sku: 'B',
        productType: 'Shirts',
        attribute: 'productIdentifiers',
        subPath: 'productId',
        params: { firstRecord: 1, firstSku: 'A' },
      });
      expect(findings[0]?.message).toContain(`"${laterId.trim()}"`);
      expect(findings[0]?.message).toContain('record 1 (SKU A)');
      expect(findings[0]?.hint).toContain('own product ID');
    });

    it('names the GTIN-14 when the IDs match only in that form', () => {
      const [finding] = run([
        { sku: 'A', id: '00036000291452', type: 'GTIN' },
        { sku: 'B', id: '036000291452', type: 'UPC' },
      ]);
      expect(finding?.message).toContain('"036000291452" (GTIN-14 00036000291452)');
    });

    it('leaves a repeated SKU with the same ID to duplicate.sku', () => {
      const findings = run([
        { sku: 'A', id: '036000291452' },
        { sku: 'A', id: '036000291452' },
      ]);
      expect(findings.map((f) => [f.code, f.record])).toEqual([['duplicate.sku', 2]]);
    });

    it('reports each SKU that reuses an ID once, against the first record', () => {
      const findings = run([
        { sku: 'A', id: '036000291452' },
        { sku: 'B', id: '036000291452' },
        { sku: 'A', id: '036000291452' },
        { sku: 'B', id: '036000291452' },
        { sku: 'C', id: '036000291452' },
        { id: '036000291452' },
      ]);
      expect(findings.map((f) => [f.code, f.record, f.params.firstRecord])).toEqual([
        ['duplicate.sku', 3, 1],
        ['duplicate.sku', 4, 2],
        ['duplicate.product_id', 2, 1],
        ['duplicate.product_id', 5, 1],
        ['duplicate.product_id', 6, 1],
      ]);
    });

    it('keeps only keys and SKUs, not records, between visits', () => {
      const rule = duplicates.find((r) => r.id === 'duplicates.product_id') as FeedRule;
      const state = rule.start();
      for (const record of records([{ sku: 'A', id: '036000291452' }, { sku: 'B', id: '4006381333931', type: 'EAN' }])) {
        rule.visit(state, record);
      }
      expect(JSON.stringify(state, (_k, v: unknown) => (v instanceof Map || v instanceof Set ? [...v] : v))).not.toContain(
        'productIdentifiers',
      );
    });
  });
});
