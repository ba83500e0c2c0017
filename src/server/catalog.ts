// What the spec cache holds, for a page's pickers: the cached specs with their product types, and a search
// over product types (by name or category) that suggests the nearest names when nothing matches.
import { ANY_PRODUCT_TYPE } from '../core/spec-key.js';
import { categoryOf } from '../emulator/specs/taxonomy.js';
import { editDistance, nearest } from '../engine/suggest.js';
import type { SpecStore } from '../spec/store.js';
import { ServiceError } from './service-error.js';

export interface SpecSummary {
  feedType: string;
  specVersion: string;
  synthetic: boolean;
  /** Empty for a spec not split by product type (MP_ITEM_MATCH). */
  productTypes: string[];
}

export interface ProductTypeSearch {
  feedType?: string | undefined;
  specVersion?: string | undefined;
  search?: string | undefined;
}

export async function listSpecs(store: SpecStore): Promise<SpecSummary[]> {
  const specs = new Map<string, SpecSummary>();
  for (const e of await store.list()) {
    const key = `${e.feedType}\u0000${e.version}`;
    let s = specs.get(key);
    if (s === undefined) {
      s = { feedType: e.feedType, specVersion: e.version, synthetic: false, productTypes: [] };
      specs.set(key, s);
    }
    if (e.synthetic === true) s.synthetic = true;
    if (e.productType !== ANY_PRODUCT_TYPE) s.productTypes.push(e.productType);
  }
  const all = [...specs.values()];
  for (const s of all) s.productTypes.sort((a, b) => a.localeCompare(b));
  return all.sort((a, b) => a.feedType.localeCompare(b.feedType) || a.specVersion.localeCompare(b.specVersion, 'en', { numeric: true }));
}

function words(s: string): string[] {
  return s.toLowerCase().split(/[\s&,/-]+/).filter((w) => w !== '');
}

/** Up to five names close to `word`: the nearest whole name first, then names with a word a typo away. */
function suggest(word: string, names: readonly string[]): string[] {
  const out = new Set<string>();
  const whole = nearest(word, names);
  if (whole !== undefined) out.add(whole);
  const w = word.toLowerCase();
  // Looser than nearest(): these are offers to pick from, not a correction.
  const allowed = Math.min(3, Math.max(2, Math.floor(w.length / 3)));
  // Closest first, relative to the word's length: "shrt" is nearer "shirts" than "art".
  const scored = names
    .map((n) => ({ n, ...words(n).reduce((best, x) => { const d = editDistance(w, x); const r = d / Math.max(w.length, x.length); return r < best.r ? { d, r } : best; }, { d: Infinity, r: Infinity }) }))
    .filter((x) => x.d <= allowed)
    .sort((a, b) => a.r - b.r || a.n.localeCompare(b.n));
  for (const { n } of scored) out.add(n);
  return [...out].slice(0, 5);
}

export async function searchProductTypes(store: SpecStore, q: ProductTypeSearch): Promise<{ productTypes: string[]; suggestions: string[] }> {
  const specs = (await listSpecs(store)).filter((s) => (q.feedType === undefined || s.feedType === q.feedType) && (q.specVersion === undefined || s.specVersion === q.specVersion));
  if (specs.length === 0 && (q.feedType !== undefined || q.specVersion !== undefined)) {
    const what = [q.feedType, q.specVersion].filter((s) => s !== undefined).join(' ');
    throw new ServiceError(404, 'SPEC_NOT_FOUND', `No spec is cached for ${what}; GET /v1/specs lists the cached ones.`);
  }
  const names = [...new Set(specs.flatMap((s) => s.productTypes))].sort((a, b) => a.localeCompare(b));
  const word = q.search?.toLowerCase();
  if (word === undefined) return { productTypes: names, suggestions: [] };
  const found = names.filter((n) => n.toLowerCase().includes(word) || categoryOf(n).toLowerCase().includes(word));
  return { productTypes: found, suggestions: found.length > 0 ? [] : suggest(word, names) };
}
