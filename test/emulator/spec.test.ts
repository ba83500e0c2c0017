// Get Spec and taxonomy, served from the schemas-cache: product types merged into one feed schema,
// 207 for partly unknown types, Walmart's limits, and huge number literals kept exact.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../src/emulator/index.js';
import { parseSpecJson } from '../../src/spec/lossless-json.js';
import { REPO } from '../helpers/paths.js';
import { call, emulator, token } from './helpers.js';

type Schema = Record<string, unknown> & { properties: Record<string, Schema>; items: Schema };

async function getSpec(emu: Emulator, tok: string, body: unknown): Promise<{ status: number; text: string; json: unknown }> {
  return call(emu, 'POST', '/v3/items/spec', { token: tok, headers: { 'WM_SVC.NAME': 'supplier' }, contentType: 'application/json', body: JSON.stringify(body) });
}

function visibleOf(spec: Schema): Schema {
  return spec.properties.MPItem?.items.properties.Visible as Schema;
}

describe('POST /v3/items/spec', () => {
  it('merges the requested product types into one feed schema, keeping huge literals exact', async () => {
    const emu = await emulator();
    const tok = await token(emu);
    const r = await getSpec(emu, tok, { feedType: 'MP_ITEM', version: '4.3', productTypes: ['Clothing', 'Computer Components'] });
    expect(r.status).toBe(200);
    const spec = parseSpecJson(r.text) as Schema;
    const visible = visibleOf(spec);
    expect(Object.keys(visible.properties)).toEqual(['Clothing', 'Computer Components']);
    expect(visible.anyOf).toEqual([
      { type: 'object', required: ['Clothing'] },
      { type: 'object', required: ['Computer Components'] },
    ]);
    expect(visible.required).toBeUndefined();
    expect(spec.properties.MPItemFeedHeader).toBeDefined();
    // A 41-digit maximum in Computer Components would be Infinity through JSON.parse/stringify.
    expect(r.text).toContain('10000000000000000000000000000000000000000');
  });

  it('serves one product type exactly as cached', async () => {
    const emu = await emulator();
    const tok = await token(emu);
    const r = await getSpec(emu, tok, { feedType: 'MP_ITEM', version: '4.3', productTypes: ['Clothing'] });
    expect(r.status).toBe(200);
    expect(parseSpecJson(r.text)).toEqual(parseSpecJson(readFileSync(`${REPO}schemas-cache/MP_ITEM/4.3/clothing.json`, 'utf8')));
  });

  it('answers 207 with errors when some product types are unknown', async () => {
    const emu = await emulator();
    const tok = await token(emu);
    const r = await getSpec(emu, tok, { feedType: 'MP_ITEM', version: '5.0.20261124-00_00_00-synthetic-api', productTypes: ['T-Shirts', 'Carrot'] });
    expect(r.status).toBe(207);
    const spec = parseSpecJson(r.text) as Schema;
    expect(spec.errors).toEqual(['Carrot is not a valid PT for MP_ITEM/5.0.20261124-00_00_00-synthetic']);
    expect(Object.keys(visibleOf(spec).properties)).toEqual(['T-Shirts']);
  });

  it('answers 400 when no product type is known, or more than 20 are asked for, and 404 for an uncached spec', async () => {
    const emu = await emulator();
    const tok = await token(emu);
    const none = await getSpec(emu, tok, { feedType: 'MP_ITEM', version: '4.3', productTypes: ['Carrot', 'Onion'] });
    expect(none.status).toBe(400);
    expect(none.json).toMatchObject({
      error: [
        { code: 'INVALID_REQUEST_CONTENT.GMP_ITEM_SPEC_API', field: 'productTypes', description: 'Carrot is not a valid PT for MP_ITEM/4.3' },
        { description: 'Onion is not a valid PT for MP_ITEM/4.3' },
      ],
    });
    const many = await getSpec(emu, tok, { feedType: 'MP_ITEM', version: '4.3', productTypes: Array.from({ length: 21 }, (_, i) => `PT ${i}`) });
    expect(many.status).toBe(400);
    expect(many.json).toMatchObject({ error: [{ field: 'productTypes', description: expect.stringContaining('at most 20') as unknown }] });
    expect((await getSpec(emu, tok, { feedType: 'MP_ITEM', version: '9.9', productTypes: ['Clothing'] })).status).toBe(404);
    expect((await getSpec(emu, tok, { feedType: 'OMNI_OWNED_ITEM', version: '4.3', productTypes: ['Clothing'] })).status).toBe(404);
    expect((await getSpec(emu, tok, { feedType: 'MP_ITEM', version: '4.3' })).status).toBe(400);
    const malformed = await call(emu, 'POST', '/v3/items/spec', { token: tok, headers: { 'WM_SVC.NAME': 'supplier' }, contentType: 'application/json', body: '{' });
    expect(malformed.json).toMatchObject({ error: [{ code: 'MALFORMED_REQUEST_CONTENT.GMP_ITEM_SPEC_API' }] });
  });

  it('serves a spec that is not split by product type whatever types are named', async () => {
    const emu = await emulator();
    const tok = await token(emu);
    const r = await getSpec(emu, tok, { feedType: 'MP_ITEM_MATCH', version: '4', productTypes: ['Anything'] });
    expect(r.status).toBe(200);
    expect((parseSpecJson(r.text) as Schema).properties.MPItem).toBeDefined();
  });
});

