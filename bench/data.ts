// Deterministic benchmark data: valid and invalid MP_ITEM 4.3 Clothing items modelled on
// samples/feeds/clothing-4.3-clean.json (seeded PRNG, never Math.random), written as JSONL or a JSON feed.
import { gs1CheckDigit } from '../src/core/gtin.js';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';

export type Json = string | number | boolean | null | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

/** `<repo>/.bench-data/` (gitignored); this module runs from dist/bench/, two levels below the repo. */
export const BENCH_DATA_DIR = fileURLToPath(new URL('../../.bench-data/', import.meta.url));

export const FEED_HEADER: JsonObject = {
  sellingChannel: 'marketplace',
  processMode: 'REPLACE',
  subset: 'EXTERNAL',
  locale: 'en',
  version: '1.3',
  subCategory: 'clothing_other',
};

// ---- seeded PRNG ----

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(list: readonly T[]): T;
  /** `k` distinct elements, in random order. */
  sample<T>(list: readonly T[], k: number): T[];
}

/** mulberry32: tiny, fast, and good enough to vary benchmark data reproducibly. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => {
    const v = list[int(0, list.length - 1)];
    if (v === undefined) throw new Error('pick from an empty list');
    return v;
  };
  const sample = <T>(list: readonly T[], k: number): T[] => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = int(0, i);
      const tmp = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = tmp;
    }
    return copy.slice(0, k);
  };
  return { next, int, pick, sample };
}

// ---- GTIN ----

export { gs1CheckDigit };

/** The n-th GTIN-14 of the made-up prefix 008<p>…, check digit correct; unique per (p, n) for n < 10^9. */
export function gtin14(prefix: number, n: number): string {
  const body = `008${String(prefix % 10)}${String(n).padStart(9, '0')}`;
  return `${body}${String(gs1CheckDigit(body))}`;
}

// ---- valid items ----

const BRANDS = ['North Trail', 'Harbor & Pine', 'Urban Loom', 'Cedar Ridge', 'Bluebird Basics', 'Summit Thread'] as const;
const GARMENTS = [
  { name: 'Crew Tee', code: 'TEE', fabric: 'Cotton', blurb: 'Soft cotton jersey, pre-shrunk, tagless neck.', features: ['100% cotton', 'Machine washable'] },
  { name: 'V-Neck Tee', code: 'VTEE', fabric: 'Cotton', blurb: 'Lightweight jersey with a relaxed V-neck.', features: ['100% cotton', 'Tagless'] },
  { name: 'Pullover Hoodie', code: 'HOOD', fabric: 'Cotton', blurb: 'Brushed fleece lining, kangaroo pocket.', features: ['Fleece lined', 'Drawstring hood'] },
  { name: 'Polo Shirt', code: 'POLO', fabric: 'Cotton', blurb: 'Pique knit with a three-button placket.', features: ['Pique knit', 'Ribbed collar'] },
  { name: 'Crewneck Sweater', code: 'SWTR', fabric: 'Acrylic', blurb: 'Midweight knit with ribbed cuffs and hem.', features: ['Ribbed cuffs', 'Machine washable'] },
  { name: 'Chino Shorts', code: 'CHSH', fabric: 'Cotton', blurb: 'Flat front, 9-inch inseam, stretch twill.', features: ['Stretch twill', 'Four pockets'] },
] as const;
const COLORS = ['Black', 'White', 'Navy', 'Heather Grey', 'Red', 'Olive', 'Burgundy', 'Charcoal', 'Royal Blue', 'Sand'] as const;
const SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'] as const;
const GENDERS = ['Male', 'Female', 'Unisex'] as const;
const ORIGINS = ['USA', 'Imported', 'USA and Imported'] as const;

/**
 * A price both validators accept: raw Ajv's multipleOf tests `x / 0.01` for being an integer in floating point,
 * which rejects 19.99 (1998.9999999999998); catalog-gate tolerates the rounding. The generator sticks to values
 * on which they agree, so "valid" means valid to both.
 */
function exactMultiple(value: number, step: number): boolean {
  const q = value / step;
  return q === Math.trunc(q);
}

