// The SKU and product type of every record the feed rules have seen, for findings and messages about a record that
// has gone (an earlier item of a variant group, the first use of a product ID). Every record needs them, so they are
// packed: the SKUs as UTF-8 bytes in one buffer, in record order, and 4 bytes a record besides them (a length and a
// product type code; where a SKU starts is kept once per 16 records), rather than a string each.
import type { FeedScope, RecordView } from '../src/core/rule.js';
import { perFeed } from './per-feed.js';

// #len codes: 0 the record was not noted, 1 it has no SKU, n + 2 a SKU of n bytes; LONG: kept in #other.
const NOT_NOTED = 0;
const NO_SKU = 1;
const LONG = 0xffff;
// Record numbers at or past this (or not integers) are kept in #other; feeds count from 1 upwards.
const MAX_INDEX = 2 ** 28;
// Records per block: a block keeps where its first SKU starts; the others start where the one before ends.
const BLOCK_BITS = 4;

// In a u-mode pattern a surrogate pair is one code point, so this finds only the halves that stand alone.
const LONE_SURROGATE = /\p{Cs}/u;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

interface Other {
  sku: string | undefined;
  productType: string;
}

export class RecordLog {
  #blockStart = new Uint32Array(1024 >> BLOCK_BITS);
  #len = new Uint16Array(1024);
  #type = new Uint16Array(1024);
  #bytes = new Uint8Array(16 * 1024);
  #used = 0;
  /** The last record packed: records are packed in order, so each one's bytes follow the one's before. */
  #lastIndex = -1;
  readonly #types: string[] = [];
  readonly #typeCodes = new Map<string, number>();
  /** Records that do not fit the arrays: long or ill-formed SKUs, odd record numbers or order, too many product types. */
  readonly #other = new Map<number, Other>();

  /** Remembers the record's SKU and product type; noting a record again changes nothing. */
  note(record: RecordView): void {
    const index = record.index;
    if (index === this.#lastIndex) return;
    if (!(Number.isInteger(index) && index > this.#lastIndex && index < MAX_INDEX)) {
      if (this.#lenOf(index) === NOT_NOTED) this.#other.set(index, { sku: record.sku, productType: record.productType });
      return;
    }
    this.#grow(index);
    const block = index >> BLOCK_BITS;
    if (this.#lastIndex < 0 || this.#lastIndex >> BLOCK_BITS !== block) this.#blockStart[block] = this.#used;
    this.#lastIndex = index;
    const type = this.#typeCode(record.productType);
    const sku = record.sku;
    const len = type === undefined ? LONG : sku === undefined ? NO_SKU : this.#append(sku);
    if (len === LONG) {
      this.#other.set(index, { sku, productType: record.productType });
      this.#len[index] = LONG;
      return;
    }
    this.#type[index] = type as number;
    this.#len[index] = len;
  }

  /** The SKU the record had, or undefined if it had none or was never noted. */
  skuOf(index: number): string | undefined {
    const len = this.#lenOf(index);
    if (len === NOT_NOTED || len === NO_SKU) return undefined;
    if (len === LONG) return this.#other.get(index)?.sku;
    const start = this.#startOf(index);
    return decoder.decode(this.#bytes.subarray(start, start + len - 2));
  }

  /** Where a packed record's SKU starts: after the SKUs before it in its block. */
  #startOf(index: number): number {
    let start = this.#blockStart[index >> BLOCK_BITS] as number;
    for (let i = (index >> BLOCK_BITS) << BLOCK_BITS; i < index; i++) {
      const len = this.#len[i] as number;
      if (len !== LONG && len > NO_SKU) start += len - 2;
    }
    return start;
  }

  /** The record's product type, or undefined if it was never noted. */
  productTypeOf(index: number): string | undefined {
    const len = this.#lenOf(index);
    if (len === NOT_NOTED) return undefined;
    if (len === LONG) return this.#other.get(index)?.productType;
    return this.#types[this.#type[index] as number];
  }

  #lenOf(index: number): number {
    if (this.#other.has(index)) return LONG;
    return Number.isInteger(index) && index >= 0 && index < this.#len.length ? (this.#len[index] as number) : NOT_NOTED;
  }

  #typeCode(productType: string): number | undefined {
    let code = this.#typeCodes.get(productType);
    if (code === undefined) {
      if (this.#types.length >= 0xffff) return undefined;
      code = this.#types.length;
      this.#types.push(productType);
      this.#typeCodes.set(productType, code);
    }
    return code;
  }

  /** Appends the SKU's bytes at #used and returns its length code, or LONG when it cannot be packed and decoded back. */
  #append(sku: string): number {
    // UTF-8 takes at most 3 bytes per UTF-16 unit; a lone surrogate would not decode back to the same string.
    if (sku.length * 3 > LONG - 3) return LONG;
    this.#reserve(sku.length * 3);
    const start = this.#used;
    let at = start;
    const bytes = this.#bytes;
    let i = 0;
    for (; i < sku.length; i++) {
      const c = sku.charCodeAt(i);
      if (c >= 0x80) break;
      bytes[at++] = c;
    }
    if (i < sku.length) {
      const rest = sku.slice(i);
      if (LONE_SURROGATE.test(rest)) return LONG;
      at += encoder.encodeInto(rest, bytes.subarray(at)).written;
    }
    this.#used = at;
    return at - start + 2;
  }

  #reserve(extra: number): void {
    if (this.#used + extra <= this.#bytes.length) return;
    let size = this.#bytes.length;
    while (size < this.#used + extra) size *= 2;
    const bytes = new Uint8Array(size);
    bytes.set(this.#bytes.subarray(0, this.#used));
    this.#bytes = bytes;
  }

  #grow(index: number): void {
    if (index < this.#len.length) return;
    let size = this.#len.length;
    while (size <= index) size *= 2;
    const blockStart = new Uint32Array(size >> BLOCK_BITS);
    blockStart.set(this.#blockStart);
    const len = new Uint16Array(size);
    len.set(this.#len);
    const type = new Uint16Array(size);
    type.set(this.#type);
    this.#blockStart = blockStart;
    this.#len = len;
    this.#type = type;
  }
}

/** The feed's log, shared by every feed rule of the feed (see perFeed). */
export const recordLogOf: (feed: FeedScope | undefined) => RecordLog = perFeed(() => new RecordLog());
