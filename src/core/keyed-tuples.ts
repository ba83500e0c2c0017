// What a feed rule keeps of each record until the feed ends, as compact tuples under a group key (a SKU, a product ID,
// a Variant Group ID): visit() appends, finish() reads them back key by key. Up to a memory budget the tuples are bytes
// in memory; past it they are hash-partitioned into files the engine provides, and each partition is read back and
// grouped on its own, so what a feed rule holds stays bounded whatever the feed's length. Pure: no IO of its own.

/** A tuple's field: a text (or undefined), or a whole number from −2^31 to 2^31 − 1. */
export type TupleField = string | number | undefined;

/** A file the engine made for one partition; fixed name, private directory. */
export interface SpillFile {
  append(bytes: Uint8Array): void;
  /** Everything appended, in order. */
  readAll(): Uint8Array;
  readonly size: number;
  remove(): void;
}

/** Where tuples go past the budget: an engine facility (rules do no IO). */
export interface SpillFiles {
  create(): SpillFile;
}

/** One key's tuples, in the order they were appended; fields are decoded only when asked for. */
export interface TupleGroup {
  readonly key: string;
  readonly size: number;
  record(member: number): number;
  /** The member's field, numbered from 0 as given to append(). */
  field(member: number, field: number): TupleField;
  /** The field as text; undefined when it is not text. */
  text(member: number, field: number): string | undefined;
  /** Whether two members have the same value in this field, compared as stored (no decoding). */
  sameField(a: number, b: number, field: number): boolean;
}

const CHUNK = 1 << 20;
/** A feed's first chunk: a 100-record request to the service needs a few KiB, not a zeroed MiB per store. */
const FIRST_CHUNK = 1 << 14;
/** Partitions per spill; a partition still over the budget is split again by other bits of the hash. */
const PARTITION_BITS = 5;
const PARTITIONS = 1 << PARTITION_BITS;
const MAX_DEPTH = 3;
/** Bytes a spilled store buffers per partition before writing them out. */
const PARTITION_BUFFER = 16 * 1024;

