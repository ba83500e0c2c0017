// A table from numbers to record numbers that stays small as a feed grows, for the duplicates rules, which keep an
// entry per record: 8 or 12 bytes a slot in typed arrays (open addressing, linear probing) instead of a Map entry and
// a key string. A key is an exact number (a GTIN-14's digits, in a Float64Array) or a 32-bit hash (a SKU's, in an
// Int32Array), which the caller then confirms.

const SHARDS = 64;
const FIRST_SLOTS = 64;
// Past this load a shard doubles; a shard is at most 1/64 of the table, so the copy a growth makes stays small.
const MAX_LOAD = 0.75;

type Keys = Float64Array | Int32Array;
type KeysOf = (slots: number) => Keys;

interface Shard {
  keys: Keys;
  /** The value + 1; 0 marks an empty slot. */
  values: Int32Array;
  size: number;
}

function newShard(keysOf: KeysOf, slots: number): Shard {
  return { keys: keysOf(slots), values: new Int32Array(slots), size: 0 };
}

/** Keys that are numbers below 2^53, kept exactly. */
export const exactKeys: KeysOf = (slots) => new Float64Array(slots);
/** Keys that are 32-bit integers (hashes). */
export const int32Keys: KeysOf = (slots) => new Int32Array(slots);

/** A 32-bit mix of an integer below 2^53 (its low and high words), spread over every bit. */
export function mixNumber(key: number): number {
  const lo = key >>> 0;
  const hi = Math.floor(key / 0x100000000) >>> 0;
  let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Keys may repeat: a hash key holds every record whose hash it is, and find() walks them with the caller's test, so
 * the caller can confirm a match exactly. Values are record numbers from 0 to 2^31 − 2.
 */
export class NumberTable {
  readonly #keysOf: KeysOf;
  readonly #shards: Shard[];

  /** `keysOf` says how keys are kept: exactKeys or int32Keys (then a key must be a 32-bit integer). */
  constructor(keysOf: KeysOf) {
    this.#keysOf = keysOf;
    this.#shards = Array.from({ length: SHARDS }, () => newShard(keysOf, FIRST_SLOTS));
  }

  /** The first value stored under `key` that `accept` takes (every one when it is left out), or undefined. */
  find(key: number, accept?: (value: number) => boolean): number | undefined {
    const mixed = mixNumber(key);
    const shard = this.#shards[mixed & (SHARDS - 1)] as Shard;
    const mask = shard.keys.length - 1;
    for (let slot = (mixed >>> 6) & mask; ; slot = (slot + 1) & mask) {
      const stored = shard.values[slot] as number;
      if (stored === 0) return undefined;
      if (shard.keys[slot] === key && (accept === undefined || accept(stored - 1))) return stored - 1;
    }
  }

  /** Stores `value` under `key`, beside any values the key already has. */
  add(key: number, value: number): void {
    const mixed = mixNumber(key);
    const at = mixed & (SHARDS - 1);
    let shard = this.#shards[at] as Shard;
    if (shard.size + 1 > shard.keys.length * MAX_LOAD) {
      shard = this.#grown(shard);
      this.#shards[at] = shard;
    }
    put(shard, key, mixed, value + 1);
  }

  #grown(shard: Shard): Shard {
    const bigger = newShard(this.#keysOf, shard.keys.length * 2);
    for (let slot = 0; slot < shard.keys.length; slot++) {
      const stored = shard.values[slot] as number;
      if (stored === 0) continue;
      const key = shard.keys[slot] as number;
      put(bigger, key, mixNumber(key), stored);
    }
    return bigger;
  }
}

function put(shard: Shard, key: number, mixed: number, stored: number): void {
  const mask = shard.keys.length - 1;
  let slot = (mixed >>> 6) & mask;
  while (shard.values[slot] !== 0) slot = (slot + 1) & mask;
  shard.keys[slot] = key;
  shard.values[slot] = stored;
  shard.size++;
}
