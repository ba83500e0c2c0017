// A JSON feed read item by item must give what the whole document's JSON.parse gives: the same header and items
// for every document, and for a document that is not JSON (or not a feed) the same error, whichever way it is read.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { feedFromJson, readFeedFile } from '../../src/sources/json-file.js';
import { streamJsonFeed } from '../../src/sources/json-feed.js';
import { tempDir } from '../helpers/temp-cache.js';

type Outcome = { header: unknown; hasHeader: boolean; items: unknown[] } | { error: string };

/** What reading the file gives: header and items, or the error's message (thrown at once or while iterating). */
async function read(file: string): Promise<Outcome> {
  try {
    const source = await readFeedFile(file);
    const items: unknown[] = [];
    for await (const item of source.items) items.push(item.data);
    return { header: source.header, hasHeader: source.hasHeader, items };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** The reference: the whole document parsed at once, as the reader did before it read item by item. */
function reference(file: string, text: string): Outcome {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { error: `${file} is not valid JSON: ${(e as Error).message}` };
  }
  try {
    const source = feedFromJson(json);
    return { header: source.header, hasHeader: source.hasHeader, items: [...(source.items as Iterable<{ data: unknown }>)].map((i) => i.data) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

function fileWith(text: string | Buffer): string {
  const file = join(tempDir(), 'feed.json');
  writeFileSync(file, text);
  return file;
}

const VALID = [
  '{"MPItemFeedHeader":{"version":"1.3"},"MPItem":[{"a":1},{"b":[2,{"c":"}]"}]}]}',
  ' \r\n\t{ "MPItem" : [ { "a" : 1 } , { "b" : 2 } ] , "MPItemFeedHeader" : { "version" : "1.3" } } \n',
  '\uFEFF{"MPItem":[{"sku":"A\\"B\\\\","x":"[{\\\\\\""}]}',
  '{"MPItem":[]}',
  '[]',
  '[{"a":1}, 2, "three", true, false, null, -1.5e3, [4], {}]',
  '{"records":[{"a":"é€👕"},{"b":"\\u00e9\\ud83d\\udc55"}]}',
  '{"SupplierItemFeedHeader":{"x":1},"SupplierItem":[{"a":1}]}',
  // A repeated key holds its last value; the first must still be JSON.
  '{"MPItem":[{"old":1}],"MPItemFeedHeader":{"v":1},"MPItem":[{"new":2}],"MPItemFeedHeader":{"v":2}}',
  // The first item key in order of preference wins; the others are only checked.
  '{"records":[{"r":1}],"MPItem":[{"m":1}],"extra":{"deep":[[[[{"x":"]]]"}]]]]},"n":null}',
  '{"MPItem":[{"a":1}],"__proto__":{"polluted":true}}',
  '{"MPItem":[{"__proto__":{"polluted":true},"constructor":1}]}',
  '{"MPItem":[{"a":"\\\\"},{"b":"\\\\\\\\\\""}]}',
];

const INVALID = [
  '{"MPItem":[{"a":1},]}',
  '{"MPItem":[{"a":1} {"b":2}]}',
  '{"MPItem":[{"a":1},{"b":bad}]}',
  '{"MPItem":[{"a":1},{"b":2]]}',
  '{"MPItem":[{"a":1},{"b":"\\x"}]}',
  '{"MPItem":[{"a":1},{"b":"unterminated}]}',
  '{"MPItem":[{"a":1}]} trailing',
  '{"MPItem":[{"a":1}]}}',
  '{"MPItem":[{"a":1}],}',
  '{"MPItem" [{"a":1}]}',
  "{'MPItem':[]}",
  '{"MPItem":[{"a":1}],"x":[1,2,}',
  '{"MPItem":[{"a":01}]}',
  '{"MPItem":[tru]}',
  '{"MPItem":[{"a":1}],"MPItem":[oops],"MPItem":[{"b":2}]}',
  '{"MPItem":[{"a":"tab\there"}]}',
  '{"MPItemFeedHeader":5,"MPItem":[{"a":1}]}',
  '{"MPItemFeedHeader":{"v":1},"MPItem":{"a":1}}',
  '{"MPItemFeedHeader":{"v":1}}',
  '{}',
  '"just a string"',
  '42',
  '[{"a":1}',
  '[1 2]',
  '{"MPItem":[{"a":1}],"MPItemFeedHeader":{"v":}}',
];

describe('readFeedFile, a JSON document read item by item', () => {
  it.each(VALID)('gives the whole parse\'s header and items: %s', async (text) => {
    const file = fileWith(text);
    const got = await read(file);
    expect(got).toEqual(reference(file, text));
    expect('error' in got).toBe(false);
    // …and it was read item by item, not by the whole-document fallback.
    expect(streamJsonFeed(Buffer.from(text), () => new Error('unused'))).toBeDefined();
  });

  it.each(INVALID)('gives the whole parse\'s error: %s', async (text) => {
    const file = fileWith(text);
    const got = await read(file);
    expect(got).toEqual(reference(file, text));
    expect('error' in got).toBe(true);
  });

  it('reads UTF-8 and a bad byte as the whole parse does', async () => {
    const bytes = Buffer.concat([Buffer.from('{"MPItem":[{"a":"Größe"},{"b":"'), Buffer.from([0xff, 0xc3]), Buffer.from('"}]}')]);
    const file = fileWith(bytes);
    expect(await read(file)).toEqual(reference(file, bytes.toString('utf8')));
  });

  it('reads deeply nested items and members without recursion, as the whole parse does', async () => {
    const nested = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);
    const deep = nested(1_000);
    for (const text of [`{"MPItem":[${deep},{"a":1}],"other":${deep}}`, `[${deep}]`, `{"MPItem":[${deep.slice(1)}]}`]) {
      const file = fileWith(text);
      expect(await read(file)).toEqual(reference(file, text));
    }
    // A million levels: read without a stack overflow (compared by walking it, as toEqual would recurse).
    const got = await read(fileWith(`{"MPItem":[${nested(1_000_000)},{"a":1}],"other":${nested(1_000_000)}}`));
    expect('items' in got && got.items.length).toBe(2);
    let depth = 0;
    let v: unknown = 'items' in got ? got.items[0] : undefined;
    for (; Array.isArray(v); v = (v as unknown[])[0]) depth++;
    expect(depth).toBe(1_000_000);
  });

  it('parses an item only when it is reached, so a bad item late in the feed fails there', () => {
    let error = 0;
    const source = streamJsonFeed(Buffer.from('{"MPItem":[{"a":1},{"b":nope}]}'), () => new Error(`whole ${String(++error)}`));
    expect(source).toBeDefined();
    const it = (source?.items as Iterable<{ data: unknown }>)[Symbol.iterator]();
    expect(it.next().value).toEqual({ data: { a: 1 } });
    expect(error).toBe(0);
    expect(() => it.next()).toThrow('whole 1');
  });

  it('agrees with the whole parse on spoilt copies of a real feed', async () => {
    const text = '{"MPItemFeedHeader":{"version":"1.3","sellingChannel":"marketplace"},"MPItem":[{"Orderable":{"sku":"A-1","price":19.99,"productIdentifiers":{"productIdType":"GTIN","productId":"00812345100037"}},"Visible":{"Clothing":{"color":["Black"],"keyFeatures":["a \\"quoted\\" [word]","back\\\\slash"]}}},{"Orderable":{"sku":"B-2"},"Visible":{"Clothing":{}}}]}';
    // Each copy drops, doubles or swaps one byte: most are not JSON, a few still are.
    const copies: string[] = [];
    for (let i = 0; i < text.length; i += 3) {
      copies.push(text.slice(0, i) + text.slice(i + 1), text.slice(0, i) + text.charAt(i) + text.slice(i), text.slice(0, i) + (text.charAt(i) === '"' ? '{' : '"') + text.slice(i + 1));
    }
    for (const copy of copies) {
      const file = fileWith(copy);
      expect(await read(file), copy).toEqual(reference(file, copy));
    }
  });
});
