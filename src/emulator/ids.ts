// Walmart-shaped identifiers (feed IDs, WPIDs, item IDs), drawn from a seeded stream so a run with the
// same seed hands out the same IDs in the same order.
import type { Random } from './prng.js';

const HEX = '0123456789ABCDEF';
const UPPER_ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function chars(rand: Random, alphabet: string, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += alphabet.charAt(Math.floor(rand() * alphabet.length));
  return out;
}

export class IdGenerator {
  readonly #rand: Random;

  constructor(rand: Random) {
    this.#rand = rand;
  }

  /** Like F129C19240844B97A3C6AD8F1A2C4997@AU8BAQA: 32 hex digits, then a routing suffix. */
  feedId(): string {
    return `${chars(this.#rand, HEX, 32)}@A${chars(this.#rand, B64, 5)}A`;
  }

  /** Walmart Product ID, 12 characters, e.g. 71ZLHHMKNS6G. */
  wpid(): string {
    return chars(this.#rand, UPPER_ALNUM, 12);
  }

  /** Walmart item number, 8-9 digits. */
  itemId(): string {
    return String(10_000_000 + Math.floor(this.#rand() * 890_000_000));
  }

  /** Eight characters like Walmart's activityId (2HOW48G2). */
  activityId(): string {
    return chars(this.#rand, UPPER_ALNUM, 8);
  }
}
