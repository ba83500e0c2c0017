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
    for (let i = 0; i < 5000; i++) expect(titleAlong(SCHEMA, ['Orderable', 'keyFeatures', String(i)]).positions).toEqual([i + 1]);
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
