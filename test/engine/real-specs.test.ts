// Validation against Walmart's real published specs (bundled in schemas-cache/): their own examples
// validate clean, and a single mutation is found exactly where it was made.
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/index.js';
import type { Issue } from '../../src/index.js';
import { EXAMPLES, SAMPLES, readJson } from '../helpers/paths.js';

type Feed = { MPItemFeedHeader: Record<string, unknown>; MPItem: Array<Record<string, Record<string, unknown>>> };

function openApiExample(): Feed {
  const feed = readJson<Feed>(`${EXAMPLES}mp_item_4.8_feed.example.json`);
  feed.MPItemFeedHeader.version = '1.3';
  return feed;
}

const MP_ITEM_43 = { feedType: 'MP_ITEM', specVersion: '4.3' } as const;
const errors = (issues: Issue[]) => issues.filter((i) => i.severity === 'error');

describe('MP_ITEM 4.3 (real spec)', () => {
  it("validates Walmart's own OpenAPI MP_ITEM example clean once its header version is the spec's", async () => {
    const report = await validate(openApiExample(), MP_ITEM_43);
    expect(errors(report.issues)).toEqual([]);
    expect(report.summary).toMatchObject({ records: 1, valid: 1, invalid: 0, errors: 0 });
  });

  it('reports the example header version 4.8 as one header issue, not noise on every record', async () => {
    const feed = readJson<Feed>(`${EXAMPLES}mp_item_4.8_feed.example.json`);
    feed.MPItem = [0, 1, 2, 3].map((i) => {
      const item = structuredClone(feed.MPItem[0]) as Feed['MPItem'][number];
      (item.Orderable as Record<string, unknown>).sku = `sku-${i}`;
      (item.Orderable as { productIdentifiers: { productId: string } }).productIdentifiers.productId = ['06146190200012', '00012345678905', '00036000291452', '04006381333931'][i] as string;
      return item;
    });
    const report = await validate(feed, MP_ITEM_43);
    expect(report.issues.map((i) => [i.code, i.record, i.path])).toEqual([['header.version_mismatch', 0, 'MPItemFeedHeader.version']]);
    expect(report.issues[0]?.message).toContain('"4.8"');
    expect(report.issues[0]?.hint).toContain('"1.3"');
  });

  const mutations: Array<[string, (f: Feed) => void, string, string]> = [
    ['a required attribute removed', (f) => delete f.MPItem[0]!.Orderable!.brand, 'schema.required', 'Orderable.brand'],
    ['a broken type', (f) => (f.MPItem[0]!.Orderable!.price = 'one dollar'), 'schema.type', 'Orderable.price'],
    ['a broken enum', (f) => ((f.MPItem[0]!.Orderable!.productIdentifiers as Record<string, string>).productIdType = 'GTN'), 'schema.enum', 'Orderable.productIdentifiers.productIdType'],
    ['a broken format', (f) => ((f.MPItem[0]!.Visible!['Home Decor, Kitchen, & Other'] as Record<string, string>).mainImageUrl = 'not a url'), 'schema.format', 'Visible.Home Decor, Kitchen, & Other.mainImageUrl'],
    ['a broken check digit', (f) => ((f.MPItem[0]!.Orderable!.productIdentifiers as Record<string, string>).productId = '06146190200013'), 'gtin.check_digit', 'Orderable.productIdentifiers.productId'],
    ['too many decimals', (f) => (f.MPItem[0]!.Orderable!.price = 19.999), 'schema.multiple_of', 'Orderable.price'],
    ['an unknown attribute', (f) => (f.MPItem[0]!.Orderable!.colour = 'red'), 'schema.unknown_attribute', 'Orderable.colour'],
    ['a name over 200 characters', (f) => (f.MPItem[0]!.Orderable!.productName = 'x'.repeat(201)), 'schema.too_long', 'Orderable.productName'],
  ];

  it.each(mutations)('finds exactly the mutated field: %s', async (_name, mutate, code, path) => {
    const feed = openApiExample();
    mutate(feed);
    const report = await validate(feed, MP_ITEM_43);
    expect(errors(report.issues).map((i) => [i.code, i.path])).toEqual([[code, path]]);
    const issue = errors(report.issues)[0]!;
    expect(issue).toMatchObject({ record: 1, sku: 'testCardSku', severity: 'error' });
    expect(issue.message).not.toMatch(/must match|schema/i);
  });

  it('speaks in titles, values and fixes', async () => {
    const feed = openApiExample();
    (feed.MPItem[0]!.Orderable!.productIdentifiers as Record<string, string>).productIdType = 'gtin';
    feed.MPItem[0]!.Orderable!.price = '$19.99';
    const report = await validate(feed, MP_ITEM_43);
    const byPath = Object.fromEntries(report.issues.map((i) => [i.path, i]));
    expect(byPath['Orderable.productIdentifiers.productIdType']).toMatchObject({
      message: 'Product ID Type is "gtin"; it must be one of ISBN, GTIN, UPC, EAN.',
      hint: 'Did you mean "GTIN"?',
    });
    expect(byPath['Orderable.price']?.message).toBe('Selling Price is "$19.99"; it must be a number.');
    expect(byPath['Orderable.price']?.hint).toContain('19.99');
  });

  it('accepts valid two-decimal prices the way Walmart does (multipleOf 0.01 and 0.001)', async () => {
    const feed = openApiExample();
    const base = feed.MPItem[0]!;
    const prices = [19.99, 0.07, 12345678.99, 0.1, 1.1];
    feed.MPItem = prices.map((price, i) => {
      const item = structuredClone(base);
      item.Orderable!.price = price;
      item.Orderable!.ShippingWeight = [0.001, 1.005, 2.3, 0.07, 10][i];
      item.Orderable!.sku = `p${i}`;
      (item.Orderable!.productIdentifiers as Record<string, string>).productId = ['06146190200012', '00012345678905', '00036000291452', '04006381333931', '00614141999996'][i] as string;
      return item;
    });
    const report = await validate(feed, MP_ITEM_43);
    expect(errors(report.issues)).toEqual([]);
  });

  it('gives one issue for one root cause: a missing Visible block is not also a dozen missing attributes', async () => {
    const feed = openApiExample();
    feed.MPItem[0]!.Visible = { Clothing: { shortDescription: 'A shirt' } };
    const report = await validate(feed, MP_ITEM_43);
    expect(errors(report.issues).map((i) => [i.code, i.path])).toEqual([['schema.required', 'Visible.Clothing.mainImageUrl']]);
  });

  it('names an unknown product type and suggests the nearest one', async () => {
    const feed = openApiExample();
    feed.MPItem[0]!.Visible = { Clothng: {} };
    const report = await validate(feed, MP_ITEM_43);
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({ code: 'record.unknown_product_type', hint: 'Did you mean "Clothing"?' });
  });
});

