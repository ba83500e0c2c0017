// Reading JSON and JSONL feed files: lines split as readline splits them (\n, \r\n, a lone \r), in chunks of any
// size, with the header line, byte-order mark, blank lines and line numbers in errors.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { LineReader, readFeedFile } from '../../src/sources/json-file.js';
import { tempDir } from '../helpers/temp-cache.js';

function fileWith(content: string | Buffer, name = 'feed.jsonl'): string {
  const file = join(tempDir(), name);
  writeFileSync(file, content);
  return file;
}

function allLines(file: string, chunkBytes?: number): Array<[number, string]> {
  const reader = new LineReader(file, chunkBytes);
  const out: Array<[number, string]> = [];
  for (let line = reader.next(); line !== undefined; line = reader.next()) out.push([reader.lineNo, line]);
  return out;
}

async function itemsOf(file: string): Promise<unknown[]> {
  const source = await readFeedFile(file);
  const out: unknown[] = [];
  for await (const item of source.items) out.push(item.data);
  return out;
}

describe('LineReader', () => {
  const text = 'a\nbb\r\nccc\rdd\r\r\n\n  \né€\nlast';
  const expected: Array<[number, string]> = [[1, 'a'], [2, 'bb'], [3, 'ccc'], [4, 'dd'], [5, ''], [6, ''], [7, '  '], [8, 'é€'], [9, 'last']];

  it('splits on \\n, \\r\\n and a lone \\r, numbering every line', () => {
    expect(allLines(fileWith(text))).toEqual(expected);
  });

  it('gives the same lines whatever the chunk size, even when a chunk cuts a character or a \\r\\n in two', () => {
    for (const chunk of [1, 2, 3, 5, 7, 64]) expect(allLines(fileWith(text), chunk)).toEqual(expected);
  });

  it('a final line break adds no empty line; an empty file has no lines', () => {
    expect(allLines(fileWith('x\ny\n'))).toEqual([[1, 'x'], [2, 'y']]);
    expect(allLines(fileWith('x\r'))).toEqual([[1, 'x']]);
    expect(allLines(fileWith(''))).toEqual([]);
  });

  it('decodes UTF-8 in a chunk that follows all-ASCII chunks, and ASCII after UTF-8, as UTF-8 text', () => {
    // Chunks of 16 bytes: the first are plain ASCII, then characters of 2, 3 and 4 bytes, a bad byte, then ASCII again.
    const lines = ['plain ascii line', 'second plain one', 'Größe • 36–38 €', 'emoji 👕 shirt', 'plain again', 'and more plain text'];
    const bytes = Buffer.concat([Buffer.from(lines.slice(0, 4).join('\n') + '\n'), Buffer.from([0x62, 0x61, 0x64, 0xff, 0x0a]), Buffer.from(lines.slice(4).join('\n'))]);
    const expected = [...lines.slice(0, 4), 'bad\ufffd', ...lines.slice(4)].map((l, i): [number, string] => [i + 1, l]);
    for (const chunk of [16, 17, 64, 4096]) expect(allLines(fileWith(bytes), chunk)).toEqual(expected);
  });

  it('reads a line longer than its chunk whole', () => {
    const long = 'z'.repeat(10_000);
    expect(allLines(fileWith(`${long}\nshort\n`), 1024)).toEqual([[1, long], [2, 'short']]);
  });
});

describe('readFeedFile, the input size', () => {
  it("gives the file's size in bytes for JSONL, a streamed JSON feed and a whole JSON document", async () => {
    const jsonl = '{"MPItemFeedHeader":{"version":"1.3"}}\n{"a":1}\n';
    const feed = '{"MPItemFeedHeader":{"version":"1.3"},"MPItem":[{"a":1},{"b":"é"}]}';
    const list = '[{"a":1}]';
    for (const [content, name] of [[jsonl, 'size.jsonl'], [feed, 'size.json'], [list, 'list.json']] as const) {
      const source = await readFeedFile(fileWith(content, name));
      expect(source.bytes).toBe(Buffer.byteLength(content));
    }
  });
});

describe('readFeedFile, JSONL', () => {
  it('takes a first line holding only a feed header as the header, skipping blank lines and a byte-order mark', async () => {
    const file = fileWith('\n\uFEFF{"MPItemFeedHeader":{"version":"1.3"}}\r\n{"a":1}\n   \n\uFEFF{"b":2}\r\n');
    const source = await readFeedFile(file);
    expect(source.kind).toBe('jsonl');
    expect(source.header).toEqual({ version: '1.3' });
    expect(source.hasHeader).toBe(true);
    expect(await itemsOf(file)).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('keeps a first line that is an item', async () => {
    const file = fileWith('{"a":1}\n{"b":2}');
    expect((await readFeedFile(file)).hasHeader).toBe(false);
    expect(await itemsOf(file)).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('names the line that is not JSON, counting blank lines', async () => {
    const file = fileWith('{"a":1}\n\n{bad\n');
    await expect(itemsOf(file)).rejects.toThrow(InputError);
    await expect(itemsOf(file)).rejects.toThrow(/line 3 is not valid JSON/);
    await expect(readFeedFile(fileWith('\n[oops\n'))).rejects.toThrow(/line 2 is not valid JSON/);
  });

  it('refuses a header that is not an object', async () => {
    await expect(readFeedFile(fileWith('{"MPItemFeedHeader": 5}\n{"a":1}\n'))).rejects.toThrow(/line 1: MPItemFeedHeader must be an object/);
  });
});
