// A feed rule's tuples while the store is small (see keyed-tuples.ts): plain values in columns (keys, record
// numbers, each field), no object and no encoding per tuple, with an estimate of the heap they hold; grouped by key at
// the end through a hash table of typed arrays. Pure: no IO.
import type { TupleField, TupleGroup } from './keyed-tuples.js';
import { borrowInt32, giveBack } from './int32-scratch.js';
import { taggedArray } from './tagged-array.js';
import { hashKey, slotMask } from './tuple-bytes.js';

/** A field the tuple does not have: it was appended with fewer fields than others in its store. */
const ABSENT = null;
type Cell = TupleField | typeof ABSENT;

/**
 * Heap bytes estimated for a slot of a column: 8 for the value, a quarter more for the room an array keeps to grow.
 * Numbers are held in the slot; texts are shared with the record the tuple came from, and counted on their own.
 */
const SLOT_BYTES = 10;

/**
 * A column is a list of blocks of this many slots, not one array: an array past 16,384 slots (128 KiB) lives in V8's
 * large-object space, where a store into it cost 10-15 times as much (44-68 ns against 4-5 ns in blocks), and a
 * store's appends past ~16,000 tuples cost 7-9 times those before (bench/stores.ts, BENCHMARKS.md, session 16). A
 * block stays an ordinary young array while it fills.
 */
const BLOCK_BITS = 12;
const BLOCK_MASK = (1 << BLOCK_BITS) - 1;

/** Slot `t` of a blocked column. */
function readSlot<T>(blocks: readonly T[][], t: number): T {
  return (blocks[t >>> BLOCK_BITS] as T[])[t & BLOCK_MASK] as T;
}

/** Writes slot `t`, the next one after the last written (a new block at each multiple of the block size). */
function writeSlot<T>(blocks: T[][], t: number, value: T): void {
  const b = t >>> BLOCK_BITS;
  let block = blocks[b];
  if (block === undefined) {
    block = taggedArray<T>();
    blocks.push(block);
  }
  block[t & BLOCK_MASK] = value;
}

/** A text's heap bytes as V8 keeps a one-byte string: a 16-byte header and the characters, rounded up to 8. */
export function textBytes(text: string): number {
  return (text.length + 23) & ~7;
}

export class TupleColumns {
  /** Blocks made with their final elements kind (see tagged-array.ts), so a fresh store's look like the last one's. */
  readonly #keys: string[][] = taggedArray<string[]>();
  /** Whole numbers only (`| 0`), in blocks of the general kind as well: one hidden class for every block. */
  readonly #records: number[][] = taggedArray<number[]>();
  /**
   * Each key's hash, worked out as the tuple is appended, while the rule has just read the key's text: grouping then
   * reads a key's text only where two hashes match, not every key's from wherever in the heap it lies.
   */
  readonly #hashes: number[][] = taggedArray<number[]>();
  /** By field, then by tuple (in blocks); a column made after some tuples holds ABSENT for them. */
  readonly #fields: Cell[][][] = taggedArray<Cell[][]>();
  #size = 0;

  get size(): number {
    return this.#size;
  }

