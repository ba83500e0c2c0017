// Messages for a feed that repeats its mistakes are worked out once (titles, suggestions) and remembered: the
// remembered answers are the ones worked out afresh, for every record that repeats them, and a caller cannot spoil them.
import { describe, expect, it } from 'vitest';
import { titleAlong } from '../../src/compile/schema-nav.js';
import { nearest, nearestIn } from '../../src/engine/suggest.js';
import type { SchemaObject } from '../../src/spec/schema-walk.js';
import { validate } from '../../src/index.js';
import { readJson, SAMPLES } from '../helpers/paths.js';

const SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    Orderable: {
      type: 'object',
      properties: {
        productIdentifiers: { type: 'object', properties: { productId: { type: 'string', title: 'Product ID' } } },
        keyFeatures: { type: 'array', title: 'Key Features', items: { type: 'string', title: 'Feature' } },
        '123': { type: 'string', title: 'Numbered' },
        plain_name: { type: 'string' },
      },
    },
  },
};

describe('titleAlong, remembered', () => {
  const paths: string[][] = [
    ['Orderable', 'productIdentifiers', 'productId'],
    ['Orderable', 'productIdentifiers'],
    ['Orderable', 'keyFeatures', '2'],
    ['Orderable', '123'],
    ['Orderable', 'plain_name'],
    ['Orderable', 'unknownThing'],
    ['Orderable', 'keyFeatures', 'x'],
    [],
  ];

  it.each(paths.map((p) => [p.join('.'), p]))('gives the same lookup the first time and after: %s', (_name, path) => {
    const first = titleAlong(SCHEMA, path);
    const again = titleAlong(SCHEMA, [...path]);
    expect(again).toEqual(first);
  });

  it('reads titles, made-up titles and positions as before', () => {
    expect(titleAlong(SCHEMA, ['Orderable', 'productIdentifiers', 'productId'])).toMatchObject({ title: 'Product ID', field: 'productId', positions: [] });
    expect(titleAlong(SCHEMA, ['Orderable', 'productIdentifiers'])).toMatchObject({ title: 'Product Identifiers', field: 'productIdentifiers' });
    expect(titleAlong(SCHEMA, ['Orderable', 'keyFeatures', '2'])).toMatchObject({ title: 'Key Features', field: 'keyFeatures', positions: [3] });
    // A property named with digits keeps its name, as an array position would.
    expect(titleAlong(SCHEMA, ['Orderable', '123'])).toMatchObject({ title: '123', field: '123' });
    expect(titleAlong(SCHEMA, ['Orderable', 'plain_name'])).toMatchObject({ title: 'Plain name', field: 'plain_name' });
  });

  it('hands each caller its own positions: changing them does not change the next answer', () => {
    const path = ['Orderable', 'keyFeatures', '4'];
    titleAlong(SCHEMA, path).positions.push(99);
    expect(titleAlong(SCHEMA, path).positions).toEqual([5]);
  });

  it('tells apart paths whose segments join to the same text', () => {
    const odd: SchemaObject = { type: 'object', properties: { 'a/b': { type: 'string', title: 'Slash' }, a: { type: 'object', properties: { b: { type: 'string', title: 'Nested' } } } } };
    expect(titleAlong(odd, ['a/b']).title).toBe('Slash');
    expect(titleAlong(odd, ['a', 'b']).title).toBe('Nested');
  });

  it('stays right past the number of paths it remembers', () => {
    const wrong: number[] = [];
    for (let i = 0; i < 5000; i++) if (titleAlong(SCHEMA, ['Orderable', 'keyFeatures', String(i)]).positions[0] !== i + 1) wrong.push(i);
    expect(wrong).toEqual([]);
    expect(titleAlong(SCHEMA, ['Orderable', 'keyFeatures', '0']).positions).toEqual([1]);
  });
});

describe('nearestIn', () => {
  const GENDERS = ['Unisex', 'Male', 'Female'];

  it('answers as nearest() does over the candidates as text, again and again', () => {
    for (const value of ['Mle', 'male', 'Femal', 'womens', 'xyz', '', 'Mle']) {
      expect(nearestIn(value, GENDERS)).toBe(nearest(value, GENDERS));
    }
    const numbers = [1, 2, 30];
    expect(nearestIn('3', numbers)).toBe(nearest('3', ['1', '2', '30']));
    expect(nearestIn('30 ', numbers)).toBe('30');
  });

  it('remembers per list: another list with other values gets its own answers', () => {
    expect(nearestIn('Mle', GENDERS)).toBe('Male');
    expect(nearestIn('Mle', ['Mule', 'Mile'])).toBe(nearest('Mle', ['Mule', 'Mile']));
  });

  it('stays right past the number of values it remembers', () => {
    const list = ['Alpha', 'Beta', 'Gamma'];
    for (let i = 0; i < 1500; i++) expect(nearestIn(`Alpa${String(i)}`, list)).toBe(nearest(`Alpa${String(i)}`, list));
    expect(nearestIn('Alpah', list)).toBe('Alpha');
  });
});

