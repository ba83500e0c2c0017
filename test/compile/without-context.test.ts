// The valid-only module's functions take the data alone and answer true without storing their (null) errors, where
// nothing in the code reads a context; answers stay the full validator's, a failure's errors are still stored.
import { describe, expect, it } from 'vitest';
import { invalidItems, validItems } from '../../bench/data.js';
import { Compiler } from '../../src/compile/compiler.js';
import { splitAttributes } from '../../src/compile/split-refs.js';
import { SpecStore } from '../../src/spec/store.js';
import { feedSpec, tempCacheWith } from '../helpers/temp-cache.js';

const codegen = await import('../../src/compile/codegen.js');

describe('the valid-only module without contexts', () => {
  it('declares every function of MP_ITEM 4.3 Clothing with the data alone, and answers as the full validator', async () => {
    const store = new SpecStore();
    const entry = await store.resolve({ feedType: 'MP_ITEM', version: '4.3', productType: 'Clothing' });
    const spec = await new Compiler(store, { diskCache: false }).get(entry!);
    const fast = codegen.generateFast(entry!, splitAttributes(spec.itemSchema).schema, undefined);
    expect(fast).not.toMatch(/instancePath|rootData|parentData/);
    expect(fast.match(/function validate\d+\(data\)/g)?.length).toBeGreaterThan(100);
    expect(fast).not.toMatch(/\.errors = vErrors;return errors === 0;/);
    for (const record of validItems(200, 5)) expect(spec.isValidItem(record)).toBe(true);
    for (const { item } of invalidItems(200, 6)) expect(spec.isValidItem(item)).toBe(spec.validateItem(item));
  });

  it('leaves code that reads a context as Ajv wrote it', () => {
    const code = 'function validate1(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;const e = {instancePath};validate1.errors = vErrors;return errors === 0;}';
    expect(codegen.withoutContext(code)).toBe(code);
  });

  it('keeps the errors a failure stores: the last return stores them when there are some', () => {
    const code = 'function validate1(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;validate1.errors = vErrors;return errors === 0;}';
    const out = codegen.withoutContext(code);
    expect(out).toBe('function validate1(data){let vErrors = null;let errors = 0;if(errors === 0){return true;}validate1.errors = vErrors;return false;}');
  });

  it('answers as the full validator on a schema that refers to its root', async () => {
    const item = { type: 'object', properties: { n: { type: 'number' }, child: { $ref: '#' } }, additionalProperties: false };
    const { store, entries } = await tempCacheWith(feedSpec(item));
    const spec = await new Compiler(store, { diskCache: false }).get(entries[0]!);
    const data = [{ n: 1 }, { child: { n: 2 } }, { child: { n: 'x' } }, { child: { child: { other: 1 } } }, { n: 'y' }];
    expect(data.map((d) => spec.isValidItem(d))).toEqual(data.map((d) => spec.validateItem(d)));
    expect(data.map((d) => spec.isValidItem(d))).toEqual([true, true, false, false, false]);
  });
});
