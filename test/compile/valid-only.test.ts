// The valid-only validator (CompiledSpec.isValidItem) must accept exactly the items the full one accepts: the engine
// asks it first and trusts a yes. Held to the real specs' quirks, references and the benchmark's items.
import { describe, expect, it } from 'vitest';
import { invalidItems, validItems } from '../../bench/data.js';
import { Compiler } from '../../src/compile/compiler.js';
import type { CompiledSpec } from '../../src/compile/compiler.js';
import { splitAttributes } from '../../src/compile/split-refs.js';
import { isSchemaObject } from '../../src/spec/schema-walk.js';
import type { SchemaObject } from '../../src/spec/schema-walk.js';
import { SpecStore } from '../../src/spec/store.js';
import { feedSpec, tempCacheWith } from '../helpers/temp-cache.js';

async function compileItem(item: object, draft: '04' | '07' = '07', text?: string): Promise<CompiledSpec> {
  const { store, entries } = await tempCacheWith(text ?? feedSpec(item, draft));
  return new Compiler(store, { diskCache: false }).get(entries[0]!);
}

/** Both validators give the same answer on every value, and the values include accepted and rejected ones. */
function expectSameAnswers(spec: CompiledSpec, data: readonly unknown[]): void {
  const answers = data.map((d) => {
    const full = spec.validateItem(d);
    expect(spec.isValidItem(d), JSON.stringify(d)).toBe(full);
    return full;
  });
  expect(answers).toContain(true);
  expect(answers).toContain(false);
}

const obj = (props: object, extra: object = {}) => ({ type: 'object', properties: props, ...extra });

