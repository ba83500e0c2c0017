// A Map from strings that stays cheap as a feed grows, for duplicates.product_id's IDs that are not 14 digits (IDs
// failing their check: few in most feeds, every record in the worst): the keys are spread over many small Maps,
// since growing one big Map is what costs (see KeyMap). Most IDs go to a NumberTable instead.

const SHARDS = 64;
// IDs and SKUs vary most at the end; hashing more characters costs more than it spreads. Keys that share their
// ending share a Map, which is never worse than one Map for all.
const HASHED = 8;

/**
 * V8 grows a Map by copying it into a table twice the size; past 4,096 entries that table is a large object, mapped
 * fresh from the operating system on each growth (about 1 ms at 4,096 entries and 2 ms at 8,192 on the benchmark
 * machine), more than everything else these rules do for the records in between. Keys are spread over 64 Maps by a
 * hash of their last characters, so each Map stays below that size up to about 250,000 keys.
 */
export class KeyMap<V> {
  readonly #shards: Array<Map<string, V>> = Array.from({ length: SHARDS }, () => new Map<string, V>());

  get(key: string): V | undefined {
    return this.#shardOf(key).get(key);
  }

  set(key: string, value: V): void {
    this.#shardOf(key).set(key, value);
  }

  #shardOf(key: string): Map<string, V> {
    // FNV-1a over the last characters and the length.
    let hash = 0x811c9dc5 ^ key.length;
    for (let i = Math.max(0, key.length - HASHED); i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
    return this.#shards[(hash ^ (hash >>> 15)) & (SHARDS - 1)] as Map<string, V>;
  }
}
