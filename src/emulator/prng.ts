// Seeded pseudo-random numbers (sfc32), one independent stream per purpose, so that the fault sequence
// does not shift when a test submits one more feed (which draws an ID from another stream).

export type Random = () => number;

/** xmur3-style string hash: spreads a seed and a stream name over 32 bits. */
function hash32(text: string): () => number {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
}

/** A uniform [0, 1) generator for `stream`, fully determined by `seed`. */
export function seededRandom(seed: number | string, stream: string): Random {
  const next = hash32(`${String(seed)}\u0000${stream}`);
  let a = next();
  let b = next();
  let c = next();
  let d = next();
  const rand = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // The first outputs of sfc32 still carry the seed's structure; discard them.
  for (let i = 0; i < 12; i++) rand();
  return rand;
}

/** An integer in [min, max]. */
export function randomInt(rand: Random, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}

export function pick<T>(rand: Random, items: readonly T[]): T {
  const item = items[Math.floor(rand() * items.length)];
  if (item === undefined) throw new RangeError('pick() from an empty list');
  return item;
}
