// The valid-only module's code leaves out the schema constants no code reads, keeps the ones that are read (a long
// enum, a const), and the full validator's code is untouched.
import { describe, expect, it } from 'vitest';
import { Compiler } from '../../src/compile/compiler.js';
import { splitAttributes } from '../../src/compile/split-refs.js';
import type { SchemaObject } from '../../src/spec/schema-walk.js';
import { SpecStore } from '../../src/spec/store.js';
import { invalidItems, validItems } from '../../bench/data.js';
import { feedSpec, tempCacheWith } from '../helpers/temp-cache.js';

const codegen = await import('../../src/compile/codegen.js');

/** The names of the schema constants a piece of standalone code declares. */
function declared(code: string): string[] {
  return [...code.matchAll(/const (schema\d+) = /g)].map((m) => m[1] ?? '');
}

/** Every declared constant is read somewhere outside its declaration. */
function allRead(code: string): boolean {
  return declared(code).every((name) => (code.match(new RegExp(`\\b${name}\\b`, 'g')) ?? []).length > 1);
}

async function clothing(): Promise<{ entry: Awaited<ReturnType<SpecStore['resolve']>>; item: SchemaObject }> {
  const store = new SpecStore();
  const entry = await store.resolve({ feedType: 'MP_ITEM', version: '4.3', productType: 'Clothing' });
  const spec = await new Compiler(store, { diskCache: false }).get(entry!);
  return { entry, item: splitAttributes(spec.itemSchema).schema };
}

describe('the valid-only module\'s schema constants', () => {
  it('leaves out every constant no code reads on MP_ITEM 4.3 Clothing, and answers as the full validator', async () => {
    const { entry, item } = await clothing();
    const fast = codegen.generateFast(entry!, item, undefined);
    expect(declared(fast)).toEqual([]);
    const store = new SpecStore();
    const spec = await new Compiler(store, { diskCache: false }).get(entry!);
    for (const record of validItems(100, 3)) expect(spec.isValidItem(record)).toBe(true);
    for (const { item: record } of invalidItems(100, 4)) expect(spec.isValidItem(record)).toBe(spec.validateItem(record));
  });

  it('keeps the constants code reads: a long enum (checked in a loop over the schema\'s own list), an object const', async () => {
    const long = Array.from({ length: 300 }, (_, i) => `v${i}`);
    const schema = { type: 'object', properties: { size: { type: 'string', enum: long }, fixed: { const: { a: [1, 2] } }, plain: { type: 'string', maxLength: 3 } } };
    const { store, entries } = await tempCacheWith(feedSpec(schema));
    const spec = await new Compiler(store, { diskCache: false }).get(entries[0]!);
    const item = splitAttributes(spec.itemSchema).schema;
    const fast = codegen.generateFast(entries[0]!, item, undefined);
    expect(declared(fast).length).toBeGreaterThan(0);
    expect(allRead(fast)).toBe(true);
    expect(spec.isValidItem({ size: 'v299', fixed: { a: [1, 2] } })).toBe(true);
    expect(spec.isValidItem({ size: 'v300' })).toBe(false);
    expect(spec.isValidItem({ fixed: { a: [2, 1] } })).toBe(false);
  });

  it('changes nothing in the full validator\'s code', async () => {
    const { entry, item } = await clothing();
    const full = codegen.generateFull(entry!, item);
    expect(declared(full).length).toBeGreaterThan(100);
    expect(allRead(full)).toBe(true);
  });

  it('returns code whose declarations it cannot find unchanged', async () => {
    const { createAjv } = await import('../../src/compile/ajv.js');
    const ajv = createAjv('valid-only');
    ajv.addSchema({ type: 'object', properties: { a: { type: 'string' } } }, 'item');
    ajv.getSchema('item');
    expect(codegen.withoutUnusedSchemas('"use strict";const other = 1;', ajv)).toBe('"use strict";const other = 1;');
  });
});