describe('valid-only validator', () => {
  it('answers as the full validator on the real specs quirks', async () => {
    const cases: Array<[object, unknown[], '04' | '07']> = [
      [obj({ n: { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 10, exclusiveMaximum: true } }), [{ n: 9.99 }, { n: 10 }, { n: 0 }, { n: 'x' }], '04'],
      [obj({ price: { type: 'number', multipleOf: 0.01 }, w: { type: 'number', multipleOf: 0.001 } }), [{ price: 19.99 }, { price: 0.07 }, { w: 0.001 }, { price: 12345678.991 }, { price: 0.005 }], '07'],
      [obj({ a: { type: 'string', minLength: 2, maxLength: 3 } }), [{ a: 'ab' }, { a: 'abcd' }, { a: 'a' }, { a: '😀😀' }, { a: '😀😀😀😀' }], '07'],
      [obj({ a: { type: 'string', comments: '@group=x', enum: ['y'] } }), [{ a: 'y' }, { a: 'z' }], '07'],
      [obj({ u: { type: 'string', format: 'uri' }, d: { type: 'string', format: 'date-time' } }), [{ u: 'https://a/b.jpg' }, { u: 'not a uri' }, { d: '2026-01-01T00:00:00Z' }, { d: 'soon' }], '07'],
      [
        obj({ kind: { type: 'string' }, extra: { type: 'string' } }, { additionalProperties: false, if: { properties: { kind: { const: 'big' } }, required: ['kind'] }, then: { required: ['extra'] } }),
        [{ kind: 'big', extra: 'x' }, { kind: 'big' }, { kind: 'small' }, { other: 1 }],
        '07',
      ],
    ];
    for (const [item, data, draft] of cases) expectSameAnswers(await compileItem(item, draft), data);
    // Bounds written as text, as Walmart's specs have them: 401 digits (Infinity to JSON.parse), and above 2^53.
    const huge = feedSpec(obj({ q: { type: 'integer', minimum: 1, maximum: 0 } }), '04').replace('"maximum":0', `"maximum":1${'0'.repeat(400)}`);
    expectSameAnswers(await compileItem({}, '04', huge), [{ q: 1 }, { q: 1e300 }, { q: 0 }, { q: 1.5 }]);
    const big = feedSpec(obj({ big: { type: 'integer', minimum: 0, maximum: 0 } }), '04').replace('"maximum":0', '"maximum":99999999999999999');
    expectSameAnswers(await compileItem({}, '04', big), [JSON.parse('{"big": 9007199254740993}'), JSON.parse('{"big": 1000000000000000000}')]);
  });

  it('answers as the full validator where failures are counted, not returned: anyOf, oneOf, not, if (terse failures)', async () => {
    const item = {
      type: 'object',
      definitions: { size: { type: 'string', enum: ['S', 'M'] }, count: { type: 'integer', minimum: 1 } },
      properties: {
        a: { anyOf: [{ $ref: '#/definitions/size' }, { $ref: '#/definitions/count' }] },
        o: { oneOf: [{ $ref: '#/definitions/size' }, { type: 'string', maxLength: 1 }] },
        n: { not: { $ref: '#/definitions/size' } },
        i: { if: { $ref: '#/definitions/count' }, then: { maximum: 5 }, else: { $ref: '#/definitions/size' } },
      },
      required: ['a'],
    };
    expectSameAnswers(await compileItem(item), [
      { a: 'S' }, { a: 2 }, { a: 0 }, { a: 'L' }, {},
      { a: 'S', o: 'M' }, { a: 'S', o: 'S' }, { a: 'S', o: 'X' }, { a: 'S', o: 'XL' },
      { a: 'S', n: 'L' }, { a: 'S', n: 'S' },
      { a: 'S', i: 3 }, { a: 'S', i: 9 }, { a: 'S', i: 'M' }, { a: 'S', i: 'L' }, { a: 'S', i: 0 },
    ]);
  });

  it('builds no error details, where the validator with errors builds them all (terse failures)', async () => {
    const { store, entries } = await tempCacheWith(feedSpec(obj({ a: { type: 'string', enum: ['x'] } }, { required: ['a'] })));
    const spec = await new Compiler(store, { diskCache: false }).get(entries[0]!);
    expect(spec.isValidItem({})).toBe(false);
    expect(spec.validateItem({})).toBe(false);
    expect(spec.validateItem.errors?.[0]).toMatchObject({ keyword: 'required', params: { missingProperty: 'a' } });
    const codegen = await import('../../src/compile/codegen.js');
    const split = splitAttributes(spec.itemSchema).schema;
    const fast = codegen.generateFast(entries[0]!, split, undefined);
    expect(fast).not.toContain('schemaPath');
    expect(fast).toContain('return false');
    expect(codegen.generateFull(entries[0]!, split)).toContain('schemaPath:"#/required"');
  });

  it('follows references as the full validator does: into definitions, and back to the root', async () => {
    const item = {
      type: 'object',
      definitions: { size: { type: 'string', enum: ['S', 'M'] } },
      properties: {
        Orderable: { type: 'object', properties: { size: { $ref: '#/definitions/size' }, sizes: { type: 'array', items: { $ref: '#/definitions/size' } }, child: { $ref: '#' } } },
      },
    };
    expectSameAnswers(await compileItem(item), [
      { Orderable: { size: 'S', sizes: ['M'] } },
      { Orderable: { size: 'L' } },
      { Orderable: { sizes: ['S', 'XL'] } },
      { Orderable: { child: { Orderable: { size: 'M' } } } },
      { Orderable: { child: { Orderable: { size: 'XS' } } } },
    ]);
  });

  it('answers as the full validator on MP_ITEM 4.3 Clothing items, valid and spoilt', async () => {
    const store = new SpecStore();
    const entry = await store.resolve({ feedType: 'MP_ITEM', version: '4.3', productType: 'Clothing' });
    const spec = await new Compiler(store, { diskCache: false }).get(entry!);
    const valid = validItems(200, 5);
    for (const item of valid) expect(spec.isValidItem(item)).toBe(true);
    const spoilt = invalidItems(400, 6).map((x) => x.item);
    expectSameAnswers(spec, [...spoilt, ...valid.slice(0, 5)]);
  });

  it('answers as the full validator on MP_ITEM 4.3 Clothing image URLs: the uri format first test and its fallbacks', async () => {
    const store = new SpecStore();
    const entry = await store.resolve({ feedType: 'MP_ITEM', version: '4.3', productType: 'Clothing' });
    const spec = await new Compiler(store, { diskCache: false }).get(entry!);
    const urls = [
      'https://i5.walmartimages.com/asr/tee-red-l.jpg',
      'https://i5.walmartimages.com/asr/tee-red-l.JPEG',
      'https://i5.walmartimages.com/asr/tee-800x800.jpg',
      'http://i5.walmartimages.com/asr/tee.jpg',
      'https://i5.walmartimages.com/asr/tee.png?w=800#top',
      'https://i5.walmartimages.com/asr/tee%20red.jpg',
      'https://[::1]/a.jpg',
      'urn:isbn:0451450523',
      'https://i5.walmartimages.com/asr/tee red.jpg',
      'not a uri',
      '',
      'https:/a.jpg',
    ];
    const base = validItems(1, 5)[0]!;
    const items = urls.flatMap((url) => {
      const main = structuredClone(base);
      (main.Visible as Record<string, Record<string, unknown>>).Clothing!.mainImageUrl = url;
      const secondary = structuredClone(base);
      (secondary.Visible as Record<string, Record<string, unknown>>).Clothing!.productSecondaryImageURL = ['https://i5.walmartimages.com/asr/b.jpg', url];
      const swatch = structuredClone(base);
      (swatch.Visible as Record<string, Record<string, unknown>>).Clothing!.swatchImages = [{ swatchVariantAttribute: 'color', swatchImageUrl: url }];
      return [main, secondary, swatch];
    });
    expectSameAnswers(spec, items);
    // Asked twice in a row, the second answer may come from the URLs remembered: still the same.
    expectSameAnswers(spec, items);
  });

  it('checks a long list of declared properties as the full validator does (additionalProperties: false over a Set)', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `p${String(i)}`);
    const props = Object.fromEntries(names.map((n) => [n, { type: 'string' }]));
    const cases: Array<[object, unknown[]]> = [
      [obj(props, { additionalProperties: false }), [{ p0: 'a', p11: 'b' }, { p0: 'a', p12: 'x' }, {}, { p3: 1 }, JSON.parse('{"__proto__": "x", "p1": "a"}'), { constructor: 'x' }, { hasOwnProperty: 'x' }, Object.create({ p1: 'a' }) as object, Object.create({ inherited: 'x' }) as object]],
      // Few properties, a schema, patterns, or `true`: Ajv's own code.
      [obj({ a: { type: 'string' } }, { additionalProperties: false }), [{ a: 'x' }, { a: 'x', b: 'y' }]],
      [obj(props, { additionalProperties: { type: 'number' } }), [{ p0: 'a', q: 1 }, { p0: 'a', q: 'x' }]],
      [obj(props, { patternProperties: { '^x-': { type: 'string' } }, additionalProperties: false }), [{ p0: 'a', 'x-1': 'b' }, { p0: 'a', y: 'b' }, { 'x-1': 2 }]],
      [obj(props, { additionalProperties: true }), [{ q: 1 }, { p0: 2 }]],
      // Nested in arrays and blocks, with `__proto__` itself declared.
      [obj({ list: { type: 'array', items: obj({ ...props, ['__proto__']: { type: 'string' } }, { additionalProperties: false }) } }), [{ list: [{ p0: 'a' }] }, { list: [{ p0: 'a' }, JSON.parse('{"__proto__": "x"}')] }, { list: [{ p0: 'a' }, { zz: 1 }] }, { list: [JSON.parse('{"__proto__": 5}')] }]],
    ];
    for (const [item, data] of cases) expectSameAnswers(await compileItem(JSON.parse(JSON.stringify(item)) as object), data);
  });

  it('answers as the full validator on other MP_ITEM 4.3 product types: items made from each schema, then spoilt', async () => {
    const store = new SpecStore();
    const compiler = new Compiler(store, { diskCache: false });
    for (const productType of ['Cell Phones', 'Home Decor, Kitchen, & Other', 'Baby Clothing', 'Footwear', 'Tires', 'Watches']) {
      const entry = await store.resolve({ feedType: 'MP_ITEM', version: '4.3', productType });
      const spec = await compiler.get(entry!);
      expectSameAnswers(spec, itemsFrom(spec.itemSchema, productType));
    }
  });
});

