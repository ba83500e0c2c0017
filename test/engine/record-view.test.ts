// The generated attribute readers must answer exactly as valueAt (own properties only) on every kind of object an
// item can hold, including names Object.prototype has, inherited values, arrays, null-prototype objects, and an
// Object.prototype polluted after the reader was made (its fast path reads the property before testing it is own).
import { afterEach, describe, expect, it } from 'vitest';
import { indexAttributes, valueAt } from '../../src/compile/attributes.js';
import { AttributeReaders, readerAt, readersFor } from '../../src/engine/record-view.js';
import type { SchemaObject } from '../../src/spec/schema-walk.js';

const NAMES = ['a', 'b', 'sku', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'length', '0', 'polluted'];

function nullProto(props: Record<string, unknown>): object {
  return Object.assign(Object.create(null) as object, props);
}

/** Primitives, and empty and small arrays and objects. */
function leaves(): unknown[] {
  return [undefined, null, 0, 1, '', 'x', false, true, [], {}, ['a', 'b']];
}

/** Objects from JSON with names Object.prototype has, and an own "__proto__". */
function awkwardJson(): unknown[] {
  return [JSON.parse('{"a": {"b": "ab"}, "sku": "S-1", "constructor": "c", "toString": {"a": 1}}'), JSON.parse('{"__proto__": {"a": "own proto"}, "b": {"__proto__": "x"}}')];
}

/** Values a step can meet: plain objects from JSON (with awkward names too), inherited values, arrays, primitives. */
function corpus(): unknown[] {
  const objects: unknown[] = [
    ...awkwardJson(),
    JSON.parse('{"a": null, "b": {"a": [1, 2]}, "hasOwnProperty": "h", "valueOf": {"b": 0}}'),
    { a: undefined, b: { a: undefined } },
    Object.create({ a: 'inherited', sku: 'inherited sku' }) as unknown,
    Object.assign(Object.create({ b: { a: 'inherited' } }) as object, { a: { b: 'own' } }),
    nullProto({ a: nullProto({ b: 'null proto' }), constructor: 'c' }),
    ['x', { a: 'in array' }],
    Object.assign(['y'], { a: { b: 'array prop' } }),
    new Map([['a', 1]]),
    'text',
    5,
  ];
  const nested = objects.map((o) => ({ a: o, b: { a: o, sku: o }, sku: o, constructor: o, 0: o }));
  return [...leaves(), ...objects, ...nested];
}

function paths(): string[][] {
  const out: string[][] = [];
  for (const x of NAMES) {
    out.push([x]);
    for (const y of NAMES) out.push([x, y]);
  }
  out.push(['a', 'b', 'a'], ['b', 'a', 'b'], ['sku', 'a', 'b'], ['0', 'a', 'b']);
  return out;
}

/** Every path's reader (`plain`: readerAt's readers for plain data) against valueAt on each item; returns the count. */
function expectSameAsValueAt(items: readonly unknown[] = corpus(), plain = false): number {
  let compared = 0;
  const readers = paths().map((p) => [p, readerAt(p, plain)] as const);
  for (const item of items) {
    for (const [p, read] of readers) {
      // Twice: the second call runs on what the first taught the reader's inline caches.
      expect(read(item), `${p.join('.')} of ${JSON.stringify(item) ?? String(item)}`).toBe(valueAt(item, p));
      expect(read(item)).toBe(valueAt(item, p));
      compared++;
    }
  }
  return compared;
}

describe('readerAt', () => {
  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>).polluted;
    delete (Object.prototype as Record<string, unknown>).sku;
  });

  it('reads as valueAt: own properties only, undefined where a step is not an object', () => {
    expect(expectSameAsValueAt()).toBeGreaterThan(4000);
  });

  it('reads as valueAt after readers are hot, many times over', () => {
    const read = readerAt(['a', 'b']);
    const own = JSON.parse('{"a": {"b": "ab"}}') as unknown;
    const inherited = { a: Object.create({ b: 'inherited' }) as unknown };
    for (let i = 0; i < 20000; i++) {
      expect(read(own)).toBe('ab');
      if (i % 100 === 0) expect(read(inherited)).toBeUndefined();
    }
  });

  it('does not read an inherited value when Object.prototype is polluted after the reader was made', () => {
    const readSku = readerAt(['a', 'sku']);
    const readPolluted = readerAt(['polluted']);
    const item = JSON.parse('{"a": {"b": 1}}') as unknown;
    for (let i = 0; i < 5000; i++) expect(readSku(item)).toBeUndefined();
    Object.defineProperty(Object.prototype, 'sku', { value: 'polluted sku', configurable: true, writable: true, enumerable: false });
    Object.defineProperty(Object.prototype, 'polluted', { value: { sku: 'deep' }, configurable: true, writable: true, enumerable: false });
    expect((item as { a: { sku?: unknown } }).a.sku).toBe('polluted sku');
    expect(readSku(item)).toBeUndefined();
    expect(readPolluted(item)).toBeUndefined();
    expect(readSku(JSON.parse('{"a": {"sku": "own"}}'))).toBe('own');
    expect(expectSameAsValueAt()).toBeGreaterThan(4000);
  });
});

