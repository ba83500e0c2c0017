// Tuples as bytes grouped by key again (see tuple-bytes.ts for their layout): at the end of a feed, for a store's
// chunks or one spilled partition at a time. Keys are hashed into an open-addressing table of typed arrays, as the
// values form groups them (tuple-columns.ts), so no object is made per tuple or per key. Pure: no IO.
import type { TupleField, TupleGroup } from './keyed-tuples.js';
import { borrowInt32, giveBack } from './int32-scratch.js';
import { HEADER, readField, readU32, sameBytes, skipField, slotMask } from './tuple-bytes.js';

/**
 * One key's members while its reduce runs, by position in the shared `order` of entries (valid only during the call;
 * the group object is reused for the next key). Fields are decoded only when asked for.
 */
class ByteGroup implements TupleGroup {
  readonly #buffers: readonly Uint8Array[];
  readonly #bufferOf: Int32Array;
  readonly #atOf: Int32Array;
  readonly #order: Int32Array;
  #key: string | undefined;
  #from = 0;
  size = 0;
  /** The last field found: its entry, number and position, so reading a member's fields in order skips each once. */
  #lastEntry = -1;
  #lastField = 0;
  #lastAt = 0;

  constructor(buffers: readonly Uint8Array[], bufferOf: Int32Array, atOf: Int32Array, order: Int32Array) {
    this.#buffers = buffers;
    this.#bufferOf = bufferOf;
    this.#atOf = atOf;
    this.#order = order;
  }

  set(from: number, size: number): this {
    this.#from = from;
    this.size = size;
    this.#key = undefined;
    return this;
  }

  /** Decoded when asked for: most groups are never looked at. */
  get key(): string {
    const entry = this.#entry(0);
    this.#key ??= readField(this.#bytesOf(entry), (this.#atOf[entry] as number) + HEADER) as string;
    return this.#key;
  }

  record(member: number): number {
    const entry = this.#entry(member);
    return readU32(this.#bytesOf(entry), (this.#atOf[entry] as number) + 8) | 0;
  }

  field(member: number, field: number): TupleField {
    const entry = this.#entry(member);
    const bytes = this.#bytesOf(entry);
    const at = this.#fieldAt(entry, bytes, field);
    return at < 0 ? undefined : readField(bytes, at);
  }

  text(member: number, field: number): string | undefined {
    const value = this.field(member, field);
    return typeof value === 'string' ? value : undefined;
  }

  sameField(a: number, b: number, field: number): boolean {
    const entryA = this.#entry(a);
    const entryB = this.#entry(b);
    const bytesA = this.#bytesOf(entryA);
    const bytesB = this.#bytesOf(entryB);
    const atA = this.#fieldAt(entryA, bytesA, field);
    const atB = this.#fieldAt(entryB, bytesB, field);
    if (atA < 0 || atB < 0) return atA === atB;
    return sameBytes(bytesA, atA, bytesB, atB);
  }

  #entry(member: number): number {
    return this.#order[this.#from + member] as number;
  }

  #bytesOf(entry: number): Uint8Array {
    return this.#buffers[this.#bufferOf[entry] as number] as Uint8Array;
  }

  /** Where the entry's field starts in its buffer, or -1 when the tuple has no such field (its field 0 is the key). */
  #fieldAt(entry: number, bytes: Uint8Array, field: number): number {
    const tuple = this.#atOf[entry] as number;
    if (field < 0 || field + 1 >= (bytes[tuple + 12] as number)) return -1;
    let f = 0;
    let p: number;
    if (entry === this.#lastEntry && field >= this.#lastField) {
      f = this.#lastField;
      p = this.#lastAt;
    } else p = skipField(bytes, tuple + HEADER);
    for (; f < field; f++) p = skipField(bytes, p);
    this.#lastEntry = entry;
    this.#lastField = field;
    this.#lastAt = p;
    return p;
  }
}