describe('the same mistake with other values', () => {
  type Item = { Orderable: Record<string, unknown>; Visible: { Clothing: Record<string, unknown> } };
  const clean = readJson<{ MPItemFeedHeader: Record<string, unknown>; MPItem: Item[] }>(`${SAMPLES}feeds/clothing-4.3-clean.json`);

  /** The first clean item with `change` made, its own SKU and product ID left as they are (one item per feed). */
  async function issuesOf(change: (item: Item) => void): Promise<Array<[string, string, string | undefined]>> {
    const item = structuredClone(clean.MPItem[0] as Item);
    change(item);
    const report = await validate({ MPItemFeedHeader: clean.MPItemFeedHeader, MPItem: [item] }, {});
    return report.issues.map((i) => [i.path, i.message, i.hint]);
  }

  it('words each value as its own, however often the place was seen before', async () => {
    for (let round = 0; round < 3; round++) {
      expect(await issuesOf((i) => (i.Visible.Clothing.gender = 'Mle'))).toEqual([['Visible.Clothing.gender', 'Gender is "Mle"; it must be one of Unisex, Male, Female.', 'Did you mean "Male"?']]);
      expect(await issuesOf((i) => (i.Visible.Clothing.gender = 'Femal'))).toEqual([['Visible.Clothing.gender', 'Gender is "Femal"; it must be one of Unisex, Male, Female.', 'Did you mean "Female"?']]);
      expect(await issuesOf((i) => (i.Visible.Clothing.gender = 'Robot'))).toEqual([['Visible.Clothing.gender', 'Gender is "Robot"; it must be one of Unisex, Male, Female.', undefined]]);
      expect(await issuesOf((i) => (i.Orderable.price = '$49.50'))).toEqual([['Orderable.price', 'Selling Price is "$49.50"; it must be a number.', 'Write it as the number 49.50, without quotes, currency symbols or thousands separators.']]);
      expect(await issuesOf((i) => (i.Orderable.price = '12'))).toEqual([['Orderable.price', 'Selling Price is "12"; it must be a number.', 'Write it as the number 12, without quotes, currency symbols or thousands separators.']]);
      expect(await issuesOf((i) => (i.Orderable.price = true))).toEqual([['Orderable.price', 'Selling Price is true; it must be a number.', undefined]]);
    }
  });

  it('names the attribute that is missing, each its own, at the same place', async () => {
    for (let round = 0; round < 2; round++) {
      expect((await issuesOf((i) => delete i.Orderable.brand)).map(([path, message]) => [path, message])).toEqual([['Orderable.brand', 'Brand is missing; it is required.']]);
      expect((await issuesOf((i) => delete i.Orderable.productName)).map(([path, message]) => [path, message])).toEqual([['Orderable.productName', 'Product Name is missing; it is required.']]);
    }
  });
});

describe('a feed that repeats its mistakes', () => {
  it('gets, for every copy of a record, the issues the first copy got', async () => {
    type Feed = { MPItemFeedHeader: Record<string, unknown>; MPItem: Array<Record<string, Record<string, unknown>>> };
    const feed = readJson<Feed>(`${SAMPLES}feeds/clothing-4.3-errors.json`);
    const once = await validate(feed, {});
    const copies = 4;
    const many: Feed = { ...feed, MPItem: [] };
    for (let k = 0; k < copies; k++) {
      for (const item of feed.MPItem) {
        const copy = structuredClone(item);
        // Each copy its own SKU and product ID, so the cross-record rules find only what the first copy had.
        (copy.Orderable as { sku: string }).sku = `${String((item.Orderable as { sku: string }).sku)}-${String(k)}`;
        many.MPItem.push(copy);
      }
    }
    const report = await validate(many, {});
    const schemaIssues = (issues: typeof once.issues, record: number) =>
      issues.filter((i) => i.record === record && i.code.startsWith('schema.')).map(({ code, path, field, message, hint }) => ({ code, path, field, message, hint }));
    const n = feed.MPItem.length;
    for (let r = 1; r <= n; r++) {
      const expected = schemaIssues(once.issues, r);
      for (let k = 0; k < copies; k++) expect(schemaIssues(report.issues, r + k * n)).toEqual(expected);
    }
    expect(once.issues.filter((i) => i.code.startsWith('schema.')).length).toBeGreaterThan(2);
  });
});
