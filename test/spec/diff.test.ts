// spec diff: the pure diff of two specs for a product type, on Walmart's 4.3 Clothing spec against a copy
// changed in every way the diff reports.
import { describe, expect, it } from 'vitest';
import { attributesOf, diffProductType, formatDiff, isEmptyDiff } from '../../src/spec/diff.js';
import { parseSpecJson } from '../../src/spec/lossless-json.js';
import type { SchemaObject } from '../../src/spec/schema-walk.js';
import { SpecStore } from '../../src/spec/store.js';

async function clothing43(): Promise<SchemaObject> {
  const store = new SpecStore();
  const entry = await store.resolve({ feedType: 'MP_ITEM', version: '4.3', productType: 'Clothing' });
  if (entry === undefined) throw new Error('the bundled cache has no MP_ITEM 4.3 Clothing');
  return (await store.load(entry)).schema;
}

/** The Clothing block of a split 4.3 spec (properties + required), for changing a copy in place. */
function clothingBlock(spec: SchemaObject): { properties: Record<string, Record<string, unknown>>; required: string[] } {
  const props = spec.properties as { MPItem: { items: { properties: { Visible: { properties: { Clothing: unknown } } } } } };
  return props.MPItem.items.properties.Visible.properties.Clothing as { properties: Record<string, Record<string, unknown>>; required: string[] };
}

async function modifiedClothing(): Promise<SchemaObject> {
  const copy = await clothing43();
  const block = clothingBlock(copy);
  delete block.properties.collarType;
  block.properties.newAttr = { type: 'string', maxLength: 10 };
  block.required.push('newAttr', 'gender');
  block.properties.gender = { type: 'string', enum: ['Unisex', 'Female', 'Non-binary'] };
  (block.properties.shortDescription as Record<string, unknown>).maxLength = 2000;
  (block.properties.msrp as Record<string, unknown>).minimum = 1;
  return copy;
}

describe('spec diff', () => {
  it('finds nothing between a spec and itself, 400-digit limits included', async () => {
    const spec = await clothing43();
    const d = diffProductType('Clothing', spec, await clothing43());
    expect(isEmptyDiff(d)).toBe(true);
    expect(attributesOf(spec).get('Visible.Clothing.gender')?.enum).toEqual(['Unisex', 'Male', 'Female']);
  });

  it('reports added, removed, newly required, enum and limit changes', async () => {
    const d = diffProductType('Clothing', await clothing43(), await modifiedClothing());
    expect(d.added).toEqual([{ path: 'Visible.Clothing.newAttr', required: true }]);
    expect(d.removed).toEqual(['Visible.Clothing.collarType']);
    expect(d.newlyRequired).toEqual(['Visible.Clothing.gender']);
    expect(d.noLongerRequired).toEqual([]);
    expect(d.enumAdded).toEqual([{ path: 'Visible.Clothing.gender', values: ['Non-binary'] }]);
    expect(d.enumRemoved).toEqual([{ path: 'Visible.Clothing.gender', values: ['Male'] }]);
    expect(d.limits).toEqual(
      expect.arrayContaining([
        { path: 'Visible.Clothing.shortDescription', keyword: 'maxLength', from: '4000', to: '2000' },
        { path: 'Visible.Clothing.msrp', keyword: 'minimum', from: '0', to: '1' },
      ]),
    );
    expect(d.limits).toHaveLength(2);
  });

  it('reads the reverse direction as the opposite change', async () => {
    const d = diffProductType('Clothing', await modifiedClothing(), await clothing43());
    expect(d.added).toEqual([{ path: 'Visible.Clothing.collarType', required: false }]);
    expect(d.removed).toEqual(['Visible.Clothing.newAttr']);
    expect(d.noLongerRequired).toEqual(['Visible.Clothing.gender']);
  });

  it('prints one line per change', async () => {
    const text = formatDiff({
      feedType: 'MP_ITEM',
      from: '4.3',
      to: '4.4',
      productTypes: [diffProductType('Clothing', await clothing43(), await modifiedClothing())],
      onlyInFrom: ['Toys'],
      onlyInTo: [],
    });
    expect(text).toContain('MP_ITEM 4.3 -> 4.4');
    expect(text).toContain('  + Visible.Clothing.newAttr  (required)');
    expect(text).toContain('  - Visible.Clothing.collarType');
    expect(text).toContain('  ! Visible.Clothing.gender is now required');
    expect(text).toContain('  ! Visible.Clothing.gender: values removed "Male"');
    expect(text).toContain('  ~ Visible.Clothing.shortDescription: maxLength 4000 -> 2000');
    expect(text).toContain('Only in 4.3: Toys');
  });

  it('keeps a lossless literal as written', () => {
    const big = '1' + '0'.repeat(400);
    const spec = parseSpecJson(`{"properties":{"MPItem":{"type":"array","items":{"properties":{"n":{"type":"number","maximum":${big}}}}}}}`) as SchemaObject;
    expect(attributesOf(spec).get('n')?.limits.maximum).toBe(big);
  });
});
