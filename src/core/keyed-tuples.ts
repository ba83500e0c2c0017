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
/** Partitions per spill; a partition still over the budget is split again by other bits of the hash. */
const PARTITION_BITS = 5;
const PARTITIONS = 1 << PARTITION_BITS;
const MAX_DEPTH = 3;
/** Bytes a spilled store buffers per partition before writing them out. */
const PARTITION_BUFFER = 16 * 1024;

const TAG_UNDEFINED = 0;
const TAG_INT = 1;
/** Text whose code units are all below 0x80: a byte each. */
const TAG_ASCII = 2;
/** Any other text: its UTF-16 code units as they are, so lone surrogates come back unchanged. */
const TAG_UTF16 = 3;
/** length (u32), hash (u32), record (i32), fields (u8) */
const HEADER = 13;

export function hashKey(text: string): number {
  let h = 0x811c9dc5 ^ text.length;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) >>> 0;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return false;
  return true;
}

function fieldBytes(value: TupleField): number {
  if (value === undefined) return 1;
  if (typeof value === 'number') return 5;
  return 5 + (isAscii(value) ? value.length : value.length * 2);
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
  let p = at + 5;
  if (isAscii(value)) {
    bytes[at] = TAG_ASCII;
    for (let i = 0; i < value.length; i++) bytes[p++] = value.charCodeAt(i);
  } else {
    bytes[at] = TAG_UTF16;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      bytes[p++] = c & 0xff;
      bytes[p++] = c >>> 8;
    }
  }
  writeU32(bytes, at + 1, value.length);
  return p;
}

/** Where the field after the one at `at` starts. */
function skipField(bytes: Uint8Array, at: number): number {
  const tag = bytes[at];
  if (tag === TAG_UNDEFINED) return at + 1;
  if (tag === TAG_INT) return at + 5;
  const units = readU32(bytes, at + 1);
  return at + 5 + (tag === TAG_ASCII ? units : units * 2);
}

