// The emulator's view of the schemas-cache: which feed types and versions it can serve, Get Spec answers
// (merged per request, kept once made: the endpoint is slow and rate-limited at Walmart, not here), and
// which version a submitted feed is validated against.
import { ANY_PRODUCT_TYPE } from '../../core/spec-key.js';
import type { LockEntry } from '../../spec/lockfile.js';
import { stringifySpecJson } from '../../spec/lossless-json.js';
import { SpecStore } from '../../spec/store.js';
import { mergeProductTypes } from './merge.js';
import { buildTaxonomy } from './taxonomy.js';
import type { TaxonomyCategory } from './taxonomy.js';

export type SpecAnswer =
  | { kind: 'spec'; status: 200 | 207; text: string }
  | { kind: 'no-spec'; feedType: string; version: string }
  | { kind: 'no-types'; errors: string[] };

/** Compares version names part by part, numbers as numbers: 4.10 > 4.9, 5.0.2026… > 4.3. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[^0-9A-Za-z]+/);
  const pb = b.split(/[^0-9A-Za-z]+/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    const c = !Number.isNaN(nx) && !Number.isNaN(ny) ? nx - ny : x < y ? -1 : x > y ? 1 : 0;
    if (c !== 0) return c;
  }
  return 0;
}

/** Walmart names a version with and without its "-api" suffix (the 207 message drops it). */
function bare(version: string): string {
  return version.replace(/-api$/, '');
}

export class SpecCatalog {
  readonly store: SpecStore;
  readonly #answers = new Map<string, Promise<SpecAnswer>>();

  constructor(cacheDir?: string) {
    this.store = new SpecStore(cacheDir);
  }

  entries(): Promise<LockEntry[]> {
    return this.store.list();
  }

  async hasFeedType(feedType: string): Promise<boolean> {
    return (await this.entries()).some((e) => e.feedType === feedType);
  }

  /** The cached version a request names: exactly, by its header version ("1.3"), or without "-api". */
  async resolveVersion(feedType: string, wanted: string): Promise<string | undefined> {
    const mine = (await this.entries()).filter((e) => e.feedType === feedType);
    const exact = mine.find((e) => e.version === wanted) ?? mine.find((e) => bare(e.version) === bare(wanted)) ?? mine.find((e) => e.headerVersions.includes(wanted));
    return exact?.version;
  }

  /**
   * The version a submitted feed is validated against: the one its header names, else the newest one
   * Walmart published (synthetic specs only when nothing else is cached). Undefined: nothing cached.
   */
  async versionForFeed(feedType: string, headerVersion: string | undefined): Promise<string | undefined> {
    if (headerVersion !== undefined) {
      const named = await this.resolveVersion(feedType, headerVersion);
      if (named !== undefined) return named;
    }
    const mine = (await this.entries()).filter((e) => e.feedType === feedType);
    const real = mine.filter((e) => e.synthetic !== true);
    const pool = real.length > 0 ? real : mine;
    return pool.map((e) => e.version).sort(compareVersions).at(-1);
  }

  /** Get Spec: the feed schema with the requested product types' Visible blocks. */
  spec(feedType: string, version: string, productTypes: readonly string[]): Promise<SpecAnswer> {
    const key = JSON.stringify([feedType, version, productTypes]);
    let answer = this.#answers.get(key);
    if (answer === undefined) {
      answer = this.#answer(feedType, version, productTypes);
      // A failed load (a tampered cache file) is not remembered: the next call tries again.
      answer.catch(() => this.#answers.delete(key));
      this.#answers.set(key, answer);
    }
    return answer;
  }

  async #answer(feedType: string, wanted: string, productTypes: readonly string[]): Promise<SpecAnswer> {
    const version = await this.resolveVersion(feedType, wanted);
    if (version === undefined) return { kind: 'no-spec', feedType, version: wanted };
    const mine = (await this.entries()).filter((e) => e.feedType === feedType && e.version === version);
    const any = mine.find((e) => e.productType === ANY_PRODUCT_TYPE);
    if (any !== undefined) {
      // Not split by product type (MP_ITEM_MATCH): one schema serves every type.
      const { schema } = await this.store.load(any);
      return { kind: 'spec', status: 200, text: stringifySpecJson(schema) };
    }
    const byType = new Map(mine.map((e) => [e.productType, e]));
    const found: LockEntry[] = [];
    const errors: string[] = [];
    for (const pt of productTypes) {
      const entry = byType.get(pt);
      if (entry === undefined) errors.push(`${pt} is not a valid PT for ${feedType}/${bare(version)}`);
      else if (!found.includes(entry)) found.push(entry);
    }
    if (found.length === 0) return { kind: 'no-types', errors };
    const parts = await Promise.all(found.map(async (e) => ({ productType: e.productType, schema: (await this.store.load(e)).schema })));
    const merged = mergeProductTypes(parts);
    const text = stringifySpecJson(errors.length === 0 ? merged : { ...merged, errors });
    return { kind: 'spec', status: errors.length === 0 ? 200 : 207, text };
  }

  /**
   * The taxonomy for a version: an exact cached version, or a prefix ("5.0" for 5.0.2026…), over every
   * feed type. Undefined when no cached version matches.
   */
  async taxonomy(version: string): Promise<TaxonomyCategory[] | undefined> {
    const entries = await this.entries();
    const exact = entries.filter((e) => e.version === version || bare(e.version) === bare(version));
    const matched = exact.length > 0 ? exact : entries.filter((e) => e.version.startsWith(`${version}.`));
    if (matched.length === 0) return undefined;
    return buildTaxonomy(matched.map((e) => e.productType).filter((p) => p !== ANY_PRODUCT_TYPE));
  }
}
