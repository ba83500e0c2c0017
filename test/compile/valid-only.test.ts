// The valid-only validator (CompiledSpec.isValidItem) must accept exactly the items the full one accepts: the engine
// asks it first and trusts a yes. Held to the real specs' quirks, references and the benchmark's items.
import { describe, expect, it } from 'vitest';
import { invalidItems, validItems } from '../../bench/data.js';
import { Compiler } from '../../src/compile/compiler.js';
import type { CompiledSpec } from '../../src/compile/compiler.js';
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
});
