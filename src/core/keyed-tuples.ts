// What a feed rule keeps of each record until the feed ends, as compact tuples under a group key (a SKU, a product ID,
// a Variant Group ID): visit() appends, finish() reads them back key by key. A store starts with its tuples as plain
// values in columns (tuple-columns.ts), cheap to add and group but heavier on the heap; past a few MiB it encodes them
// as bytes in memory (tuple-bytes.ts); past the feed's memory budget it hash-partitions them into files the engine
// provides, and each partition is read back and grouped on its own, so what a feed rule holds stays bounded whatever
// the feed's length. Pure: no IO of its own.
import { Chunks, concat, encode, hashKey, maxTupleBytes, readU32 } from './tuple-bytes.js';
import { reduceBuffers } from './tuple-byte-groups.js';
import { TupleColumns } from './tuple-columns.js';

export { hashKey };

/** forEachGroup's `minSize` for a rule that looks only for keys appended more than once. */
export const REPEATS = 2;

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

/**
 * What a store's first tuple is charged beyond its own estimate: the store and its columns' first backing arrays. It
 * also makes a budget of a few KiB (the tests') spill at the first tuple, as a store of bytes in chunks did.
 */
const FIRST_CHARGE = 4 * 1024;
/**
 * What a store's tuples may take on the heap as values, as estimated, before they are encoded as bytes: values cost
 * about twice the bytes, and the collector copies them while they are young, so only small feeds (the service's
 * requests; feeds of some 10,000 items) keep them so. Bytes cost more to write and to group, not to hold.
 */
const COLUMN_BYTES = 4 * 1024 * 1024;
/** A store charges the budget its estimate in steps of this much (or less when the budget has less room left). */
const CHARGE_STEP = 64 * 1024;
/** Partitions per spill; a partition still over the budget is split again by other bits of the hash. */
const PARTITION_BITS = 5;
const PARTITIONS = 1 << PARTITION_BITS;
const MAX_DEPTH = 3;
/** Bytes a spilled store buffers per partition before writing them out. */
const PARTITION_BUFFER = 16 * 1024;

/** The budget every store of a feed shares, and where they spill past it. */
export class TupleBudget {
  readonly bytes: number;
  readonly files: SpillFiles | undefined;
  #used = 0;
  readonly #stores: KeyedTuples[] = [];

  /** Heap a store's tuples may take as values (as estimated) before it encodes them as bytes. */
  readonly columnBytes: number;

  /** Without `files`, nothing spills: the stores keep everything in memory (rules run alone, in tests). */
  constructor(bytes: number, files?: SpillFiles, columnBytes = COLUMN_BYTES) {
    this.bytes = bytes;
    this.files = files;
    this.columnBytes = columnBytes;
  }

  get used(): number {
    return this.#used;
  }

