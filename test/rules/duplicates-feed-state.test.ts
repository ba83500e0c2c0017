// The duplicates rules keep a tuple per record under its SKU or product ID, in memory or spilled past a budget: SKUs
// that share a hash are told apart, an ID matches whatever form it takes, and spilling changes nothing.
import { describe, expect, it } from 'vitest';
import type { FeedRule, RecordView, RuleFinding } from '../../src/core/rule.js';
import duplicates from '../../rules/duplicates/index.js';
import { hashKey } from '../../src/core/keyed-tuples.js';
import { SpillingFeedScope } from '../../src/engine/feed-scope.js';
import { fakeRecord } from '../helpers/record-view.js';

interface Item {
  sku?: string;
  id?: string;
  type?: string;
  productType?: string;
}

function records(items: readonly Item[]): RecordView[] {
  return items.map(({ sku, id, type = 'UPC', productType = 'Shirts' }, i) => {
    const values: Record<string, unknown> = {};
    if (id !== undefined) values.productIdentifiers = { productIdType: type, productId: id };
    return fakeRecord(values, { index: i + 1, productType, defines: ['sku', 'productIdentifiers'], ...(sku === undefined ? {} : { sku }) });
  });
}

/** The pack over the feed with one scope, as the engine runs it: in memory, or spilled from the first byte. */
function runWith(items: readonly Item[], budget: number): Array<RuleFinding & { code: string }> {
  const feed = records(items);
  const scope = new SpillingFeedScope(budget);
  try {
    const rules = duplicates.filter((r): r is FeedRule => r.scope === 'feed');
    const states = rules.map((r) => r.start(scope));
    for (const record of feed) rules.forEach((r, i) => r.visit(states[i], record));
    return rules.flatMap((r, i) => r.finish(states[i]).map((f) => ({ ...f, code: f.code ?? r.id })));
  } finally {
    scope.close();
  }
}

/** The findings in memory, after checking that a spilled run finds exactly the same. */
function run(items: readonly Item[]): Array<RuleFinding & { code: string }> {
  const found = runWith(items, 64 * 1024 * 1024);
  expect(runWith(items, 1024)).toEqual(found);
  return found;
}

// Found by search: two SKUs with one 32-bit hash.
const SAME_HASH = ['SKU-20PK', 'SKU-NC40'] as const;

describe('duplicates with their state in tuples', () => {
  it('tells apart SKUs that share a hash, and still finds a real repeat of either', () => {
    expect(hashKey(SAME_HASH[0])).toBe(hashKey(SAME_HASH[1]));
    const findings = run([{ sku: SAME_HASH[0] }, { sku: SAME_HASH[1] }, { sku: ` ${SAME_HASH[1]}` }, { sku: SAME_HASH[0] }]);
    expect(findings.map((f) => [f.code, f.record, f.params.firstRecord])).toEqual([
      ['duplicate.sku', 3, 2],
      ['duplicate.sku', 4, 1],
    ]);
  });

  it('names the first user of a product ID with its SKU, long after it', () => {
    const items: Item[] = Array.from({ length: 20_000 }, (_, i) => ({ sku: `S-${String(i)}`, id: String(890_000_000_000 + i * 10) }));
    items.push({ sku: 'LATE', id: '036000291452' }, { sku: 'LATER', id: '00036000291452', type: 'GTIN' });
    const findings = run(items);
    expect(findings.map((f) => [f.code, f.record, f.params.firstRecord, f.params.firstSku])).toEqual([['duplicate.product_id', 20_002, 20_001, 'LATE']]);
  });

  it('matches a 14-digit ID that fails its type check with the same digits as a valid GTIN-14', () => {
    const findings = run([
      { sku: 'A', id: '00036000291452', type: 'UPC' },
      { sku: 'B', id: '00036000291452', type: 'GTIN' },
    ]);
    expect(findings.map((f) => [f.code, f.record, f.params.firstRecord, f.params.firstSku])).toEqual([['duplicate.product_id', 2, 1, 'A']]);
  });

  it('keeps IDs that are not 14 digits as text, exactly', () => {
    const findings = run([
      { sku: 'A', id: 'ABC-1', type: 'GTIN' },
      { sku: 'B', id: 'ABC-2', type: 'GTIN' },
      { sku: 'C', id: 'ABC-1', type: 'GTIN' },
    ]);
    expect(findings.map((f) => [f.code, f.record, f.params.firstSku])).toEqual([['duplicate.product_id', 3, 'A']]);
  });

  it("names each finding's product type in a feed of several types, the first type included", () => {
    const findings = run([
      { sku: 'A', id: '036000291452', productType: 'Shirts' },
      { sku: 'B', id: '036000291452', productType: 'Pants' },
      { sku: 'A', id: '042100005264', productType: 'Hats' },
      { sku: ' B', id: '00036000291452', type: 'GTIN', productType: 'Shirts' },
      { sku: 'C', id: '036000291452', productType: 'Pants' },
      { sku: 'D', id: '12345', productType: 'Hats' },
      { sku: 'E', id: ' 12345', productType: 'Shirts' },
    ]);
    expect(findings.map((f) => [f.code, f.record, f.sku, f.productType, f.params.productId ?? f.params.sku, f.params.gtin14])).toEqual([
      ['duplicate.sku', 3, 'A', 'Hats', 'A', undefined],
      ['duplicate.sku', 4, ' B', 'Shirts', 'B', undefined],
      ['duplicate.product_id', 2, 'B', 'Pants', '036000291452', '00036000291452'],
      ['duplicate.product_id', 5, 'C', 'Pants', '036000291452', '00036000291452'],
      ['duplicate.product_id', 7, 'E', 'Shirts', '12345', undefined],
    ]);
  });
});