/**
 * Groups the tuples of some buffers (each a run of whole tuples, maybe followed by zeros) by key and reduces each
 * group: its tuples in the order they were appended, keys in the order they first appear. Each entry is given its
 * key's group number (a key's bytes are compared only with those of a key of the same 32-bit hash), then the entries
 * are put side by side by a counting sort: 32–40 bytes of typed arrays per tuple while a buffer or partition is grouped.
 * Only keys of at least `minSize` tuples are reduced.
 */
export function reduceBuffers(buffers: readonly Uint8Array[], reduce: (group: TupleGroup) => void, minSize = 1): void {
  let count = 0;
  for (const bytes of buffers) {
    for (let at = 0; at < bytes.length; ) {
      const size = readU32(bytes, at);
      if (size === 0) break;
      count++;
      at += size;
    }
  }
  if (count === 0) return;
  const bufferOf = borrowInt32(count);
  const atOf = borrowInt32(count);
  const mask = slotMask(count);
  /** The slot's key as its group number, plus 1 (0: an empty slot); the key's hash is read from its first entry. */
  const slotGroup = borrowInt32(mask + 1);
  /** By entry: its group. By group: its first entry, and its size (then where its entries start in `order`). */
  const groupOf = borrowInt32(count);
  const firstOf = borrowInt32(count);
  const sizes = borrowInt32(count);
  const order = borrowInt32(count);
  try {
    groupEntries(buffers, count, mask, { bufferOf, atOf, slotGroup, groupOf, firstOf, sizes, order }, reduce, minSize);
  } finally {
    giveBack(bufferOf, atOf, slotGroup, groupOf, firstOf, sizes, order);
  }
}

/** reduceBuffers' working arrays (borrowed, see int32-scratch.ts), each at least `count` long, `slotGroup` mask + 1. */
interface EntryArrays {
  bufferOf: Int32Array;
  atOf: Int32Array;
  slotGroup: Int32Array;
  groupOf: Int32Array;
  firstOf: Int32Array;
  sizes: Int32Array;
  order: Int32Array;
}

/** reduceBuffers' work once its arrays are borrowed: group the `count` entries, then reduce the groups of `minSize`. */
function groupEntries(buffers: readonly Uint8Array[], count: number, mask: number, arrays: EntryArrays, reduce: (group: TupleGroup) => void, minSize: number): void {
  const { bufferOf, atOf, slotGroup, groupOf, firstOf, sizes, order } = arrays;
  let groups = 0;
  let e = 0;
  for (let b = 0; b < buffers.length; b++) {
    const bytes = buffers[b] as Uint8Array;
    for (let at = 0; e < count && at < bytes.length; ) {
      const size = readU32(bytes, at);
      if (size === 0) break;
      bufferOf[e] = b;
      atOf[e] = at;
      const hash = readU32(bytes, at + 4);
      let slot = hash & mask;
      for (;;) {
        const g = (slotGroup[slot] as number) - 1;
        if (g < 0) {
          slotGroup[slot] = groups + 1;
          firstOf[groups] = e;
          sizes[groups] = 1;
          groupOf[e] = groups++;
          break;
        }
        const f = firstOf[g] as number;
        const fBytes = buffers[bufferOf[f] as number] as Uint8Array;
        const fAt = atOf[f] as number;
        if (readU32(fBytes, fAt + 4) === hash && sameBytes(fBytes, fAt + HEADER, bytes, at + HEADER)) {
          sizes[g] = (sizes[g] as number) + 1;
          groupOf[e] = g;
          break;
        }
        slot = (slot + 1) & mask;
      }
      e++;
      at += size;
    }
  }
  // Each key's entries side by side, in key order then append order (a counting sort by group), for the group to index.
  let from = 0;
  for (let g = 0; g < groups; g++) {
    const size = sizes[g] as number;
    sizes[g] = from;
    from += size;
  }
  for (let entry = 0; entry < count; entry++) {
    const g = groupOf[entry] as number;
    const at = sizes[g] as number;
    order[at] = entry;
    sizes[g] = at + 1;
  }
  const group = new ByteGroup(buffers, bufferOf, atOf, order);
  for (let g = 0, start = 0; g < groups; g++) {
    const end = sizes[g] as number;
    if (end - start >= minSize) reduce(group.set(start, end - start));
    start = end;
  }
}
