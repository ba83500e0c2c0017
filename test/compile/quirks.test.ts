// The real specs' quirks, each measured on Walmart's files, compiled through the real pipeline.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Compiler } from '../../src/compile/compiler.js';
import { SpecError } from '../../src/core/errors.js';
import { ITEM_SPECS } from '../helpers/paths.js';
import { feedSpec, tempCacheWith } from '../helpers/temp-cache.js';

async function compileItem(item: object, draft: '04' | '07' = '07', text?: string) {
  const { store, entries } = await tempCacheWith(text ?? feedSpec(item, draft));
  return new Compiler(store, { diskCache: false }).get(entries[0]!);
}

const obj = (props: object) => ({ type: 'object', properties: props });

describe('compiler quirks of the real specs', () => {
  it('draft-04 boolean exclusiveMaximum/exclusiveMinimum mean what draft-04 says', async () => {
    const s = await compileItem(obj({ n: { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 10, exclusiveMaximum: true }, m: { type: 'number', maximum: 5, exclusiveMaximum: false } }), '04');
    expect(s.validateItem({ n: 9.99 })).toBe(true);
    expect(s.validateItem({ n: 10 })).toBe(false);
    expect(s.validateItem({ n: 0 })).toBe(false);
    expect(s.validateItem({ m: 5 })).toBe(true);
  });

  it('a 401-digit maximum neither breaks compilation nor rejects valid values', async () => {
    const huge = '1' + '0'.repeat(400);
    const text = feedSpec(obj({ q: { type: 'integer', minimum: 1, maximum: 0 } }), '04').replace('"maximum":0', `"maximum":${huge}`);
    const s = await compileItem({}, '04', text);
    expect(s.validateItem({ q: 1 })).toBe(true);
    expect(s.validateItem({ q: 1e300 })).toBe(true);
    expect(s.validateItem({ q: 0 })).toBe(false);
    expect(s.notes.some((n) => n.change === 'dropped-infinite-bound')).toBe(true);
  });

  it('the stored entry keeps the 401- and 1,001-digit literals byte for byte', async () => {
    const text = readFileSync(`${ITEM_SPECS}v4/MP_ITEM_SPEC_4.3.json`, 'utf8');
    const long = [...text.matchAll(/"maximum":\s*(\d{400,})/g)].map((m) => m[1]!.length);
    expect(new Set(long)).toEqual(new Set([401, 1001]));
    const { store, entries } = await tempCacheWith(text, 'MP_ITEM', '4.3');
    const stored = await Promise.all(entries.map((e) => store.readVerified(e)));
    const kept = stored.flatMap((t) => [...t.matchAll(/"maximum":\s*(\d{400,})/g)].map((m) => m[1]!.length));
    expect(new Set(kept)).toEqual(new Set([401, 1001]));
  });

  it('integers above 2^53 in bounds and data behave as the doubles JSON.parse makes of them', async () => {
    // Literals written as text: this is how they arrive, in the spec and in a feed.
    const text = feedSpec(obj({ big: { type: 'integer', minimum: 0, maximum: 0 } }), '04').replace('"maximum":0', '"maximum":99999999999999999');
    const s = await compileItem({}, '04', text);
    expect(s.validateItem(JSON.parse('{"big": 9007199254740993}'))).toBe(true);
    expect(s.validateItem(JSON.parse('{"big": 1000000000000000000}'))).toBe(false);
  });

  it.each([19.99, 0.07, 0.01, 12345678.99, 99999999999.99])('multipleOf 0.01 accepts %s', async (price) => {
    const s = await compileItem(obj({ price: { type: 'number', multipleOf: 0.01 } }));
    expect(s.validateItem({ price })).toBe(true);
  });

  it.each([0.001, 1.005, 2.999])('multipleOf 0.001 accepts %s', async (w) => {
    const s = await compileItem(obj({ w: { type: 'number', multipleOf: 0.001 } }));
    expect(s.validateItem({ w })).toBe(true);
  });

  it.each([19.999, 0.001, 12345678.991])('multipleOf 0.01 rejects %s', async (price) => {
    const s = await compileItem(obj({ price: { type: 'number', multipleOf: 0.01 } }));
    expect(s.validateItem({ price })).toBe(false);
  });

  it('accepts every two-decimal price from 0.01 to 99.99', async () => {
    const s = await compileItem(obj({ price: { type: 'number', multipleOf: 0.01 } }));
    const rejected: number[] = [];
    for (let c = 1; c <= 9999; c++) {
      const price = Number((c / 100).toFixed(2));
      if (!s.validateItem({ price })) rejected.push(price);
    }
    expect(rejected).toEqual([]);
  });

  it('$schema repeated in subschemas and the v5 comments keyword compile', async () => {
    const $schema = 'http://json-schema.org/draft-07/schema#';
    const s = await compileItem(obj({ a: { $schema, type: 'object', comments: '@group=Headers', properties: { b: { type: 'string', comments: '@group=x', examples: ['y'] } } } }));
    expect(s.validateItem({ a: { b: 'z' } })).toBe(true);
  });

  it('an unknown keyword is a loud error that names it', async () => {
    const err = await compileItem(obj({ a: { type: 'string', walmartMagic: true } })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SpecError);
    expect(err).toMatchObject({ code: 'SPEC_UNSUPPORTED_KEYWORD' });
    expect((err as Error).message).toContain('"walmartMagic"');
  });

  it('an unknown format is a loud error too', async () => {
    const err = await compileItem(obj({ a: { type: 'string', format: 'walmart-sku' } })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SpecError);
    expect((err as Error).message).toContain('walmart-sku');
  });
});

describe('compiled-code cache', () => {
  it('a warm start loads compiled code from disk and compiles nothing', async () => {
    const { store, entries } = await tempCacheWith(feedSpec(obj({ a: { type: 'string', maxLength: 3 } })));
    const cold = await new Compiler(store).get(entries[0]!);
    expect(cold.origin).toBe('compiled');
    const warm = await new Compiler(store).get(entries[0]!);
    expect(warm.origin).toBe('disk');
    expect(warm.validateItem({ a: 'abcd' })).toBe(false);
    expect(warm.validateItem({ a: 'abc' })).toBe(true);
  });

  it('a tampered compiled file is ignored and recompiled, never run', async () => {
    const { readdirSync, writeFileSync, readFileSync: read } = await import('node:fs');
    const { store, entries } = await tempCacheWith(feedSpec(obj({ a: { type: 'string' } })));
    await new Compiler(store).get(entries[0]!);
    const dir = `${store.dir}/.compiled`;
    const file = `${dir}/${readdirSync(dir)[0]!}`;
    writeFileSync(file, read(file, 'utf8').replace('return', 'throw new Error("tampered");return'));
    const again = await new Compiler(store).get(entries[0]!);
    expect(again.origin).toBe('compiled');
    expect(again.validateItem({ a: 'x' })).toBe(true);
  });

  it('keeps compiled specs in memory: the same entry compiles once', async () => {
    const { store, entries } = await tempCacheWith(feedSpec(obj({ a: { type: 'string' } })));
    const c = new Compiler(store, { diskCache: false });
    const [a, b] = await Promise.all([c.get(entries[0]!), c.get(entries[0]!)]);
    expect(a).toBe(b);
  });
});