function amount(rng: Rng, minCents: number, maxCents: number, step: number, scale: number): number {
  for (;;) {
    const v = rng.int(minCents, maxCents) / scale;
    if (exactMultiple(v, step)) return v;
  }
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/**
 * `n` valid Clothing items: variant groups of 4 (2 colours × 2 sizes, exactly one primary, a colour swatch),
 * unique SKUs and GTIN-14s, https .jpg images. The same seed gives the same items.
 */
export function validItems(n: number, seed = 1, idPrefix = 0): JsonObject[] {
  const rng = createRng(seed);
  const items: JsonObject[] = [];
  for (let group = 0; items.length < n; group++) {
    const brand = rng.pick(BRANDS);
    const garment = rng.pick(GARMENTS);
    const colors = rng.sample(COLORS, 2);
    const sizes = rng.sample(SIZES, 2);
    const gender = rng.pick(GENDERS);
    const origin = rng.pick(ORIGINS);
    const price = amount(rng, 599, 8999, 0.01, 100);
    const weight = amount(rng, 150, 1800, 0.001, 1000);
    const groupId = `${slug(brand).toUpperCase().slice(0, 4)}-${garment.code}-${String(seed)}-${String(group)}`;
    let member = 0;
    for (const color of colors) {
      for (const size of sizes) {
        if (items.length >= n) break;
        const index = items.length;
        const sku = `${groupId}-${slug(color).toUpperCase().slice(0, 3)}-${size}`;
        const title = `${brand} ${gender === 'Female' ? "Women's" : gender === 'Male' ? "Men's" : 'Unisex'} ${garment.name}, ${color}, ${size}`;
        const image = `https://i5.walmartimages.com/asr/${slug(sku)}`;
        items.push({
          Orderable: {
            sku,
            productIdentifiers: { productIdType: 'GTIN', productId: gtin14(idPrefix, index) },
            productName: title,
            brand,
            price,
            ShippingWeight: weight,
          },
          Visible: {
            Clothing: {
              shortDescription: `${title}. ${garment.blurb}`,
              mainImageUrl: `${image}.jpg`,
              productSecondaryImageURL: [`${image}-back.jpg`],
              gender,
              ageGroup: ['Adult'],
              color: [color],
              clothingSize: size,
              keyFeatures: [...garment.features],
              fabricContent: [{ materialName: garment.fabric, materialPercentage: 100 }],
              countryOfOriginTextiles: origin,
              variantGroupId: groupId,
              variantAttributeNames: ['color', 'clothingSize'],
              isPrimaryVariant: member === 0 ? 'Yes' : 'No',
              swatchImages: [{ swatchVariantAttribute: 'color', swatchImageUrl: `https://i5.walmartimages.com/asr/swatch-${slug(color)}.jpg` }],
            },
          },
        });
        member++;
      }
    }
  }
  return items;
}

/**
 * Items as a feed file gives them to both sides: JSON text parsed. The generator's own objects are not what any input
 * makes: their strings are concatenations V8 keeps as rope strings, and an item whose key was deleted (a missing
 * required attribute) is kept as a dictionary, which no JSON.parse or sheet row makes; either slows both validators
 * (the URL checks by ~1.5x, the full validator's property reads by ~2x: BENCHMARKS.md, session 19).
 */
export function asParsed<T>(items: T): T {
  return JSON.parse(JSON.stringify(items)) as T;
}

// ---- invalid items ----

export const ERROR_KINDS = ['enum-typo', 'wrong-type', 'missing-required', 'bad-check-digit', 'long-name'] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

function textOf(value: Json | undefined): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function objectAt(item: JsonObject, ...keys: string[]): JsonObject {
  let node: Json | undefined = item;
  for (const k of keys) {
    node = typeof node === 'object' && node !== null && !Array.isArray(node) ? node[k] : undefined;
  }
  if (typeof node !== 'object' || node === null || Array.isArray(node)) throw new Error(`no object at ${keys.join('.')}`);
  return node;
}

/** Mutates `item` in place with one error of `kind`. */
export function injectError(item: JsonObject, kind: ErrorKind, rng: Rng): void {
  const orderable = objectAt(item, 'Orderable');
  const clothing = objectAt(item, 'Visible', 'Clothing');
  switch (kind) {
    case 'enum-typo': {
      const typos: ReadonlyArray<[JsonObject, string, Json]> = [
        [clothing, 'gender', 'Mle'],
        [clothing, 'countryOfOriginTextiles', 'US'],
        [clothing, 'ageGroup', ['Adults']],
      ];
      const [node, key, value] = rng.pick(typos);
      node[key] = value;
      return;
    }
    case 'wrong-type': {
      const price = orderable.price;
      const wrong: ReadonlyArray<[JsonObject, string, Json]> = [
        [orderable, 'price', `$${typeof price === 'number' ? price.toFixed(2) : '0.00'}`],
        [orderable, 'ShippingWeight', textOf(orderable.ShippingWeight)],
        [clothing, 'color', Array.isArray(clothing.color) ? (clothing.color[0] ?? 'Black') : 'Black'],
      ];
      const [node, key, value] = rng.pick(wrong);
      node[key] = value;
      return;
    }
    case 'missing-required': {
      const [node, key] = rng.pick<[JsonObject, string]>([
        [orderable, 'brand'],
        [orderable, 'ShippingWeight'],
        [clothing, 'shortDescription'],
      ]);
      delete node[key];
      return;
    }
    case 'bad-check-digit': {
      const ids = objectAt(item, 'Orderable', 'productIdentifiers');
      const id = textOf(ids.productId);
      ids.productId = `${id.slice(0, -1)}${String((Number(id.slice(-1)) + 1) % 10)}`;
      return;
    }
    case 'long-name': {
      const name = textOf(orderable.productName);
      orderable.productName = `${name} - ${'Premium everyday comfort for work, weekend and travel. '.repeat(5)}`.slice(0, 240);
      return;
    }
  }
}

export interface InvalidItem {
  item: JsonObject;
  errors: ErrorKind[];
}

/** Makes `item` invalid with 1–3 distinct kinds of error. */
export function spoil(item: JsonObject, rng: Rng): ErrorKind[] {
  const kinds = rng.sample(ERROR_KINDS, rng.int(1, 3));
  for (const k of kinds) injectError(item, k, rng);
  return kinds;
}

/** `n` invalid items: valid items (own SKU and GTIN range) each spoilt with 1–3 typical errors. */
export function invalidItems(n: number, seed = 2): InvalidItem[] {
  const rng = createRng(seed ^ 0x9e3779b9);
  return validItems(n, seed, 1).map((item) => ({ item, errors: spoil(item, rng) }));
}

/**
 * `n` items, `invalidShare` of them spoilt (spread evenly: every k-th item). The spoilt ones keep their SKU, GTIN
 * range and variant fields, so the valid ones around them stay valid to every rule.
 */
export function mixedItems(n: number, invalidShare = 0.1, seed = 3): { items: JsonObject[]; invalid: number } {
  const rng = createRng(seed ^ 0x85ebca6b);
  const items = validItems(n, seed, 2);
  const every = invalidShare > 0 ? Math.round(1 / invalidShare) : 0;
  let invalid = 0;
  if (every > 0) {
    for (let i = every - 1; i < items.length; i += every) {
      spoil(items[i] as JsonObject, rng);
      invalid++;
    }
  }
  return { items, invalid };
}

// ---- files ----

async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const out = createWriteStream(path, { encoding: 'utf8' });
  for (const line of lines) {
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Writes items as JSONL (one item per line, no header line) and returns the path. */
export async function writeJsonl(name: string, items: readonly JsonObject[], dir = BENCH_DATA_DIR): Promise<string> {
  const path = join(dir, name);
  await writeLines(path, (function* () {
    for (const item of items) yield `${JSON.stringify(item)}\n`;
  })());
  return path;
}

/** Writes items as a JSON feed document (MPItemFeedHeader + MPItem[]) and returns the path. */
export async function writeJsonFeed(name: string, items: readonly JsonObject[], dir = BENCH_DATA_DIR): Promise<string> {
  const path = join(dir, name);
  await writeLines(path, (function* () {
    yield `{"MPItemFeedHeader":${JSON.stringify(FEED_HEADER)},"MPItem":[\n`;
    for (let i = 0; i < items.length; i++) yield `${JSON.stringify(items[i])}${i < items.length - 1 ? ',' : ''}\n`;
    yield ']}\n';
  })());
  return path;
}

/** The feed files for `n` items, 90% valid and 10% invalid: `<stem>.jsonl` and `<stem>.json`. */
export async function writeFeedFiles(n: number, stem = `clothing-mixed-${String(n)}`, dir = BENCH_DATA_DIR): Promise<{ jsonl: string; json: string; invalid: number }> {
  const { items, invalid } = mixedItems(n, 0.1);
  return { jsonl: await writeJsonl(`${stem}.jsonl`, items, dir), json: await writeJsonFeed(`${stem}.json`, items, dir), invalid };
}
