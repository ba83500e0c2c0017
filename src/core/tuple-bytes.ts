// Tuples as bytes: how a feed rule's tuples are written past its share of values and when they spill (see
// keyed-tuples.ts), and how a field is read back; tuple-byte-groups.ts groups them by key. Pure: no IO.
import type { TupleField } from './keyed-tuples.js';

const TAG_UNDEFINED = 0;
const TAG_INT = 1;
/** Well-formed text as UTF-8, after its length in 4 bytes. */
const TAG_UTF8 = 2;
/** Text with a lone surrogate: its UTF-16 code units as they are, so it comes back unchanged. */
const TAG_UTF16 = 3;
/**
 * ASCII text of at most 255 characters (SKUs, IDs, most values), after its length in one byte: read back without a
 * decoder. A text has one form only, chosen by its content, so the same text is always the same bytes.
 */
const TAG_ASCII = 4;
const MAX_ASCII = 255;
/** length (u32), hash (u32), record (i32), fields (u8) */
export const HEADER = 13;

// In a u-mode pattern a surrogate pair is one code point, so this finds only the halves that stand alone.
const LONE_SURROGATE = /\p{Cs}/u;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

const FNV_PRIME = 0x01000193;

/**
 * The slot mask of an open-addressing table for `count` keys: a power of two at least twice the count (and 16), less
 * one; a key's slot is `hash & mask`, the next `(slot + 1) & mask`.
 */
export function slotMask(count: number): number {
  let capacity = 16;
  while (capacity < count * 2) capacity *= 2;
  return capacity - 1;
}

export function hashKey(text: string): number {
  let h = 0x811c9dc5 ^ text.length;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return finishHash(h);
}

function finishHash(h: number): number {
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) >>> 0;
}

/** The most bytes a tuple can take. */
export function maxTupleBytes(key: string, fields: readonly TupleField[]): number {
  let most = HEADER + 5 + key.length * 3;
  for (let f = 0; f < fields.length; f++) {
    const value = fields[f];
    most += typeof value === 'string' ? 5 + value.length * 3 : 5;
  }
  return most;
}

function writeU32(bytes: Uint8Array, at: number, value: number): void {
  bytes[at] = value & 0xff;
  bytes[at + 1] = (value >>> 8) & 0xff;
  bytes[at + 2] = (value >>> 16) & 0xff;
  bytes[at + 3] = (value >>> 24) & 0xff;
}

export function readU32(bytes: Uint8Array, at: number): number {
  return ((bytes[at] as number) | ((bytes[at + 1] as number) << 8) | ((bytes[at + 2] as number) << 16) | ((bytes[at + 3] as number) << 24)) >>> 0;
}

/** Writes the field at `at`; returns where the next one starts. */
function writeField(bytes: Uint8Array, at: number, value: TupleField): number {
  if (value === undefined) {
    bytes[at] = TAG_UNDEFINED;
    return at + 1;
  }
  if (typeof value === 'number') {
    bytes[at] = TAG_INT;
    writeU32(bytes, at + 1, value | 0);
    return at + 5;
  }
  const length = value.length;
  if (length <= MAX_ASCII) {
    // Most texts are short and ASCII: a byte each, written here without a call into the encoder.
    let i = 0;
    let p = at + 2;
    for (; i < length; i++) {
      const c = value.charCodeAt(i);
      if (c >= 0x80) break;
      bytes[p++] = c;
    }
    if (i === length) {
      bytes[at] = TAG_ASCII;
      bytes[at + 1] = length;
      return p;
    }
  }
  return writeText(bytes, at, value);
}

/** Writes a text that is not short ASCII: as UTF-8, or as UTF-16 when it holds a lone surrogate. */
function writeText(bytes: Uint8Array, at: number, value: string): number {
  const start = at + 5;
  let p = start;
  if (LONE_SURROGATE.test(value)) {
    for (let j = 0; j < value.length; j++) {
      const c = value.charCodeAt(j);
      bytes[p++] = c & 0xff;
      bytes[p++] = c >>> 8;
    }
    bytes[at] = TAG_UTF16;
  } else {
    p += encoder.encodeInto(value, bytes.subarray(start)).written;
    bytes[at] = TAG_UTF8;
  }
  writeU32(bytes, at + 1, p - start);
  return p;
}

/** Where the field after the one at `at` starts. */
export function skipField(bytes: Uint8Array, at: number): number {
  const tag = bytes[at];
  if (tag === TAG_UNDEFINED) return at + 1;
  if (tag === TAG_INT) return at + 5;
  if (tag === TAG_ASCII) return at + 2 + (bytes[at + 1] as number);
  return at + 5 + readU32(bytes, at + 1);
}

