// Column mapping against a real spec (MP_ITEM 4.3 Clothing): names, titles, paths, leaves, numbered columns.
import { beforeAll, describe, expect, it } from 'vitest';
import type { AttributeIndex } from '../../src/compile/attributes.js';
import { Validator } from '../../src/engine/validator.js';
import { ColumnMatcher } from '../../src/sources/columns.js';

let attrs: AttributeIndex;
beforeAll(async () => {
  const v = await Validator.create({ feedType: 'MP_ITEM', specVersion: '4.3' });
  attrs = (await v.attributesFor('Clothing'))!;
});

function resolved(header: string, explicit?: Record<string, string>) {
  const r = new ColumnMatcher(attrs, explicit).resolve(header);
  return r.kind === 'attribute' ? { path: [...r.target.attribute.segments, ...r.target.sub].join('.'), split: r.target.split } : r;
}

describe('ColumnMatcher on MP_ITEM 4.3 Clothing', () => {
  it.each([
    ['sku', 'Orderable.sku'],
    ['SKU', 'Orderable.sku'],
    ['Selling Price', 'Orderable.price'],
    ['selling_price', 'Orderable.price'],
    ['price', 'Orderable.price'],
    ['Main Image URL', 'Visible.Clothing.mainImageUrl'],
    ['mainImageUrl', 'Visible.Clothing.mainImageUrl'],
    ['Gender', 'Visible.Clothing.gender'],
    ['productIdentifiers.productId', 'Orderable.productIdentifiers.productId'],
    ['Orderable.productIdentifiers.productIdType', 'Orderable.productIdentifiers.productIdType'],
    ['productId', 'Orderable.productIdentifiers.productId'],
    ['Product ID Type', 'Orderable.productIdentifiers.productIdType'],
    ['Key Features 1', 'Visible.Clothing.keyFeatures.0'],
    ['keyFeatures 2', 'Visible.Clothing.keyFeatures.1'],
    ['Key Features (3)', 'Visible.Clothing.keyFeatures.2'],
    ['Swatch Image URL 2', 'Visible.Clothing.swatchImages.1.swatchImageUrl'],
    ['swatchImages.0.swatchVariantAttribute', 'Visible.Clothing.swatchImages.0.swatchVariantAttribute'],
  ])('%s -> %s', (header, path) => {
    expect(resolved(header)).toMatchObject({ path });
  });

  it('an array column holds several values separated by |', () => {
    expect(resolved('Key Features')).toEqual({ path: 'Visible.Clothing.keyFeatures', split: true });
    expect(resolved('Color')).toEqual({ path: 'Visible.Clothing.color', split: true });
  });

  it('recognises the product type column', () => {
    expect(resolved('Product Type')).toEqual({ kind: 'productType' });
    expect(resolved('productType')).toEqual({ kind: 'productType' });
  });

  it('leaves unknown and hostile headers unknown', () => {
    for (const h of ['Colour Family', '__proto__', 'constructor', 'prototype', '', 'hasOwnProperty']) expect(resolved(h)).toEqual({ kind: 'unknown' });
  });

  it('explicit mappings from the config win', () => {
    expect(resolved('Colour', { Colour: 'color' })).toMatchObject({ path: 'Visible.Clothing.color' });
    expect(resolved('UPC Code', { 'upc code': 'productIdentifiers.productId' })).toMatchObject({ path: 'Orderable.productIdentifiers.productId' });
  });
});
