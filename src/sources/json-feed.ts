// A whole-file JSON feed (header + MPItem[], {"records": [...]} or a bare array) read item by item: the file's
// bytes are scanned once for the document's outline (its top-level members, and where each item of the item list
// starts and ends), and each item is parsed with JSON.parse only when it is iterated, so a validated item can be
// collected at once instead of the whole document living until the end (a 50,000-item feed: about 260 MB of parsed
// objects, and a collector copying them all). Only documents whose outline is plainly well formed are read this
// way; anything else is left to the whole-document JSON.parse, whose result and error messages are the reference.
import { isAscii } from 'node:buffer';
import { InputError } from '../core/errors.js';
import type { InputItem } from '../core/record.js';
import { HEADER_KEYS, ITEM_KEYS, isPlainObject } from './feed-document.js';
import type { FeedSource } from './json-file.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

/** JSON's four whitespace bytes. */
function isSpace(c: number | undefined): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Bytes a value may start with: an object, array, string, number, true, false or null. */
function startsValue(c: number): boolean {
  return c === OPEN_OBJECT || c === OPEN_ARRAY || c === QUOTE || c === 0x2d || (c >= 0x30 && c <= 0x39) || c === 0x74 || c === 0x66 || c === 0x6e;
}

/** A top-level member's value: its span, and for a list under an item key, its items' spans (start, end, start…). */
interface Member {
  start: number;
  end: number;
  items: number[] | undefined;
}

/** The outline of a document: spans are [start, end) byte offsets. */
interface Outline {
  /** The members, the last of a repeated key winning; undefined for a bare array. */
  members: Map<string, Member> | undefined;
  /** The item list's key, or undefined for a bare array. */
  itemsKey: string | undefined;
  /** The items of the list the feed's items come from: start, end, start, end… */
  items: number[];
}

/** Ends of a value, string and list, scanned over the bytes; undefined wherever the outline is not well formed. */
class Scanner {
  readonly #b: Buffer;
  readonly #decode: (start: number, end: number) => string;

  constructor(bytes: Buffer, decode: (start: number, end: number) => string) {
    this.#b = bytes;
    this.#decode = decode;
  }

  get length(): number {
    return this.#b.length;
  }

  skipSpace(at: number): number {
    const b = this.#b;
    while (isSpace(b[at])) at++;
    return at;
  }

  byte(at: number): number | undefined {
    return this.#b[at];
  }

  /** The end of the string opening at `at` (just past its closing quote). */
  stringEnd(at: number): number | undefined {
    const b = this.#b;
    let q = b.indexOf(QUOTE, at + 1);
    while (q !== -1) {
      // A quote is escaped by an odd run of backslashes before it; each run is looked at once, so this stays linear.
      let k = q - 1;
      while (b[k] === BACKSLASH) k--;
      if ((q - 1 - k) % 2 === 0) return q + 1;
      q = b.indexOf(QUOTE, q + 1);
    }
    return undefined;
  }

  /** The end of the value starting at `at`: brackets matched by count, strings skipped; JSON.parse judges the rest. */
  valueEnd(at: number): number | undefined {
    const b = this.#b;
    const c = b[at];
    if (c === undefined || !startsValue(c)) return undefined;
    if (c === QUOTE) return this.stringEnd(at);
    if (c !== OPEN_OBJECT && c !== OPEN_ARRAY) {
      let i = at + 1;
      for (let d = b[i]; d !== undefined && !isSpace(d) && d !== COMMA && d !== CLOSE_ARRAY && d !== CLOSE_OBJECT; d = b[++i]);
      return i;
    }
    let depth = 0;
    for (let i = at; i < b.length; i++) {
      const d = b[i];
      if (d === QUOTE) {
        const end = this.stringEnd(i);
        if (end === undefined) return undefined;
        i = end - 1;
      } else if (d === OPEN_OBJECT || d === OPEN_ARRAY) depth++;
      else if ((d === CLOSE_OBJECT || d === CLOSE_ARRAY) && --depth === 0) return i + 1;
    }
    return undefined;
  }