function readUtf16(bytes: Uint8Array, at: number, length: number): string {
  let text = '';
  // In slices, so String.fromCharCode never gets more arguments than a call may take.
  const codes: number[] = [];
  for (let i = 0; i < length; i += 2) {
    codes.push((bytes[at + i] as number) | ((bytes[at + i + 1] as number) << 8));
    if (codes.length === 4096) {
      text += String.fromCharCode(...codes);
      codes.length = 0;
    }
  }
  return codes.length === 0 ? text : text + String.fromCharCode(...codes);
}

/** Character codes of a short ASCII text being read, reused: one array for every text. */
const asciiCodes: number[] = [];

function readAscii(bytes: Uint8Array, at: number, length: number): string {
  const codes = asciiCodes;
  codes.length = length;
  for (let i = 0; i < length; i++) codes[i] = bytes[at + i] as number;
  return String.fromCharCode(...codes);
}

export function readField(bytes: Uint8Array, at: number): TupleField {
  const tag = bytes[at];
  if (tag === TAG_UNDEFINED) return undefined;
  if (tag === TAG_INT) return readU32(bytes, at + 1) | 0;
  if (tag === TAG_ASCII) return readAscii(bytes, at + 2, bytes[at + 1] as number);
  const length = readU32(bytes, at + 1);
  if (tag === TAG_UTF16) return readUtf16(bytes, at + 5, length);
  return decoder.decode(bytes.subarray(at + 5, at + 5 + length));
}

/** Whether the fields at `a` and `b` are the same bytes. */
export function sameBytes(bytesA: Uint8Array, a: number, bytesB: Uint8Array, b: number): boolean {
  const endA = skipField(bytesA, a);
  if (endA - a !== skipField(bytesB, b) - b) return false;
  for (let i = 0; i < endA - a; i++) if (bytesA[a + i] !== bytesB[b + i]) return false;
  return true;
}

/**
 * Writes the tuple's key at `at` (a header's length from its start) and its hash in the header; returns where the
 * next field starts. A short ASCII key, the usual one, is hashed as it is written.
 */
function writeKey(bytes: Uint8Array, start: number, key: string): number {
  const length = key.length;
  const at = start + HEADER;
  if (length <= MAX_ASCII) {
    let h = 0x811c9dc5 ^ length;
    let p = at + 2;
    let i = 0;
    for (; i < length; i++) {
      const c = key.charCodeAt(i);
      if (c >= 0x80) break;
      bytes[p++] = c;
      h = Math.imul(h ^ c, FNV_PRIME);
    }
    if (i === length) {
      bytes[at] = TAG_ASCII;
      bytes[at + 1] = length;
      writeU32(bytes, start + 4, finishHash(h));
      return p;
    }
  }
  writeU32(bytes, start + 4, hashKey(key));
  return writeText(bytes, at, key);
}

const CHUNK = 1 << 20;
/** A store's first chunk: a small feed needs a few KiB, not a zeroed MiB per store. */
const FIRST_CHUNK = 1 << 14;

/** Tuples laid out in memory as bytes: whole chunks, each tuple inside one; a chunk's unused tail is zeros. */
export class Chunks {
  readonly list: Uint8Array[] = [];
  /** The last chunk, and the bytes used in it. */
  last: Uint8Array = new Uint8Array(0);
  used = 0;

  /** Makes room for `size` bytes at `used` in `last`; returns how many bytes that allocated (0 when it fitted). */
  reserve(size: number): number {
    if (this.used + size <= this.last.length) return 0;
    // Chunks double from FIRST_CHUNK up to CHUNK, so a small feed allocates little and a large one few chunks.
    this.last = new Uint8Array(Math.max(Math.min(CHUNK, Math.max(FIRST_CHUNK, this.last.length * 2)), size));
    this.list.push(this.last);
    this.used = 0;
    return this.last.length;
  }

  /** Appends a tuple; returns how many bytes that allocated. */
  append(key: string, record: number, fields: readonly TupleField[]): number {
    const grown = this.reserve(maxTupleBytes(key, fields));
    this.used += encode(this.last, this.used, record, key, fields);
    return grown;
  }

  /** The chunks as filled: the last one cut at `used`. */
  filled(): Uint8Array[] {
    return this.list.map((chunk) => (chunk === this.last ? chunk.subarray(0, this.used) : chunk));
  }
}

export function concat(pieces: readonly Uint8Array[]): Uint8Array {
  let size = 0;
  for (const p of pieces) size += p.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Writes a tuple at `at` (with room for maxTupleBytes); returns its size in bytes. Its hash is at `at + 4`. */
export function encode(bytes: Uint8Array, at: number, record: number, key: string, fields: readonly TupleField[]): number {
  writeU32(bytes, at + 8, record | 0);
  bytes[at + 12] = fields.length + 1;
  let p = writeKey(bytes, at, key);
  for (let f = 0; f < fields.length; f++) p = writeField(bytes, p, fields[f]);
  writeU32(bytes, at, p - at);
  return p - at;
}
