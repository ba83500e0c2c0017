// What the feed rules remember per record, packed: the record log (SKU and product type by record number), the
// duplicates rules' number table, and the variant rules' shared group index.
import { describe, expect, it } from 'vitest';
import { RecordLog, recordLogOf } from '../../rules/record-log.js';
import { NumberTable, exactKeys, int32Keys } from '../../rules/duplicates/number-table.js';
import { hashText } from '../../rules/duplicates/hash-text.js';
import { groupIndexOf } from '../../rules/variants/group-index.js';
import { fakeRecord } from '../helpers/record-view.js';

function note(log: RecordLog, index: number, sku: string | undefined, productType = 'Shirts'): void {
  log.note({ ...fakeRecord({}, { index, productType }), sku });
}

describe('RecordLog', () => {
  it.each([
    ['ASCII', 'TS-104-BLK-M'],
    ['accented', 'Café-Crème-42'],
    ['outside the BMP', 'TEE-👕-RED'],
    ['empty', ''],
    ['padded', '  TS-1  '],
    ['a lone surrogate (kept as given)', 'TS-\ud800-1'],
    ['longer than packs (kept as given)', 'S'.repeat(30_000)],
  ])('gives back a SKU as it was noted: %s', (_name, sku) => {
    const log = new RecordLog();
    note(log, 1, 'BEFORE');
    note(log, 2, sku, 'Pants');
    note(log, 3, 'AFTER');
    expect([log.skuOf(1), log.skuOf(2), log.skuOf(3)]).toEqual(['BEFORE', sku, 'AFTER']);
    expect([log.productTypeOf(1), log.productTypeOf(2), log.productTypeOf(3)]).toEqual(['Shirts', 'Pants', 'Shirts']);
  });

  it('tells a record without a SKU from one never noted', () => {
    const log = new RecordLog();
    note(log, 5, undefined, 'Pants');
    expect(log.skuOf(5)).toBeUndefined();
    expect(log.productTypeOf(5)).toBe('Pants');
    expect(log.skuOf(4)).toBeUndefined();
    expect(log.productTypeOf(4)).toBeUndefined();
    expect(log.productTypeOf(1_000_000)).toBeUndefined();
  });

  it('keeps the first noting of a record', () => {
    const log = new RecordLog();
    note(log, 1, 'A');
    note(log, 1, 'B', 'Pants');
    expect([log.skuOf(1), log.productTypeOf(1)]).toEqual(['A', 'Shirts']);
  });

  it('takes records out of order, far apart, and numbers no array holds', () => {
    const log = new RecordLog();
    const indices = [70_000, 3, 2 ** 40, -1, 1.5, 0, 5000];
    for (const i of indices) note(log, i, `SKU-${String(i)}`);
    for (const i of indices) expect(log.skuOf(i)).toBe(`SKU-${String(i)}`);
  });

  it('holds 200,000 records and gives each back', () => {
    const log = new RecordLog();
    for (let i = 1; i <= 200_000; i++) note(log, i, `NT-${String(i * 7)}`, i % 3 === 0 ? 'Pants' : 'Shirts');
    for (const i of [1, 2, 99_999, 131_072, 200_000]) {
      expect(log.skuOf(i)).toBe(`NT-${String(i * 7)}`);
      expect(log.productTypeOf(i)).toBe(i % 3 === 0 ? 'Pants' : 'Shirts');
    }
  });

  it('is one log per feed scope, and a fresh one without a scope', () => {
    const feed = {};
    expect(recordLogOf(feed)).toBe(recordLogOf(feed));
    expect(recordLogOf({})).not.toBe(recordLogOf(feed));
    expect(recordLogOf(undefined)).not.toBe(recordLogOf(undefined));
  });
});

describe('NumberTable', () => {
  it('finds what was added, including the key 0, and nothing else', () => {
    const table = new NumberTable(exactKeys);
    table.add(0, 7);
    table.add(36000291452, 1);
    expect(table.find(0)).toBe(7);
    expect(table.find(36000291452)).toBe(1);
    expect(table.find(36000291453)).toBeUndefined();
  });

  it('keeps every value under a repeated key, and lets the caller choose among them', () => {
    const table = new NumberTable(int32Keys);
    for (const v of [10, 20, 30]) table.add(42, v);
    expect(table.find(42, (v) => v === 20)).toBe(20);
    expect(table.find(42, (v) => v > 25)).toBe(30);
    expect(table.find(42, () => false)).toBeUndefined();
  });

  it('grows to 300,000 keys and finds each', () => {
    const table = new NumberTable(exactKeys);
    for (let i = 0; i < 300_000; i++) table.add(89_000_000_000_000 + i * 13, i);
    for (const i of [0, 1, 4095, 65_536, 299_999]) expect(table.find(89_000_000_000_000 + i * 13)).toBe(i);
    expect(table.find(89_000_000_000_001)).toBeUndefined();
  });
});

describe('hashText', () => {
  it('is a 32-bit integer that differs for near strings', () => {
    const hashes = ['TS-1', 'TS-2', 'ts-1', 'TS-1 ', '', 'é'].map(hashText);
    for (const h of hashes) expect(h | 0).toBe(h);
    expect(new Set(hashes).size).toBe(hashes.length);
    expect(hashText('TS-1')).toBe(hashText('TS-1'));
  });
});

describe('GroupIndex', () => {
  it('numbers groups in the order they first appear, shared within a feed', () => {
    const feed = {};
    const groups = groupIndexOf(feed);
    expect(['G1', 'G2', 'G1', 'G3', 'G2'].map((id) => groups.numberOf(id))).toEqual([0, 1, 0, 2, 1]);
    expect(groupIndexOf(feed).numberOf('G3')).toBe(2);
    expect(groups.idOf(1)).toBe('G2');
    expect(groupIndexOf(undefined).numberOf('G3')).toBe(0);
  });
});