  key(tuple: number): string {
    return readSlot(this.#keys, tuple);
  }

  record(tuple: number): number {
    return readSlot(this.#records, tuple);
  }

  /** The tuple's field, or ABSENT (null) when it was appended with fewer fields. */
  cell(tuple: number, field: number): Cell {
    const column = this.#fields[field];
    return column === undefined ? ABSENT : readSlot(column, tuple);
  }

  /** Appends a tuple; returns the heap bytes it is estimated to hold. */
  append(key: string, record: number, fields: readonly TupleField[]): number {
    const columns = this.#fields;
    const n = fields.length;
    const t = this.#size++;
    while (columns.length < n) columns.push(absentColumn(t));
    // Stores at the end rather than push(): the optimised code grows the arrays itself, where each push() here was a
    // call of the builtin (about 940 instructions a record over the three stores, callgrind 2026-11-25).
    writeSlot(this.#keys, t, key);
    writeSlot(this.#records, t, record | 0);
    writeSlot(this.#hashes, t, hashKey(key) | 0);
    let bytes = textBytes(key);
    for (let f = 0; f < n; f++) {
      const value = fields[f];
      if (typeof value === 'string') bytes += textBytes(value);
      // Whole numbers as the byte form keeps them, so a field reads back the same in memory and spilled.
      writeSlot(columns[f] as Cell[][], t, typeof value === 'number' ? value | 0 : value);
    }
    for (let f = n; f < columns.length; f++) writeSlot(columns[f] as Cell[][], t, ABSENT);
    return bytes + (3 + columns.length) * SLOT_BYTES;
  }

  /** The tuple's fields (as appended, without trailing absent ones) into `into`; returns `into`. */
  fieldsOf(tuple: number, into: TupleField[]): TupleField[] {
    into.length = 0;
    for (const column of this.#fields) {
      const value = readSlot(column, tuple);
      if (value === ABSENT) break;
      into.push(value);
    }
    return into;
  }

  /**
   * Calls `reduce` once a key of at least `minSize` tuples (1: every key), with that key's tuples in the order they
   * were appended, keys in the order they first appeared. Keys are hashed into an open-addressing table (hash and
   * first tuple per slot); each tuple links to the next one of its key, so no array or object is made per key. (A Map
   * in its place ran fewer instructions single-threaded but took ~13 ms a round of 10,000 records with V8's default
   * flags: 2026-11-25, session 14.) The hashes were worked out at append (#hashes), so this reads a key's text only
   * where two hashes match: catalog-gate's valid rate in part a +4% (BENCHMARKS.md, session 19; session 15's alternating runs, on a
   * machine whose vCPUs changed speed under them, could not show it). A rule that looks only for repeated keys asks for
   * `minSize` 2: the keys of one tuple (most SKUs and product IDs) then make no call.
   */
  forEachGroup(reduce: (group: TupleGroup) => void, minSize = 1): void {
    const count = this.#size;
    if (count === 0) return;
    const next = borrowInt32(count).fill(-1);
    const sizes = borrowInt32(count);
    const firsts = borrowInt32(count);
    const last = borrowInt32(count);
    const order = borrowInt32(count);
    const tableSize = slotMask(count) + 1;
    const slotHash = borrowInt32(tableSize);
    const slotFirst = borrowInt32(tableSize);
    try {
      const groups = linkKeys(this.#keys, this.#hashes, count, { next, sizes, firsts, last, slotHash, slotFirst });
      // Each key's tuples side by side, in key order then append order, for the group to index.
      const group = new ColumnGroup(this, order);
      let at = 0;
      for (let g = 0; g < groups; g++) {
        const first = firsts[g] as number;
        const size = sizes[first] as number;
        if (size < minSize) continue;
        const from = at;
        for (let t = first; t >= 0; t = next[t] as number) order[at++] = t;
        reduce(group.set(from, size));
      }
    } finally {
      giveBack(next, sizes, firsts, last, order, slotHash, slotFirst);
    }
  }
}

/**
 * Links each tuple to the next one of its key (`next`, -1 after a key's last) and lists the keys' first tuples in the
 * order the keys first appear (`firsts`), with each key's count by its first tuple (`sizes`); returns the number of
 * keys. A function of its own: V8 optimises a long loop while it runs (on-stack replacement) and keeps that code for
 * the next call, so a loop that shared forEachGroup with the code after it left that code at the first thing after it
 * not yet run ("insufficient type feedback"), every call, and reduced the groups unoptimised.
 */
function linkKeys(keys: readonly string[][], hashes: readonly number[][], count: number, arrays: LinkArrays): number {
  const { next, sizes, firsts, last, slotHash, slotFirst } = arrays;
  const mask = slotMask(count);
  let groups = 0;
  for (let t = 0; t < count; t++) {
    const hash = readSlot(hashes, t);
    let slot = hash & mask;
    for (;;) {
      const first = (slotFirst[slot] as number) - 1;
      if (first < 0) {
        slotHash[slot] = hash;
        slotFirst[slot] = t + 1;
        last[t] = t;
        sizes[t] = 1;
        firsts[groups++] = t;
        break;
      }
      if (slotHash[slot] === hash && readSlot(keys, first) === readSlot(keys, t)) {
        next[last[first] as number] = t;
        last[first] = t;
        sizes[first] = (sizes[first] as number) + 1;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return groups;
}

/** linkKeys' arrays, borrowed by forEachGroup (int32-scratch.ts): nothing after linkKeys' loop but its return (see above). */
interface LinkArrays {
  /** By tuple: the next tuple of its key, -1 after its key's last (filled with -1 by the caller). */
  next: Int32Array;
  /** By a key's first tuple: how many tuples the key has. */
  sizes: Int32Array;
  /** The keys' first tuples, in the order the keys first appear. */
  firsts: Int32Array;
  /** By a key's first tuple: its last tuple so far. */
  last: Int32Array;
  /** The hash table (mask + 1 slots): each slot's key hash, and its key's first tuple plus 1 (0: an empty slot). */
  slotHash: Int32Array;
  slotFirst: Int32Array;
}

/** A column made when `length` tuples are in: ABSENT for each of them. */
function absentColumn(length: number): Cell[][] {
  // Blocks of the general kind (writeSlot): texts, numbers and ABSENT alike, whatever the column's first value.
  const column = taggedArray<Cell[]>();
  for (let t = 0; t < length; t++) writeSlot(column, t, ABSENT);
  return column;
}

/** One key's tuples while its reduce runs; the object is reused for the next key. */
class ColumnGroup implements TupleGroup {
  readonly #columns: TupleColumns;
  readonly #order: Int32Array;
  #from = 0;
  size = 0;

  constructor(columns: TupleColumns, order: Int32Array) {
    this.#columns = columns;
    this.#order = order;
  }

  set(from: number, size: number): this {
    this.#from = from;
    this.size = size;
    return this;
  }

  get key(): string {
    return this.#columns.key(this.#tuple(0));
  }

  record(member: number): number {
    return this.#columns.record(this.#tuple(member));
  }

  field(member: number, field: number): TupleField {
    const value = this.#columns.cell(this.#tuple(member), field);
    return value === ABSENT ? undefined : value;
  }

  text(member: number, field: number): string | undefined {
    const value = this.field(member, field);
    return typeof value === 'string' ? value : undefined;
  }

  sameField(a: number, b: number, field: number): boolean {
    // A field no tuple has is ABSENT for both: alike. A tuple without it differs from one that holds undefined.
    return this.#columns.cell(this.#tuple(a), field) === this.#columns.cell(this.#tuple(b), field);
  }

  #tuple(member: number): number {
    return this.#order[this.#from + member] as number;
  }
}

/**
 * Every feed rule hands forEachGroup its own reduce. Left alone, V8 optimises forEachGroup's loop mid-call for the
 * first store's reduce, inlined, and the other stores' calls leave that code ("wrong call target") and reduce their
 * groups unoptimised: three times a feed, feed after feed (`--trace-deopt` over part a's alternating rounds of valid
 * and invalid items). Two reduces called here, at load, make the call site generic before anything is optimised.
 */
function primeReduceSite(): void {
  const columns = new TupleColumns();
  columns.append('', 0, []);
  columns.forEachGroup(() => undefined);
  columns.forEachGroup((group) => group.size);
}
primeReduceSite();
