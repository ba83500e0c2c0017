// Int32Arrays for work that lasts one call (a store's grouping at a feed's end), given back after it and lent again to
// the next one: a feed's stores are grouped one after another, and in the service feed after feed. A fresh typed array
// is fresh memory, zeroed, and on this project's VMs each new page of it is a fault costing ~8 µs, more than grouping
// the ~100 tuples the page holds (bench/stores.ts and part a, BENCHMARKS.md, session 19). Pure: no IO.

/** Arrays kept for lending (at most 8 MiB in all), and the longest kept: a very large store's arrays go with it. */
const MAX_KEPT = 16;
const MAX_KEPT_LENGTH = 1 << 17;
/** Shorter arrays are made afresh, as cheap as lending (V8 keeps the shortest in its own heap). */
const MIN_LENT_LENGTH = 64;

const kept: Int32Array[] = [];

/**
 * `length` zeros, as `new Int32Array(length)` gives, in memory a finished call gave back if there is any. Give the array
 * back (giveBack) when done with it, and keep no reference to it after that.
 */
export function borrowInt32(length: number): Int32Array {
  if (length < MIN_LENT_LENGTH) return new Int32Array(length);
  let best = -1;
  for (let i = 0; i < kept.length; i++) {
    const a = kept[i] as Int32Array;
    if (a.length >= length && (best < 0 || a.length < (kept[best] as Int32Array).length)) best = i;
  }
  if (best < 0) return new Int32Array(length);
  const whole = kept[best] as Int32Array;
  kept[best] = kept[kept.length - 1] as Int32Array;
  kept.pop();
  return whole.fill(0, 0, length).subarray(0, length);
}

/** Takes back arrays borrowInt32 lent, for later calls. */
export function giveBack(...arrays: Int32Array[]): void {
  for (const a of arrays) {
    if (a.length < MIN_LENT_LENGTH || a.byteOffset !== 0) continue;
    const whole = a.length === a.buffer.byteLength >> 2 ? a : new Int32Array(a.buffer);
    if (whole.length > MAX_KEPT_LENGTH) continue;
    if (kept.length < MAX_KEPT) kept.push(whole);
    else {
      // Full: keep the longer arrays, which serve every shorter request too.
      let shortest = 0;
      for (let i = 1; i < kept.length; i++) if ((kept[i] as Int32Array).length < (kept[shortest] as Int32Array).length) shortest = i;
      if ((kept[shortest] as Int32Array).length < whole.length) kept[shortest] = whole;
    }
  }
}
