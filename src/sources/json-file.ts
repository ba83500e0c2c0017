// Reads a JSON feed (header + MPItem[]) or JSONL (one item per line; a first line holding only a
// feed header is taken as the header) into a header and a stream of items.
import { isAscii } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { InputError } from '../core/errors.js';
import type { InputItem } from '../core/record.js';
import { HEADER_KEYS, isPlainObject, splitFeedDocument } from './feed-document.js';
import { invalidJson, notJsonError, streamJsonFeed } from './json-feed.js';

export interface FeedSource {
  kind: 'json' | 'jsonl';
  header: Record<string, unknown> | undefined;
  /** True when the input had a header (so it is checked). */
  hasHeader: boolean;
  /** Items in order; read as they are iterated (JSONL), so iterate them once. */
  items: AsyncIterable<InputItem> | Iterable<InputItem>;
  /** The file's size in bytes, when the feed was read from one. */
  bytes?: number;
}

/** A JSON feed file is held in memory as bytes while its items are parsed one by one; past this size, JSONL streams instead. */
export const MAX_JSON_BYTES = 512 * 1024 * 1024;
/** The header keys (feed-document.ts), for the first line of a JSONL feed. */
const HEADER_KEY_SET: ReadonlySet<string> = new Set(HEADER_KEYS);

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
  return { ...(await readFeed(file, size)), bytes: size };
}