const TAG_UNDEFINED = 0;
const TAG_INT = 1;
/** Well-formed text as UTF-8. */
const TAG_UTF8 = 2;
/** Text with a lone surrogate: its UTF-16 code units as they are, so it comes back unchanged. */
const TAG_UTF16 = 3;
/** length (u32), hash (u32), record (i32), fields (u8) */
const HEADER = 13;

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
function maxFieldBytes(value: TupleField): number {
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

function readU32(bytes: Uint8Array, at: number): number {
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

/** The budget every store of a feed shares, and where they spill past it. */
export class TupleBudget {
  readonly bytes: number;
  readonly files: SpillFiles | undefined;
  #used = 0;
  readonly #stores: KeyedTuples[] = [];

  /** Without `files`, nothing spills: the stores keep everything in memory (rules run alone, in tests). */
  constructor(bytes: number, files?: SpillFiles) {
    this.bytes = bytes;
    this.files = files;
  }

  get used(): number {
    return this.#used;
  }

  /** @internal */
  join(store: KeyedTuples): void {
    this.#stores.push(store);
  }

  /**
   * @internal Counts `delta` bytes of memory; past the budget, the store holding the most in memory spills it. A store
   * that has spilled holds only its partition buffers and cannot give back more, so it is never the one chosen.
   */
  charge(delta: number): void {
    this.#used += delta;
    if (this.files === undefined) return;
    while (this.#used > this.bytes) {
      let largest: KeyedTuples | undefined;
      for (const s of this.#stores) if (!s.spilled && (largest === undefined || s.inMemory > largest.inMemory)) largest = s;
      if (largest === undefined || !largest.spill(this.files)) return;
    }
  }
}

/** Tuples laid out in memory: whole chunks of bytes, each tuple inside one; a chunk's unused tail is zeros. */
class Chunks {
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

  /** The chunks as filled: the last one cut at `used`. */
  filled(): Uint8Array[] {
    return this.list.map((chunk) => (chunk === this.last ? chunk.subarray(0, this.used) : chunk));
  }
}

/**
 * One key's members while its reduce runs: entries by position in a shared list (valid only during the call; the
 * group object is reused for the next key).
 */
class Group implements TupleGroup {
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

/**
 * A feed rule's tuples: append() during the feed, forEachGroup() once at its end. Each tuple carries its record
 * number and up to 254 fields besides its key, which it keeps too, so keys that share a hash are told apart.
 */
export class KeyedTuples {
  readonly #budget: TupleBudget;
  #chunks = new Chunks();
  #inMemory = 0;
  /** Once spilled: a file and a write buffer per partition, and a tuple's bytes before they go to one. */
  #files: SpillFile[] | undefined;
  #buffers: Uint8Array[] = [];
  #buffered: number[] = [];
  #scratch = new Uint8Array(0);
  #count = 0;

  constructor(budget: TupleBudget = new TupleBudget(Number.POSITIVE_INFINITY)) {
    this.#budget = budget;
    budget.join(this);
  }

  /** Bytes this store holds in memory (chunks and write buffers). */
  get inMemory(): number {
    return this.#inMemory;
  }

  get spilled(): boolean {
    return this.#files !== undefined;
  }

  get count(): number {
    return this.#count;
  }

  append(key: string, record: number, fields: readonly TupleField[]): void {
    if (fields.length > 254) throw new RangeError('a tuple takes at most 254 fields besides its key');
    let most = HEADER + maxFieldBytes(key);
    for (let f = 0; f < fields.length; f++) most += maxFieldBytes(fields[f]);
    const hash = hashKey(key);
    this.#count++;
    if (this.#files !== undefined) {
      if (this.#scratch.length < most) this.#scratch = new Uint8Array(Math.max(most, 4096));
      const size = encode(this.#scratch, 0, hash, record, key, fields);
      this.#toPartition(this.#scratch.subarray(0, size), hash, 0);
      return;
    }
    const chunks = this.#chunks;
    const grown = chunks.reserve(most);
    chunks.used += encode(chunks.last, chunks.used, hash, record, key, fields);
    if (grown > 0) {
      this.#inMemory += grown;
      this.#budget.charge(grown);
    }
  }

  /** @internal Moves what is in memory to partition files; false when there is nothing to gain. */
  spill(files: SpillFiles): boolean {
    if (this.#files !== undefined || this.#chunks.list.length === 0) return false;
    this.#files = Array.from({ length: PARTITIONS }, () => files.create());
    this.#buffers = Array.from({ length: PARTITIONS }, () => new Uint8Array(PARTITION_BUFFER));
    this.#buffered = new Array<number>(PARTITIONS).fill(0);
    const filled = this.#chunks.filled();
    this.#chunks = new Chunks();
    const freed = this.#inMemory;
    this.#inMemory = PARTITIONS * PARTITION_BUFFER;
    this.#budget.charge(this.#inMemory - freed);
    for (const chunk of filled) {
      for (let at = 0; at < chunk.length; ) {
        const size = readU32(chunk, at);
        if (size === 0) break;
        this.#toPartition(chunk.subarray(at, at + size), readU32(chunk, at + 4), 0);
        at += size;
      }
    }
    return true;
  }

  #toPartition(tuple: Uint8Array, hash: number, depth: number): void {
    const p = partitionOf(hash, depth);
    const buffer = this.#buffers[p] as Uint8Array;
    let used = this.#buffered[p] as number;
    const file = (this.#files as SpillFile[])[p] as SpillFile;
    if (used + tuple.length > buffer.length) {
      file.append(buffer.subarray(0, used));
      used = 0;
    }
    if (tuple.length > buffer.length) file.append(tuple);
    else {
      buffer.set(tuple, used);
      used += tuple.length;
    }
    this.#buffered[p] = used;
  }

  /**
   * Calls `reduce` once a key, with that key's tuples in the order they were appended; keys come in no particular
   * order, and the group is valid only during its call. The store is emptied (and its files removed) as it goes.
   */
  forEachGroup(reduce: (group: TupleGroup) => void): void {
    const files = this.#files;
    if (files === undefined) {
      const filled = this.#chunks.filled();
      this.#chunks = new Chunks();
      reduceBuffers(filled, reduce);
    } else {
      files.forEach((file, p) => {
        const used = this.#buffered[p] as number;
        if (used > 0) file.append((this.#buffers[p] as Uint8Array).subarray(0, used));
      });
      this.#buffers = [];
      this.#buffered = [];
      this.#scratch = new Uint8Array(0);
      this.#files = undefined;
      for (const file of files) this.#reducePartition(file, 1, reduce);
    }
    this.#budget.charge(-this.#inMemory);
    this.#inMemory = 0;
    this.#count = 0;
  }

  #reducePartition(file: SpillFile, depth: number, reduce: (group: TupleGroup) => void): void {
    const spillFiles = this.#budget.files;
    if (file.size === 0) {
      file.remove();
      return;
    }
    if (file.size <= this.#budget.bytes || depth >= MAX_DEPTH || spillFiles === undefined) {
      const bytes = file.readAll();
      file.remove();
      reduceBuffers([bytes], reduce);
      return;
    }
    // Still too big: split it by the next bits of the hash (a single huge key stays whole at the last depth).
    const bytes = file.readAll();
    file.remove();
    const pieces = Array.from({ length: PARTITIONS }, () => [] as Uint8Array[]);
    for (let at = 0; at < bytes.length; ) {
      const size = readU32(bytes, at);
      (pieces[partitionOf(readU32(bytes, at + 4), depth)] as Uint8Array[]).push(bytes.subarray(at, at + size));
      at += size;
    }
    const parts = pieces.map((list) => {
      const part = spillFiles.create();
      if (list.length > 0) part.append(concat(list));
      return part;
    });
    for (const part of parts) this.#reducePartition(part, depth + 1, reduce);
  }
}

function concat(pieces: readonly Uint8Array[]): Uint8Array {
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

function partitionOf(hash: number, depth: number): number {
  return (hash >>> (32 - PARTITION_BITS * (depth + 1))) & (PARTITIONS - 1);
}

/** Writes a tuple at `at`; returns its size in bytes. */
function encode(bytes: Uint8Array, at: number, hash: number, record: number, key: string, fields: readonly TupleField[]): number {
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
function reduceBuffers(buffers: readonly Uint8Array[], reduce: (group: TupleGroup) => void): void {
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
  const group = new Group();
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
