// Tuples as bytes: how a feed rule's tuples are written once they spill (see keyed-tuples.ts), and how a run of such
// bytes is grouped by key again when it is read back. Pure: no IO.
import type { TupleField, TupleGroup } from './keyed-tuples.js';

const TAG_UNDEFINED = 0;
const TAG_INT = 1;
/** Well-formed text as UTF-8. */
const TAG_UTF8 = 2;
/** Text with a lone surrogate: its UTF-16 code units as they are, so it comes back unchanged. */
const TAG_UTF16 = 3;
/** length (u32), hash (u32), record (i32), fields (u8) */
export const HEADER = 13;

// In a u-mode pattern a surrogate pair is one code point, so this finds only the halves that stand alone.
const LONE_SURROGATE = /\p{Cs}/u;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function hashKey(text: string): number {
  let h = 0x811c9dc5 ^ text.length;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) >>> 0;
}

/** The most bytes a field can take (UTF-8 takes at most 3 bytes per UTF-16 unit; UTF-16 takes 2). */
export function maxFieldBytes(value: TupleField): number {
  if (value === undefined) return 1;
  if (typeof value === 'number') return 5;
  return 5 + value.length * 3;
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
  const start = at + 5;
  let p = start;
  let i = 0;
  // Most texts are ASCII: a byte each, written here without a call into the encoder.
  for (; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0x80) break;
    bytes[p++] = c;
  }
  if (i < value.length) {
    const rest = value.slice(i);
    if (LONE_SURROGATE.test(rest)) {
      p = start;
      for (let j = 0; j < value.length; j++) {
        const c = value.charCodeAt(j);
        bytes[p++] = c & 0xff;
        bytes[p++] = c >>> 8;
      }
      bytes[at] = TAG_UTF16;
      writeU32(bytes, at + 1, p - start);
      return p;
    }
    p += encoder.encodeInto(rest, bytes.subarray(p)).written;
  }
  bytes[at] = TAG_UTF8;
  writeU32(bytes, at + 1, p - start);
  return p;
}

/** Where the field after the one at `at` starts. */
function skipField(bytes: Uint8Array, at: number): number {
  const tag = bytes[at];
  if (tag === TAG_UNDEFINED) return at + 1;
  if (tag === TAG_INT) return at + 5;
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

function readField(bytes: Uint8Array, at: number): TupleField {
  const tag = bytes[at];
  if (tag === TAG_UNDEFINED) return undefined;
  if (tag === TAG_INT) return readU32(bytes, at + 1) | 0;
  const length = readU32(bytes, at + 1);
  if (tag === TAG_UTF16) return readUtf16(bytes, at + 5, length);
  return decoder.decode(bytes.subarray(at + 5, at + 5 + length));
}

/** Whether the fields at `a` and `b` are the same bytes. */
function sameBytes(bytesA: Uint8Array, a: number, bytesB: Uint8Array, b: number): boolean {
  const endA = skipField(bytesA, a);
  if (endA - a !== skipField(bytesB, b) - b) return false;
  for (let i = 0; i < endA - a; i++) if (bytesA[a + i] !== bytesB[b + i]) return false;
  return true;
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
    let most = HEADER + maxFieldBytes(key);
    for (let f = 0; f < fields.length; f++) most += maxFieldBytes(fields[f]);
    const grown = this.reserve(most);
    this.used += encode(this.last, this.used, hashKey(key), record, key, fields);
    return grown;
  }

  /** The chunks as filled: the last one cut at `used`. */
  filled(): Uint8Array[] {
    return this.list.map((chunk) => (chunk === this.last ? chunk.subarray(0, this.used) : chunk));
  }
}

/**
 * One key's members while its reduce runs: entries by position in a shared list (valid only during the call; the
 * group object is reused for the next key).
 */
class ByteGroup implements TupleGroup {
  #key: string | undefined;
  #buffers: readonly Uint8Array[] = [];
  #bufferOf: Int32Array = new Int32Array(0);
  #atOf: Int32Array = new Int32Array(0);
  #members: ArrayLike<number> = [];
  #from = 0;
  size = 0;

  set(buffers: readonly Uint8Array[], bufferOf: Int32Array, atOf: Int32Array, members: ArrayLike<number>, from: number, size: number, key?: string): this {
    this.#buffers = buffers;
    this.#bufferOf = bufferOf;
    this.#atOf = atOf;
    this.#members = members;
    this.#from = from;
    this.size = size;
    this.#key = key;
    return this;
  }

  /** Decoded when asked for: most groups are never looked at. */
  get key(): string {
    this.#key ??= readField(this.#bytesOf(0), this.#atOf[this.#entry(0)] as number + HEADER) as string;
    return this.#key;
  }