/** A feed file of `size` bytes (not empty): JSONL streamed line by line, a JSON document item by item or whole. */
async function readFeed(file: string, size: number): Promise<FeedSource> {
  if (await isJsonLines(file)) return readJsonLines(file);
  if (size > MAX_JSON_BYTES) {
    throw new InputError('INPUT_INVALID', `${file} is ${Math.round(size / 1048576)} MB; JSON feeds over ${MAX_JSON_BYTES / 1048576} MB must be given as JSONL (one item per line)`);
  }
  const bytes = await readFile(file);
  const wholeDocument = (): unknown => JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  // Item by item where the document allows it (json-feed.ts); otherwise the whole document at once.
  const streamed = streamJsonFeed(bytes, () => notJsonError(file, wholeDocument));
  if (streamed !== undefined) return streamed;
  let json: unknown;
  try {
    json = wholeDocument();
  } catch (e) {
    throw invalidJson(file, e);
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

/** Bytes read from a JSONL file at a time. */
const CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * The lines of a file, read synchronously in large chunks and split on bytes: no stream, no readline, no promise per
 * line. Line breaks are readline's (\n, \r\n and a lone \r), so line numbers match what an editor shows. Lines are
 * decoded one by one as UTF-8; a line break byte never occurs inside a multi-byte character, so a character is never
 * cut in two. A chunk that is all ASCII (most feeds are) is decoded byte for character, which is the same text without
 * UTF-8's checks. The file is closed at the end, or by close().
 */
export class LineReader {
  /** Number of the line next() returned last (1-based). */
  lineNo = 0;
  #fd: number | undefined;
  #buf: Buffer = Buffer.alloc(0);
  #start = 0;
  #end = 0;
  #eof = false;
  /** Whether the bytes in the buffer are all ASCII, so a line's text is its bytes as they are. */
  #ascii = false;
  /** Lines split off a \n-line at lone \r characters, still to return. */
  readonly #pending: string[] = [];

  readonly #chunkBytes: number;

  constructor(file: string, chunkBytes = CHUNK_BYTES) {
    this.#fd = openSync(file, 'r');
    this.#chunkBytes = chunkBytes;
  }

  /** The next line without its line break, or undefined at the end of the file. */
  next(): string | undefined {
    if (this.#pending.length > 0) return this.#line(this.#pending.shift() as string);
    for (;;) {
      const nl = this.#end > this.#start ? this.#buf.indexOf(0x0a, this.#start) : -1;
      if (nl !== -1 && nl < this.#end) {
        const line = this.#decode(this.#start, nl);
        this.#start = nl + 1;
        return line;
      }
      if (this.#eof) {
        if (this.#start >= this.#end) {
          this.close();
          return undefined;
        }
        const line = this.#decode(this.#start, this.#end);
        this.#start = this.#end;
        return line;
      }
      this.#fill();
    }
  }

  close(): void {
    if (this.#fd === undefined) return;
    closeSync(this.#fd);
    this.#fd = undefined;
    this.#eof = true;
  }

  /** One \n-delimited line, its \r\n or lone \r breaks handled as readline does. */
  #decode(start: number, end: number): string {
    const text = this.#buf.toString(this.#ascii ? 'latin1' : 'utf8', start, end > start && this.#buf[end - 1] === 0x0d ? end - 1 : end);
    if (!text.includes('\r')) return this.#line(text);
    const [first, ...rest] = text.split('\r');
    this.#pending.push(...rest);
    return this.#line(first as string);
  }

  #line(text: string): string {
    this.lineNo++;
    return text;
  }

  /** Moves the unread bytes to the front (growing the buffer for a line longer than it) and reads more. */
  #fill(): void {
    const left = this.#end - this.#start;
    const size = Math.max(this.#chunkBytes, left * 2);
    if (size === this.#buf.length) this.#buf.copyWithin(0, this.#start, this.#end);
    else {
      const grown = Buffer.allocUnsafe(size);
      this.#buf.copy(grown, 0, this.#start, this.#end);
      this.#buf = grown;
    }
    const buf = this.#buf;
    this.#start = 0;
    this.#end = left;
    if (this.#fd === undefined) {
      this.#eof = true;
      return;
    }
    const n = readSync(this.#fd, buf, left, buf.length - left, null);
    this.#end += n;
    this.#ascii = isAscii(buf.subarray(0, this.#end));
    if (n === 0) {
      this.#eof = true;
      closeSync(this.#fd);
      this.#fd = undefined;
    }
  }
}

/** A line with nothing but blanks (checked cheaply for the usual line, which starts with "{"). */
function isBlankLine(line: string): boolean {
  return line.charCodeAt(0) !== 0x7b && line.trim() === '';
}

function readJsonLines(file: string): FeedSource {
  const lines = new LineReader(file);
  const parse = (line: string): unknown => {
    try {
      return JSON.parse(line.charCodeAt(0) === 0xfeff ? line.slice(1) : line);
    } catch (e) {
      throw new InputError('INPUT_INVALID', `${file} line ${lines.lineNo} is not valid JSON: ${(e as Error).message}`, { cause: e });
    }
  };
  // Peek at the first non-empty line: it may be the feed header.
  let first: unknown;
  let hasFirst = false;
  try {
    for (let line = lines.next(); line !== undefined; line = lines.next()) {
      if (isBlankLine(line)) continue;
      first = parse(line);
      hasFirst = true;
      break;
    }
  } catch (e) {
    lines.close();
    throw e;
  }
  let header: Record<string, unknown> | undefined;
  if (hasFirst && isPlainObject(first)) {
    const keys = Object.keys(first);
    if (keys.length === 1 && HEADER_KEY_SET.has(keys[0] as string)) {
      const h = first[keys[0] as string];
      if (!isPlainObject(h)) {
        lines.close();
        throw new InputError('INPUT_INVALID', `${file} line ${lines.lineNo}: ${String(keys[0])} must be an object`);
      }
      header = h;
      hasFirst = false;
    }
  }
  return {
    kind: 'jsonl',
    header,
    hasHeader: header !== undefined,
    items: (function* () {
      try {
        if (hasFirst) yield { data: first };
        for (let line = lines.next(); line !== undefined; line = lines.next()) {
          if (isBlankLine(line)) continue;
          yield { data: parse(line) };
        }
      } finally {
        lines.close();
      }
    })(),
  };
}