function readText(bytes: Uint8Array, at: number, units: number, wide: boolean): string {
  let text = '';
  // In slices, so String.fromCharCode never gets more arguments than a call may take.
  const codes: number[] = [];
  for (let i = 0; i < units; i++) {
    codes.push(wide ? (bytes[at + 2 * i] as number) | ((bytes[at + 2 * i + 1] as number) << 8) : (bytes[at + i] as number));
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
  return readText(bytes, at + 5, readU32(bytes, at + 1), tag === TAG_UTF16);
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

  /** @internal Counts `delta` bytes of memory; past the budget, the store holding the most in memory spills it. */
  charge(delta: number): void {
    this.#used += delta;
    if (this.files === undefined) return;
    while (this.#used > this.bytes) {
      let largest: KeyedTuples | undefined;
      for (const s of this.#stores) if (largest === undefined || s.inMemory > largest.inMemory) largest = s;
      if (largest === undefined || !largest.spill(this.files)) return;
    }
  }
}

/** Tuples laid out in memory: whole chunks of bytes, each tuple inside one. */
class Chunks {
  readonly list: Uint8Array[] = [];
  /** Bytes used in the last chunk. */
  used = 0;

  /** Room for `size` bytes; returns the chunk and where to write, and how many new bytes were allocated. */
  reserve(size: number): number {
    const last = this.list[this.list.length - 1];
    if (last !== undefined && this.used + size <= last.length) return 0;
    const chunk = new Uint8Array(Math.max(CHUNK, size));
    this.list.push(chunk);
    this.used = 0;
    return chunk.length;
  }
}

/** The tuples of some buffers being reduced, by entry number: which buffer, and where in it. */
interface Entries {
  readonly buffers: readonly Uint8Array[];
  readonly buffer: number[];
  readonly at: number[];
}

/** One key's members: entry numbers of its tuples. */
class Group implements TupleGroup {
  readonly key: string;
  readonly #entries: Entries;
  readonly #members: readonly number[];

  constructor(key: string, entries: Entries, members: readonly number[]) {
    this.key = key;
    this.#entries = entries;
    this.#members = members;
  }

  get size(): number {
    return this.#members.length;
  }

  record(member: number): number {
    const e = this.#members[member] as number;
    return readU32(this.#entries.buffers[this.#entries.buffer[e] as number] as Uint8Array, (this.#entries.at[e] as number) + 8) | 0;
  }

  field(member: number, field: number): TupleField {
    const bytes = this.#bytesOf(member);
    const at = this.#fieldAt(member, field);
    return at < 0 ? undefined : readField(bytes, at);
  }

  text(member: number, field: number): string | undefined {
    const value = this.field(member, field);
    return typeof value === 'string' ? value : undefined;
  }

  sameField(a: number, b: number, field: number): boolean {
    const bytesA = this.#bytesOf(a);
    const bytesB = this.#bytesOf(b);
    const atA = this.#fieldAt(a, field);
    const atB = this.#fieldAt(b, field);
    if (atA < 0 || atB < 0) return atA === atB;
    const endA = skipField(bytesA, atA);
    if (endA - atA !== skipField(bytesB, atB) - atB) return false;
    for (let i = 0; i < endA - atA; i++) if (bytesA[atA + i] !== bytesB[atB + i]) return false;
    return true;
  }

  #bytesOf(member: number): Uint8Array {
    return this.#entries.buffers[this.#entries.buffer[this.#members[member] as number] as number] as Uint8Array;
  }

  /** Where the field starts in its buffer, or -1 when the tuple has no such field. Field 0 of the tuple is the key. */
  #fieldAt(member: number, field: number): number {
    const bytes = this.#bytesOf(member);
    const at = this.#entries.at[this.#members[member] as number] as number;
    if (field < 0 || field + 1 >= (bytes[at + 12] as number)) return -1;
    let p = skipField(bytes, at + HEADER);
    for (let f = 0; f < field; f++) p = skipField(bytes, p);
    return p;
  }
}

/**
 * A feed rule's tuples: append() during the feed, forEachGroup() once at its end. Each tuple carries its record
 * number and up to 255 fields; the key's first field is the key itself, so keys that share a hash are told apart.
 */
export class KeyedTuples {
  readonly #budget: TupleBudget;
  #chunks = new Chunks();
  #inMemory = 0;
  /** Once spilled: a file and a write buffer per partition. */
  #files: SpillFile[] | undefined;
  #buffers: Uint8Array[] = [];
  #buffered: number[] = [];
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
    let size = HEADER + fieldBytes(key);
    for (let f = 0; f < fields.length; f++) size += fieldBytes(fields[f]);
    if (fields.length > 254) throw new RangeError('a tuple takes at most 254 fields');
    const hash = hashKey(key);
    this.#count++;
    if (this.#files !== undefined) {
      const bytes = new Uint8Array(size);
      encode(bytes, 0, size, hash, record, key, fields);
      this.#toPartition(bytes, hash, 0);
      return;
    }
    const grown = this.#chunks.reserve(size);
    const chunk = this.#chunks.list[this.#chunks.list.length - 1] as Uint8Array;
    encode(chunk, this.#chunks.used, size, hash, record, key, fields);
    this.#chunks.used += size;
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
    const chunks = this.#chunks;
    this.#chunks = new Chunks();
    const freed = this.#inMemory;
    this.#inMemory = PARTITIONS * PARTITION_BUFFER;
    this.#budget.charge(this.#inMemory - freed);
    chunks.list.forEach((chunk, c) => {
      const end = c === chunks.list.length - 1 ? chunks.used : chunk.length;
      for (let at = 0; at < end; ) {
        const size = readU32(chunk, at);
        if (size === 0) break;
        this.#toPartition(chunk.subarray(at, at + size), readU32(chunk, at + 4), 0);
        at += size;
      }
    });
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
   * order. The store is emptied (and its files removed) as it goes.
   */
  forEachGroup(reduce: (group: TupleGroup) => void): void {
    const files = this.#files;
    if (files === undefined) {
      const chunks = this.#chunks;
      this.#chunks = new Chunks();
      reduceBuffers(chunks.list.map((chunk, c) => (c === chunks.list.length - 1 ? chunk.subarray(0, chunks.used) : chunk)), reduce);
    } else {
      files.forEach((file, p) => {
        const used = this.#buffered[p] as number;
        if (used > 0) file.append((this.#buffers[p] as Uint8Array).subarray(0, used));
      });
      this.#buffers = [];
      this.#buffered = [];
      this.#files = undefined;
      for (const file of files) this.#reducePartition(file, 1, reduce);
    }
    this.#budget.charge(-this.#inMemory);
    this.#inMemory = 0;
    this.#count = 0;
  }

  #reducePartition(file: SpillFile, depth: number, reduce: (group: TupleGroup) => void): void {
    const spillFiles = this.#budget.files;
    if (file.size <= this.#budget.bytes || depth >= MAX_DEPTH || spillFiles === undefined) {
      const bytes = file.readAll();
      file.remove();
      reduceBuffers([bytes], reduce);
      return;
    }
    // Still too big: split it by the next bits of the hash (a single huge key stays whole at the last depth).
    const parts = Array.from({ length: PARTITIONS }, () => spillFiles.create());
    const bytes = file.readAll();
    file.remove();
    const pieces = Array.from({ length: PARTITIONS }, () => [] as Uint8Array[]);
    for (let at = 0; at < bytes.length; ) {
      const size = readU32(bytes, at);
      (pieces[partitionOf(readU32(bytes, at + 4), depth)] as Uint8Array[]).push(bytes.subarray(at, at + size));
      at += size;
    }
    pieces.forEach((list, p) => {
      if (list.length > 0) (parts[p] as SpillFile).append(concat(list));
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

function encode(bytes: Uint8Array, at: number, size: number, hash: number, record: number, key: string, fields: readonly TupleField[]): void {
  writeU32(bytes, at, size);
  writeU32(bytes, at + 4, hash);
  writeU32(bytes, at + 8, record | 0);
  bytes[at + 12] = fields.length + 1;
  let p = writeField(bytes, at + HEADER, key);
  for (let f = 0; f < fields.length; f++) p = writeField(bytes, p, fields[f]);
}

/**
 * Groups the tuples of some buffers by key and reduces each group. Tuples are sorted by (hash, position) in one
 * Float64Array (the hash's low 21 bits, which partitions do not use, above 32 bits of position: exact in a double), so a key's tuples keep their order; within a
 * run of one hash prefix, keys are compared as text.
 */
function reduceBuffers(buffers: readonly Uint8Array[], reduce: (group: TupleGroup) => void): void {
  const entries: Entries = { buffers, buffer: [], at: [] };
  buffers.forEach((bytes, b) => {
    for (let at = 0; at < bytes.length; ) {
      const size = readU32(bytes, at);
      // A chunk's unused tail is zeros.
      if (size === 0) break;
      entries.buffer.push(b);
      entries.at.push(at);
      at += size;
    }
  });
  const hashOf = (e: number): number => readU32(entries.buffers[entries.buffer[e] as number] as Uint8Array, (entries.at[e] as number) + 4);
  const keyOf = (e: number): string => readField(entries.buffers[entries.buffer[e] as number] as Uint8Array, (entries.at[e] as number) + HEADER) as string;
  const order = new Float64Array(entries.at.length);
  for (let e = 0; e < order.length; e++) order[e] = (hashOf(e) & 0x1fffff) * 0x100000000 + e;
  order.sort();
  const prefixOf = (i: number): number => Math.floor((order[i] as number) / 0x100000000);
  const entryOf = (i: number): number => (order[i] as number) % 0x100000000;
  for (let start = 0; start < order.length; ) {
    const prefix = prefixOf(start);
    let end = start + 1;
    while (end < order.length && prefixOf(end) === prefix) end++;
    const first = entryOf(start);
    if (end === start + 1) reduce(new Group(keyOf(first), entries, [first]));
    else {
      // Usually one key; keys that share the prefix are split apart, each in first-appearance order.
      const byKey = new Map<string, number[]>([[keyOf(first), [first]]]);
      for (let i = start + 1; i < end; i++) {
        const e = entryOf(i);
        const key = keyOf(e);
        let members = byKey.get(key);
        if (members === undefined) byKey.set(key, (members = []));
        members.push(e);
      }
      for (const [key, members] of byKey) reduce(new Group(key, entries, members));
    }
    start = end;
  }
}
