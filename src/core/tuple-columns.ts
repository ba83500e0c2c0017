// A feed rule's tuples while the store is small (see keyed-tuples.ts): plain values in one array per column
// (keys, record numbers, each field), no object and no encoding per tuple, with an estimate of the heap they hold;
// grouped by key at the end through a hash table of typed arrays. Pure: no IO.
import type { TupleField, TupleGroup } from './keyed-tuples.js';
import { hashKey } from './tuple-bytes.js';

/** A field the tuple does not have: it was appended with fewer fields than others in its store. */
const ABSENT = null;
type Cell = TupleField | typeof ABSENT;

/**
 * Heap bytes estimated for a slot of a column: 8 for the value, a quarter more for the room an array keeps to grow.
 * Numbers are held in the slot; texts are shared with the record the tuple came from, and counted on their own.
 */
const SLOT_BYTES = 10;

/** A text's heap bytes as V8 keeps a one-byte string: a 16-byte header and the characters, rounded up to 8. */
export function textBytes(text: string): number {
  return (text.length + 23) & ~7;
}

/** Tuples a chunk of a column holds: past the first chunk, a column grows by whole chunks and never copies. */
const CHUNK_BITS = 10;
const CHUNK = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK - 1;

/**
 * A column in chunks of CHUNK cells. The first chunk grows as an array does (a small feed or a service request keeps
 * a small store); later chunks are made whole, so the column never copies what it holds: a growing array copied its
 * cells about twice over, a quarter of the garbage a valid record left behind with every rule pack on.
 */
class Column<T> {
  readonly chunks: T[][] = [[]];

  get(tuple: number): T {
    return (this.chunks[tuple >>> CHUNK_BITS] as T[])[tuple & CHUNK_MASK] as T;
  }

  /** Sets the cell of tuple `tuple`, the next one after those the column holds. */
  add(tuple: number, value: T): void {
    if (tuple < CHUNK) (this.chunks[0] as T[]).push(value);
    else {
      if ((tuple & CHUNK_MASK) === 0) this.chunks.push(new Array<T>(CHUNK));
      (this.chunks[tuple >>> CHUNK_BITS] as T[])[tuple & CHUNK_MASK] = value;
    }
  }
}

export class TupleColumns {
  readonly #keys = new Column<string>();
  readonly #records = new Column<number>();
  /** By field; a column made after some tuples holds ABSENT for them. */
  readonly #fields: Array<Column<Cell>> = [];
  #size = 0;

  get size(): number {
    return this.#size;
  }

  keyAt(tuple: number): string {
    return this.#keys.get(tuple);
  }

  recordAt(tuple: number): number {
    return this.#records.get(tuple);
  }

  /** The tuple's field, or ABSENT when the tuple does not have it. */
  cell(field: number, tuple: number): Cell {
    const column = this.#fields[field];
    return column === undefined ? ABSENT : column.get(tuple);
  }

  /** Whether no tuple has the field. */
  lacks(field: number): boolean {
    return field >= this.#fields.length;
  }

  /** Appends a tuple; returns the heap bytes it is estimated to hold. */
  append(key: string, record: number, fields: readonly TupleField[]): number {
    const columns = this.#fields;
    const n = fields.length;
    const t = this.#size;
    while (columns.length < n) columns.push(absentColumn(t));
    this.#keys.add(t, key);
    this.#records.add(t, record | 0);
    let bytes = textBytes(key);
    for (let f = 0; f < n; f++) {
      const value = fields[f];
      if (typeof value === 'string') bytes += textBytes(value);
      // Whole numbers as the byte form keeps them, so a field reads back the same in memory and spilled.
      (columns[f] as Column<Cell>).add(t, typeof value === 'number' ? value | 0 : value);
    }
    for (let f = n; f < columns.length; f++) (columns[f] as Column<Cell>).add(t, ABSENT);
    this.#size = t + 1;
    return bytes + (2 + columns.length) * SLOT_BYTES;
  }

  /** The tuple's fields (as appended, without trailing absent ones) into `into`; returns `into`. */
  fieldsOf(tuple: number, into: TupleField[]): TupleField[] {
    into.length = 0;
    for (const column of this.#fields) {
      const value = column.get(tuple);
      if (value === ABSENT) break;
      into.push(value);
    }
    return into;
  }

  /**
   * Calls `reduce` once a key, with that key's tuples in the order they were appended, keys in the order they first
   * appeared. Keys are hashed into an open-addressing table (hash and first tuple per slot); each tuple links to the
   * next one of its key, so no array or object is made per key.
   */
  forEachGroup(reduce: (group: TupleGroup) => void): void {
    const count = this.#size;
    if (count === 0) return;
    const keys = this.#keys;
    let capacity = 16;
    while (capacity < count * 2) capacity *= 2;
    const mask = capacity - 1;
    const slotHash = new Int32Array(capacity);
    /** The first tuple of the slot's key, plus 1 (0: an empty slot). */
    const slotFirst = new Int32Array(capacity);
    const next = new Int32Array(count).fill(-1);
    /** By first tuple: the key's last tuple so far, and its count. */
    const last = new Int32Array(count);
    const sizes = new Int32Array(count);
    const firsts = new Int32Array(count);
    let groups = 0;
    for (let t = 0; t < count; t++) {
      const key = keys.get(t);
      const hash = hashKey(key) | 0;
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
        if (slotHash[slot] === hash && keys.get(first) === key) {
          next[last[first] as number] = t;
          last[first] = t;
          sizes[first] = (sizes[first] as number) + 1;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
    // Each key's tuples side by side, in key order then append order, for the group to index.
    const order = new Int32Array(count);
    const group = new ColumnGroup(this, order);
    let at = 0;
    for (let g = 0; g < groups; g++) {
      const first = firsts[g] as number;
      const from = at;
      for (let t = first; t >= 0; t = next[t] as number) order[at++] = t;
      reduce(group.set(from, sizes[first] as number));
    }
  }
}

/** A column holding ABSENT for the first `length` tuples. */
function absentColumn(length: number): Column<Cell> {
  const column = new Column<Cell>();
  for (let t = 0; t < length; t++) column.add(t, ABSENT);
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
    return this.#columns.keyAt(this.#tuple(0));
  }

  record(member: number): number {
    return this.#columns.recordAt(this.#tuple(member));
  }

  field(member: number, field: number): TupleField {
    const value = this.#columns.cell(field, this.#tuple(member));
    return value === ABSENT ? undefined : value;
  }

  text(member: number, field: number): string | undefined {
    const value = this.field(member, field);
    return typeof value === 'string' ? value : undefined;
  }

  sameField(a: number, b: number, field: number): boolean {
    // No tuple has the field: both are without it. A tuple without it differs from one that holds undefined.
    const columns = this.#columns;
    return columns.lacks(field) || columns.cell(field, this.#tuple(a)) === columns.cell(field, this.#tuple(b));
  }

  #tuple(member: number): number {
    return this.#order[this.#from + member] as number;
  }
}