describe('GET /v3/items/taxonomy', () => {
  interface Tree {
    status: string;
    itemTaxonomy: Array<{ category: string; productTypeGroup: Array<{ productTypeGroupName: string; productType: Array<{ productTypeName: string }> }> }>;
  }
  const names = (t: Tree): string[] => t.itemTaxonomy.flatMap((c) => c.productTypeGroup.flatMap((g) => g.productType.map((p) => p.productTypeName)));

  it('builds category -> group -> product type from the cached product types', async () => {
    const emu = await emulator();
    const tok = await token(emu);
    const r = await call(emu, 'GET', '/v3/items/taxonomy?version=4.3', { token: tok });
    expect(r.status).toBe(200);
    const tree = r.json as Tree;
    expect(tree.status).toBe('SUCCESS');
    const cached = (await emu.state.specs.entries()).filter((e) => e.version === '4.3').map((e) => e.productType);
    expect(names(tree).sort()).toEqual([...cached].sort());
    const animals = tree.itemTaxonomy.find((c) => c.category === 'Animals');
    expect(animals?.productTypeGroup).toEqual([
      { productTypeGroupName: 'Animal', productType: ['Animal Accessories', 'Animal Food', 'Animal Health & Grooming', 'Animal Other'].map((productTypeName) => ({ productTypeName })) },
    ]);
    const clothing = tree.itemTaxonomy.find((c) => c.category === 'Clothing, Shoes & Accessories');
    expect(clothing?.productTypeGroup.map((g) => g.productTypeGroupName)).toContain('Clothing');
  });

  it('matches a version prefix, and answers a missing or unknown version with 400/404', async () => {
    const emu = await emulator();
    const tok = await token(emu);
    const v5 = (await call(emu, 'GET', '/v3/items/taxonomy?version=5.0', { token: tok })).json as Tree;
    expect(names(v5)).toEqual(expect.arrayContaining(['T-Shirts', 'Garden Hoses', 'Portable Power Banks']));
    expect((await call(emu, 'GET', '/v3/items/taxonomy', { token: tok })).json).toMatchObject({ error: [{ code: 'MISSING_REQUEST_PARAM.GMP_ITEM_QUERY_API', field: 'version' }] });
    expect((await call(emu, 'GET', '/v3/items/taxonomy?version=3.1', { token: tok })).status).toBe(404);
  });
});