describe('the bundled 4.3 samples', () => {
  it('the clean twin has no errors and no warnings', async () => {
    const report = await validate(readJson(`${SAMPLES}feeds/clothing-4.3-clean.json`));
    expect(report.issues).toEqual([]);
    expect(report.spec).toEqual({ feedType: 'MP_ITEM', specVersion: '4.3' });
  });

  it('the errors sample reports exactly its documented errors', async () => {
    const report = await validate(readJson(`${SAMPLES}feeds/clothing-4.3-errors.json`));
    expect(report.issues.map((i) => [i.record, i.code, i.path])).toEqual([
      [2, 'schema.enum', 'Visible.Clothing.gender'],
      [3, 'gtin.check_digit', 'Orderable.productIdentifiers.productId'],
      [4, 'variants.two_primaries', 'Visible.Clothing.isPrimaryVariant'],
      [5, 'schema.required', 'Visible.Clothing.shortDescription'],
      [5, 'image.not_https', 'Visible.Clothing.mainImageUrl'],
      [6, 'schema.type', 'Orderable.price'],
      [7, 'duplicate.sku', 'Orderable.sku'],
    ]);
    expect(report.summary).toEqual({ records: 7, valid: 1, invalid: 6, errors: 6, warnings: 1, infos: 0 });
  });
});

describe('other real specs', () => {
  it('MP_ITEM_MATCH 5.0 (real, draft-07): a violated if/then names the attribute and value that made the field required', async () => {
    const feed = {
      MPItemFeedHeader: { businessUnit: 'WALMART_US', locale: 'en', version: '5.0.20260607-22_38_54-api' },
      MPItem: [{ Item: { sku: 'USED-1', productIdentifiers: { productId: '00012345678905', productIdType: 'GTIN' }, condition: 'Pre-Owned: Good', price: 10, ShippingWeight: 1, productName: 'Used widget, good condition' } }],
    };
    const report = await validate(feed);
    const mine = errors(report.issues);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ code: 'schema.conditional_required', path: 'Item.mainImageUrl', field: 'mainImageUrl' });
    expect(mine[0]?.message).toBe('Main Image URL is missing; it is required because Condition is "Pre-Owned: Good".');
  });

  it('MP_WFS_ITEM 4.2 (real): validates against the product type with its TradeItem block', async () => {
    const feed = readJson<Feed>(`${EXAMPLES}mp_wfs_item_4.3_feed.example.json`);
    const report = await validate(feed, { feedType: 'MP_WFS_ITEM', specVersion: '4.2' });
    expect(report.issues[0]).toMatchObject({ code: 'header.version_mismatch', record: 0 });
    // Walmart's 4.3-era example uses attribute names 4.2 does not have: each is named, with the 4.2 name as a hint.
    const renamed = report.issues.find((i) => i.field === 'ionNumberOfBatteries');
    expect(renamed).toMatchObject({ code: 'schema.unknown_attribute', hint: 'Did you mean "numberOfBatteries"?' });
  });
});