  record(member: number): number {
    return readU32(this.#bytesOf(member), (this.#atOf[this.#entry(member)] as number) + 8) | 0;
  }

  field(member: number, field: number): TupleField {
    const at = this.#fieldAt(member, field);
    return at < 0 ? undefined : readField(this.#bytesOf(member), at);
  }

  text(member: number, field: number): string | undefined {
    const value = this.field(member, field);
    return typeof value === 'string' ? value : undefined;
  }

  sameField(a: number, b: number, field: number): boolean {
    const atA = this.#fieldAt(a, field);
    const atB = this.#fieldAt(b, field);
    if (atA < 0 || atB < 0) return atA === atB;
    return sameBytes(this.#bytesOf(a), atA, this.#bytesOf(b), atB);
  }

  #entry(member: number): number {
    return this.#members[this.#from + member] as number;
  }

  #bytesOf(member: number): Uint8Array {
    return this.#buffers[this.#bufferOf[this.#entry(member)] as number] as Uint8Array;
  }

  /** Where the field starts in its buffer, or -1 when the tuple has no such field. Field 0 of the tuple is the key. */
  #fieldAt(member: number, field: number): number {
    const bytes = this.#bytesOf(member);
    const at = this.#atOf[this.#entry(member)] as number;
    if (field < 0 || field + 1 >= (bytes[at + 12] as number)) return -1;
    let p = skipField(bytes, at + HEADER);
    for (let f = 0; f < field; f++) p = skipField(bytes, p);
    return p;
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

/** Writes a tuple at `at`; returns its size in bytes. */
export function encode(bytes: Uint8Array, at: number, hash: number, record: number, key: string, fields: readonly TupleField[]): number {
  writeU32(bytes, at + 4, hash);
  writeU32(bytes, at + 8, record | 0);
  bytes[at + 12] = fields.length + 1;
  let p = writeField(bytes, at + HEADER, key);
  for (let f = 0; f < fields.length; f++) p = writeField(bytes, p, fields[f]);
  writeU32(bytes, at, p - at);
  return p - at;
}

/**
 * Groups the tuples of some buffers by key and reduces each group. Tuples are sorted by (hash, position) in one
 * Float64Array (the hash's low 21 bits, which partitions do not use, above 32 bits of position: exact in a double),
 * so a key's tuples keep their order; within a run of one hash prefix, keys are compared as stored.
 */
export function reduceBuffers(buffers: readonly Uint8Array[], reduce: (group: TupleGroup) => void): void {
  let count = 0;
  for (const bytes of buffers) {
    for (let at = 0; at < bytes.length; ) {
      const size = readU32(bytes, at);
      if (size === 0) break;
      count++;
      at += size;
    }
  }
  const bufferOf = new Int32Array(count);
  const atOf = new Int32Array(count);
  const order = new Float64Array(count);
  let e = 0;
  buffers.forEach((bytes, b) => {
    for (let at = 0; e < count && at < bytes.length; ) {
      const size = readU32(bytes, at);
      if (size === 0) break;
      bufferOf[e] = b;
      atOf[e] = at;
      order[e] = (readU32(bytes, at + 4) & 0x1fffff) * 0x100000000 + e;
      e++;
      at += size;
    }
  });
  order.sort();
  // Entry numbers in sorted order, for the groups to index.
  const sorted = new Int32Array(count);
  for (let i = 0; i < count; i++) sorted[i] = (order[i] as number) % 0x100000000;
  const group = new ByteGroup();
  const bytesOf = (entry: number): Uint8Array => buffers[bufferOf[entry] as number] as Uint8Array;
  const keyAt = (entry: number): number => (atOf[entry] as number) + HEADER;
  for (let start = 0; start < count; ) {
    const prefix = Math.floor((order[start] as number) / 0x100000000);
    let end = start + 1;
    while (end < count && Math.floor((order[end] as number) / 0x100000000) === prefix) end++;
    let oneKey = true;
    const first = sorted[start] as number;
    for (let i = start + 1; i < end && oneKey; i++) {
      const entry = sorted[i] as number;
      oneKey = sameBytes(bytesOf(first), keyAt(first), bytesOf(entry), keyAt(entry));
    }
    if (oneKey) reduce(group.set(buffers, bufferOf, atOf, sorted, start, end - start));
    else {
      // Keys that share the prefix: split apart, each in first-appearance order.
      const byKey = new Map<string, number[]>();
      for (let i = start; i < end; i++) {
        const entry = sorted[i] as number;
        const key = readField(bytesOf(entry), keyAt(entry)) as string;
        let members = byKey.get(key);
        if (members === undefined) byKey.set(key, (members = []));
        members.push(entry);
      }
      for (const [key, members] of byKey) reduce(group.set(buffers, bufferOf, atOf, members, 0, members.length, key));
    }
    start = end;
  }
}