  /** The spans of a list's values, from its `[` at `at`; with the end just past its `]`. */
  list(at: number, into: number[]): number | undefined {
    let i = this.skipSpace(at + 1);
    if (this.#b[i] === CLOSE_ARRAY) return i + 1;
    for (;;) {
      const end = this.valueEnd(i);
      if (end === undefined) return undefined;
      into.push(i, end);
      i = this.skipSpace(end);
      const c = this.#b[i];
      if (c === CLOSE_ARRAY) return i + 1;
      if (c !== COMMA) return undefined;
      i = this.skipSpace(i + 1);
    }
  }

  text(start: number, end: number): string {
    return this.#decode(start, end);
  }
}

/** The document's outline, or undefined when it is not an object or array written plainly enough to read in parts. */
function outline(s: Scanner, from: number): Outline | undefined {
  let i = s.skipSpace(from);
  const open = s.byte(i);
  if (open === OPEN_ARRAY) {
    const items: number[] = [];
    const end = s.list(i, items);
    return end !== undefined && s.skipSpace(end) === s.length ? { members: undefined, itemsKey: undefined, items } : undefined;
  }
  if (open !== OPEN_OBJECT) return undefined;
  const members = new Map<string, Member>();
  i = s.skipSpace(i + 1);
  if (s.byte(i) !== CLOSE_OBJECT) {
    for (;;) {
      if (s.byte(i) !== QUOTE) return undefined;
      const keyEnd = s.stringEnd(i);
      if (keyEnd === undefined) return undefined;
      const key = parsed(s, i, keyEnd);
      if (typeof key !== 'string') return undefined;
      i = s.skipSpace(keyEnd);
      if (s.byte(i) !== COLON) return undefined;
      i = s.skipSpace(i + 1);
      // An item list is split into its items as it is scanned; any other value is only measured.
      let items: number[] | undefined;
      let end: number | undefined;
      if (s.byte(i) === OPEN_ARRAY && ITEM_KEYS.includes(key)) end = s.list(i, (items = []));
      else end = s.valueEnd(i);
      if (end === undefined) return undefined;
      // As JSON.parse: a key given twice holds its last value, but the first must be JSON too.
      const earlier = members.get(key);
      if (earlier !== undefined) {
        if (parsed(s, earlier.start, earlier.end) === NOT_JSON) return undefined;
        members.delete(key);
      }
      members.set(key, { start: i, end, items });
      i = s.skipSpace(end);
      if (s.byte(i) === CLOSE_OBJECT) break;
      if (s.byte(i) !== COMMA) return undefined;
      i = s.skipSpace(i + 1);
    }
  }
  if (s.skipSpace(i + 1) !== s.length) return undefined;
  const itemsKey = ITEM_KEYS.find((k) => members.has(k));
  const items = itemsKey === undefined ? undefined : members.get(itemsKey)?.items;
  return items === undefined ? undefined : { members, itemsKey, items };
}

const NOT_JSON = Symbol('not JSON');

/** The value in a span, or NOT_JSON. */
function parsed(s: Scanner, start: number, end: number): unknown {
  try {
    return JSON.parse(s.text(start, end)) as unknown;
  } catch {
    return NOT_JSON;
  }
}

/**
 * The feed in `bytes` (a JSON document, not JSONL) as a FeedSource whose items are parsed as they are iterated; or
 * undefined when the caller should parse the whole document instead (its outline is not plainly well formed, its
 * header is not an object…: cases where the whole-document parse gives the answer and the error message).
 * `wholeDocumentError` gives the error the whole-document parse would have given, for an item found broken later.
 */
export function streamJsonFeed(bytes: Buffer, wholeDocumentError: () => Error): FeedSource | undefined {
  const encoding = isAscii(bytes) ? 'latin1' : 'utf8';
  const s = new Scanner(bytes, (start, end) => bytes.toString(encoding, start, end));
  // A byte-order mark (EF BB BF) before the document, as the whole-document reader drops it.
  const from = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const o = outline(s, from);
  if (o === undefined) return undefined;
  let header: Record<string, unknown> | undefined;
  let headerKey: string | undefined;
  if (o.members !== undefined) {
    headerKey = HEADER_KEYS.find((k) => o.members?.has(k));
    // Every member but the item list is parsed now, as the whole document would be: the header is used, the others
    // only checked to be JSON.
    for (const [key, span] of o.members) {
      if (key === o.itemsKey) continue;
      const value = parsed(s, span.start, span.end);
      if (value === NOT_JSON) return undefined;
      if (key === headerKey) {
        if (!isPlainObject(value)) return undefined;
        header = value;
      }
    }
  }
  const spans = o.items;
  return {
    kind: 'json',
    header,
    hasHeader: headerKey !== undefined,
    items: (function* (): Generator<InputItem, void, undefined> {
      for (let n = 0; n < spans.length; n += 2) {
        let data: unknown;
        try {
          data = JSON.parse(s.text(spans[n] as number, spans[n + 1] as number));
        } catch {
          // The outline held, so the document is not JSON because of this item: as the whole document's parse says.
          throw wholeDocumentError();
        }
        yield { data };
      }
    })(),
  };
}

/** The error a whole-document parse of a file that is not JSON gives; `parse` is that parse. */
export function notJsonError(file: string, parse: () => unknown): Error {
  try {
    parse();
  } catch (e) {
    return invalidJson(file, e);
  }
  return new InputError('INPUT_INVALID', `${file} is not valid JSON`);
}

/** The error for a file JSON.parse refused, with its reason. */
export function invalidJson(file: string, e: unknown): InputError {
  return new InputError('INPUT_INVALID', `${file} is not valid JSON: ${(e as Error).message}`, { cause: e });
}