describe('AttributeReaders.readerOf', () => {
  const attrs = indexAttributes({
    type: 'object',
    properties: { Orderable: { type: 'object', properties: { sku: { type: 'string' } } }, Visible: { type: 'object', properties: { Clothing: { type: 'object', properties: { color: { type: 'string' } } } } } },
  });

  it('gives one reader per defined attribute, the same one each time, and undefined for names the spec does not define', () => {
    const readers = new AttributeReaders(attrs);
    const sku = readers.readerOf('sku');
    expect(sku).toBeDefined();
    expect(readers.readerOf('sku')).toBe(sku);
    expect(sku?.({ Orderable: { sku: 'S-1' } })).toBe('S-1');
    expect(readers.readerOf('color')?.({ Visible: { Clothing: { color: 'Red' } } })).toBe('Red');
    // Twice each: the second answer comes from what the first remembered. Names Object.prototype has are not attributes.
    for (const name of ['missing', 'missing', 'constructor', 'constructor', '__proto__', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(readers.readerOf(name), name).toBeUndefined();
    }
  });

  it('reads an attribute named as an Object.prototype member when the spec defines one', () => {
    // From JSON: in an object literal, `__proto__:` would set the prototype, not name a property.
    const odd = indexAttributes(JSON.parse('{"type": "object", "properties": {"Orderable": {"type": "object", "properties": {"constructor": {"type": "string"}, "__proto__": {"type": "string"}}}}}') as SchemaObject);
    const readers = new AttributeReaders(odd);
    for (let i = 0; i < 2; i++) {
      expect(readers.readerOf('constructor')?.(JSON.parse('{"Orderable": {"constructor": "c"}}'))).toBe('c');
      expect(readers.readerOf('__proto__')?.(JSON.parse('{"Orderable": {"__proto__": "p"}}'))).toBe('p');
    }
  });
});

describe('readerAt for plain data (Validator.plainItems)', () => {
  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>).polluted;
    delete (Object.prototype as Record<string, unknown>).sku;
    delete (Array.prototype as unknown as Record<string, unknown>).a;
  });

  /** As the sheet mapper makes an own "__proto__" (sheet-items.ts define()). */
  function ownProto(value: unknown): object {
    const o = {};
    Object.defineProperty(o, '__proto__', { value, writable: true, enumerable: true, configurable: true });
    return o;
  }

  /** What JSON.parse and this package's sources make: plain objects, arrays, null-prototype objects, primitives. */
  function plainCorpus(): unknown[] {
    const objects: unknown[] = [
      ...awkwardJson(),
      JSON.parse('{"a": null, "b": {"a": [1, 2]}, "hasOwnProperty": "h", "valueOf": {"b": 0}, "length": 3, "0": {"a": 0}}'),
      JSON.parse('[{"a": "in array"}, ["x"], {"b": {"a": "deep"}}]'),
      { a: undefined, b: { a: undefined } },
      { a: ownProto({ b: 'under own __proto__' }), __x: 1 },
      ownProto('own __proto__ text'),
      nullProto({ a: nullProto({ b: 'null proto' }), constructor: 'c', sku: ['s'] }),
      'text',
      5,
    ];
    const nested = objects.map((o) => ({ a: o, b: { a: o, sku: o }, sku: o, constructor: o, 0: o, __proto__x: [o] }));
    return [...leaves(), ...objects, ...nested, nested];
  }

  it('reads as valueAt on every kind of plain value, with names Object.prototype and Array.prototype have', () => {
    expect(expectSameAsValueAt(plainCorpus(), true)).toBeGreaterThan(4000);
  });

  it('does not read an inherited value when Object.prototype or Array.prototype is polluted after the reader was made', () => {
    const readSku = readerAt(['a', 'sku'], true);
    const readArrayA = readerAt(['b', 'a'], true);
    const item = JSON.parse('{"a": {"b": 1}, "b": [1, 2]}') as unknown;
    for (let i = 0; i < 5000; i++) {
      expect(readSku(item)).toBeUndefined();
      expect(readArrayA(item)).toBeUndefined();
    }
    Object.defineProperty(Object.prototype, 'sku', { value: 'polluted sku', configurable: true, writable: true, enumerable: false });
    Object.defineProperty(Object.prototype, 'polluted', { value: { sku: 'deep' }, configurable: true, writable: true, enumerable: false });
    Object.defineProperty(Array.prototype, 'a', { value: 'polluted array', configurable: true, writable: true, enumerable: false });
    expect((item as { b: { a?: unknown } }).b.a).toBe('polluted array');
    expect(readSku(item)).toBeUndefined();
    expect(readArrayA(item)).toBeUndefined();
    expect(readerAt(['polluted'], true)(item)).toBeUndefined();
    expect(readSku(JSON.parse('{"a": {"sku": "own"}}'))).toBe('own');
    expect(expectSameAsValueAt(plainCorpus(), true)).toBeGreaterThan(4000);
  });

  it('gives AttributeReaders of their own, shared per compiled spec as the general ones are', () => {
    const attrs = indexAttributes({ type: 'object', properties: { Orderable: { type: 'object', properties: { sku: { type: 'string' } } } } });
    const general = readersFor(attrs);
    const plain = readersFor(attrs, true);
    expect(plain).not.toBe(general);
    expect(readersFor(attrs, true)).toBe(plain);
    expect(readersFor(attrs)).toBe(general);
    expect([general.plain, plain.plain]).toEqual([false, true]);
    expect(plain.readerOf('sku')?.(JSON.parse('{"Orderable": {"sku": "S-1"}}'))).toBe('S-1');
    expect(plain.readerOf('sku')).not.toBe(general.readerOf('sku'));
  });
});