/** A value the schema is likely to accept: the first enum value, a long enough string, the minimum, one array element. */
function sample(s: SchemaObject): unknown {
  if (Array.isArray(s.enum)) return s.enum[0];
  const type = Array.isArray(s.type) ? (s.type[0] as unknown) : s.type;
  if (type === 'object' || isSchemaObject(s.properties)) {
    const props = isSchemaObject(s.properties) ? s.properties : {};
    return Object.fromEntries(Object.entries(props).flatMap(([k, v]) => (isSchemaObject(v) ? [[k, sample(v)]] : [])));
  }
  if (type === 'array') return [isSchemaObject(s.items) ? sample(s.items) : 'x'];
  if (type === 'integer' || type === 'number') return typeof s.minimum === 'number' && Number.isFinite(s.minimum) ? Math.max(s.minimum, 1) : 1;
  if (type === 'boolean') return true;
  if (s.format === 'uri') return 'https://i5.walmartimages.com/asr/a-b.jpg';
  if (s.format === 'date-time') return '2026-11-24T00:00:00Z';
  if (s.format === 'date') return '2026-11-24';
  return 'x'.repeat(typeof s.minLength === 'number' ? Math.max(s.minLength, 1) : 3);
}

/** Items for one product type: each block's required attributes, then each attribute added alone, then spoilt. */
function itemsFrom(item: SchemaObject, productType: string): unknown[] {
  const blocks = (isSchemaObject(item.properties) ? item.properties : {}) as Record<string, SchemaObject>;
  const block = (b: SchemaObject | undefined): SchemaObject | undefined => (b === undefined ? undefined : b);
  const visible = block(blocks.Visible)?.properties as Record<string, SchemaObject> | undefined;
  const typeBlock = visible?.[productType];
  const attrs = (b: SchemaObject | undefined): Array<[string, SchemaObject]> =>
    Object.entries(isSchemaObject(b?.properties) ? b.properties : {}).flatMap(([k, v]) => (isSchemaObject(v) ? [[k, v] as [string, SchemaObject]] : []));
  const required = (b: SchemaObject | undefined): Record<string, unknown> =>
    Object.fromEntries(attrs(b).filter(([k]) => Array.isArray(b?.required) && b.required.includes(k)).map(([k, v]) => [k, sample(v)]));
  const base = () => ({ Orderable: required(blocks.Orderable), Visible: { [productType]: required(typeBlock) } });
  const out: unknown[] = [base()];
  for (const [name, schema] of attrs(typeBlock)) {
    const add = base();
    (add.Visible[productType] as Record<string, unknown>)[name] = sample(schema);
    out.push(add);
    const wrong = base();
    (wrong.Visible[productType] as Record<string, unknown>)[name] = typeof sample(schema) === 'string' ? 12 : 'twelve';
    out.push(wrong);
  }
  for (const [name, schema] of attrs(blocks.Orderable)) {
    const add = base();
    add.Orderable[name] = sample(schema);
    out.push(add);
  }
  const extra = base();
  (extra.Visible[productType] as Record<string, unknown>).notAnAttribute = 'x';
  const missing = base();
  delete (missing.Visible[productType] as Record<string, unknown>)[Object.keys(missing.Visible[productType] as object)[0] ?? ''];
  out.push(extra, missing, { ...base(), Extra: {} });
  return out;
}
