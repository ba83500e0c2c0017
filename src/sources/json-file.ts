// Reads a JSON feed (header + MPItem[]) or JSONL (one item per line; a first line holding only a
// feed header is taken as the header) into a header and a stream of items.
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { InputError } from '../core/errors.js';
import type { InputItem } from '../core/record.js';
import { isPlainObject, splitFeedDocument } from './feed-document.js';

export interface FeedSource {
  kind: 'json' | 'jsonl';
  header: Record<string, unknown> | undefined;
  /** True when the input had a header (so it is checked). */
  hasHeader: boolean;
  items: AsyncIterable<InputItem> | Iterable<InputItem>;
}

/** A whole-file JSON feed is parsed in memory; past this size, JSONL streams instead. */
export const MAX_JSON_BYTES = 512 * 1024 * 1024;
const HEADER_KEYS = new Set(['MPItemFeedHeader', 'SupplierItemFeedHeader', 'ItemFeedHeader']);

export async function isJsonLines(file: string): Promise<boolean> {
  if (/\.(jsonl|ndjson)$/i.test(file)) return true;
  if (/\.json$/i.test(file)) return false;
  // No telling extension: JSONL's first line is a complete JSON value on its own.
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const first = buf.subarray(0, bytesRead).toString('utf8').split('\n')[0]?.trim() ?? '';
    try {
      JSON.parse(first);
      return buf.subarray(0, bytesRead).toString('utf8').trim().includes('\n');
    } catch {
      return false;
    }
  } finally {
    await handle.close();
  }
}

export async function readFeedFile(file: string): Promise<FeedSource> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new InputError('INPUT_UNREADABLE', `${file} is not a file`);
    size = info.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError('INPUT_UNREADABLE', `cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`, { cause: e });
  }
  if (size === 0) throw new InputError('INPUT_INVALID', `${file} is empty`);
  if (await isJsonLines(file)) return readJsonLines(file);
  if (size > MAX_JSON_BYTES) {
    throw new InputError('INPUT_INVALID', `${file} is ${Math.round(size / 1048576)} MB; JSON feeds over ${MAX_JSON_BYTES / 1048576} MB must be given as JSONL (one item per line)`);
  }
  const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError('INPUT_INVALID', `${file} is not valid JSON: ${(e as Error).message}`, { cause: e });
  }
  return feedFromJson(json);
}

/** A parsed JSON feed document (header + items, `{records: [...]}` or an array) as a FeedSource. */
export function feedFromJson(json: unknown): FeedSource {
  const doc = splitFeedDocument(json);
  return {
    kind: 'json',
    header: doc.header,
    hasHeader: doc.headerKey !== undefined,
    items: doc.items.map((data) => ({ data })),
  };
}

async function readJsonLines(file: string): Promise<FeedSource> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  const it = lines[Symbol.asyncIterator]();
  let lineNo = 0;
  const parse = (line: string): unknown => {
    try {
      return JSON.parse(line.replace(/^\uFEFF/, ''));
    } catch (e) {
      throw new InputError('INPUT_INVALID', `${file} line ${lineNo} is not valid JSON: ${(e as Error).message}`, { cause: e });
    }
  };
  // Peek at the first non-empty line: it may be the feed header.
  let first: unknown;
  let hasFirst = false;
  for (;;) {
    const r = await it.next();
    if (r.done) break;
    lineNo++;
    if (r.value.trim() === '') continue;
    first = parse(r.value);
    hasFirst = true;
    break;
  }
  let header: Record<string, unknown> | undefined;
  if (hasFirst && isPlainObject(first)) {
    const keys = Object.keys(first);
    if (keys.length === 1 && HEADER_KEYS.has(keys[0] as string)) {
      const h = first[keys[0] as string];
      if (!isPlainObject(h)) throw new InputError('INPUT_INVALID', `${file} line ${lineNo}: ${String(keys[0])} must be an object`);
      header = h;
      hasFirst = false;
    }
  }
  return {
    kind: 'jsonl',
    header,
    hasHeader: header !== undefined,
    items: (async function* () {
      if (hasFirst) yield { data: first };
      for (;;) {
        const r = await it.next();
        if (r.done) return;
        lineNo++;
        if (r.value.trim() === '') continue;
        yield { data: parse(r.value) };
      }
    })(),
  };
}