  /** Bytes left before the budget is passed (0 once it is). */
  get room(): number {
    return Math.max(0, this.bytes - this.#used);
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

/**
 * A feed rule's tuples: append() during the feed, forEachGroup() once at its end. Each tuple carries its record
 * number and up to 254 fields besides its key, which it keeps too, so keys that share a hash are told apart.
 */
export class KeyedTuples {
  readonly #budget: TupleBudget;
  /** Where the tuples are: values in columns, until they are bytes in chunks, until they are in partition files. */
  #columns: TupleColumns | undefined = new TupleColumns();
  #chunks: Chunks | undefined;
  /** Bytes charged to the budget; with columns, bytes estimated since (charged in steps), and when to charge next. */
  #inMemory = 0;
  #pending = FIRST_CHARGE;
  #chargeAt = 0;
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

  /** Bytes this store holds in memory: its columns (as estimated), chunks or write buffers. */
  get inMemory(): number {
    return this.#inMemory + this.#pending;
  }

  get spilled(): boolean {
    return this.#files !== undefined;
  }

  /** Whether the store holds its tuples as values (it has not yet encoded them as bytes). */
  get asValues(): boolean {
    return this.#columns !== undefined;
  }

  get count(): number {
    return this.#count;
  }

  /** Appends a tuple. `fields` is read during the call only: a caller may reuse its array. */
  append(key: string, record: number, fields: readonly TupleField[]): void {
    if (fields.length > 254) throw new RangeError('a tuple takes at most 254 fields besides its key');
    this.#count++;
    const columns = this.#columns;
    if (columns !== undefined) {
      this.#pending += columns.append(key, record, fields);
      if (this.#pending >= this.#chargeAt) this.#charge();
    } else if (this.#chunks !== undefined) {
      const grown = this.#chunks.append(key, record, fields);
      if (grown > 0) {
        this.#inMemory += grown;
        this.#budget.charge(grown);
      }
    } else this.#encodeToPartition(key, record, fields);
  }

  /**
   * Charges what the columns were estimated to take since the last charge; the budget may spill this store (or
   * another) in the call. Past the store's share of values, they are encoded as bytes.
   */
  #charge(): void {
    const pending = this.#pending;
    this.#pending = 0;
    this.#inMemory += pending;
    this.#budget.charge(pending);
    if (this.#columns !== undefined && this.#inMemory > this.#budget.columnBytes) this.#toChunks(this.#columns);
    // The next charge comes before the budget or the store's share of values can be passed by much.
    this.#chargeAt = Math.max(1, Math.min(CHARGE_STEP, this.#budget.room, this.#budget.columnBytes - this.#inMemory));
  }

  #toChunks(columns: TupleColumns): void {
    const chunks = new Chunks();
    let allocated = 0;
    const fields: TupleField[] = [];
    for (let t = 0; t < columns.size; t++) allocated += chunks.append(columns.key(t), columns.record(t), columns.fieldsOf(t, fields));
    this.#columns = undefined;
    this.#chunks = chunks;
    const freed = this.#inMemory;
    this.#inMemory = allocated;
    this.#budget.charge(allocated - freed);
  }

  #encodeToPartition(key: string, record: number, fields: readonly TupleField[]): void {
    const most = maxTupleBytes(key, fields);
    if (this.#scratch.length < most) this.#scratch = new Uint8Array(Math.max(most, 4096));
    const size = encode(this.#scratch, 0, record, key, fields);
    this.#toPartition(this.#scratch.subarray(0, size), readU32(this.#scratch, 4), 0);
  }

  /** @internal Moves what is in memory to partition files; false when there is nothing to gain. */
  spill(files: SpillFiles): boolean {
    const columns = this.#columns;
    const chunks = this.#chunks;
    if (this.#files !== undefined || (columns?.size ?? 0) + (chunks?.list.length ?? 0) === 0) return false;
    this.#files = Array.from({ length: PARTITIONS }, () => files.create());
    this.#buffers = Array.from({ length: PARTITIONS }, () => new Uint8Array(PARTITION_BUFFER));
    this.#buffered = new Array<number>(PARTITIONS).fill(0);
    this.#columns = undefined;
    this.#chunks = undefined;
    const freed = this.#inMemory;
    this.#inMemory = PARTITIONS * PARTITION_BUFFER;
    this.#pending = 0;
    this.#budget.charge(this.#inMemory - freed);
    if (columns !== undefined) {
      const fields: TupleField[] = [];
      for (let t = 0; t < columns.size; t++) this.#encodeToPartition(columns.key(t), columns.record(t), columns.fieldsOf(t, fields));
    }
    for (const chunk of chunks?.filled() ?? []) {
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
   * Calls `reduce` once a key of at least `minSize` tuples (1: every key; a rule that looks only for repeats asks for
   * 2, and the keys of one tuple make no call), with that key's tuples in the order they were appended; keys come in
   * no particular order, and the group is valid only during its call. The store is emptied (and its files removed) as
   * it goes.
   */
  forEachGroup(reduce: (group: TupleGroup) => void, minSize = 1): void {
    const columns = this.#columns;
    const chunks = this.#chunks;
    const files = this.#files;
    this.#columns = new TupleColumns();
    this.#chunks = undefined;
    if (columns !== undefined) columns.forEachGroup(reduce, minSize);
    else if (chunks !== undefined) reduceBuffers(chunks.filled(), reduce, minSize);
    else if (files !== undefined) {
      files.forEach((file, p) => {
        const used = this.#buffered[p] as number;
        if (used > 0) file.append((this.#buffers[p] as Uint8Array).subarray(0, used));
      });
      this.#buffers = [];
      this.#buffered = [];
      this.#scratch = new Uint8Array(0);
      this.#files = undefined;
      for (const file of files) this.#reducePartition(file, 1, reduce, minSize);
    }
    this.#budget.charge(-this.#inMemory);
    this.#inMemory = 0;
    this.#pending = FIRST_CHARGE;
    this.#chargeAt = 0;
    this.#count = 0;
  }

  #reducePartition(file: SpillFile, depth: number, reduce: (group: TupleGroup) => void, minSize: number): void {
    const spillFiles = this.#budget.files;
    if (file.size === 0) {
      file.remove();
      return;
    }
    if (file.size <= this.#budget.bytes || depth >= MAX_DEPTH || spillFiles === undefined) {
      const bytes = file.readAll();
      file.remove();
      reduceBuffers([bytes], reduce, minSize);
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
    for (const part of parts) this.#reducePartition(part, depth + 1, reduce, minSize);
  }
}

function partitionOf(hash: number, depth: number): number {
  return (hash >>> (32 - PARTITION_BITS * (depth + 1))) & (PARTITIONS - 1);
}

