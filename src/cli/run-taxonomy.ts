// Runs `taxonomy`: category -> product type group -> product type. Offline from the schemas-cache, with
// groups derived the way the emulator derives them (Walmart's own tree is not cached); with --online,
// Walmart's GET /v3/items/taxonomy instead. --search filters, and suggests the nearest product type when
// nothing matches.
import { ANY_PRODUCT_TYPE } from '../core/spec-key.js';
import { UsageError } from '../core/errors.js';
import { buildTaxonomy } from '../emulator/specs/taxonomy.js';
import type { TaxonomyCategory } from '../emulator/specs/taxonomy.js';
import { nearest } from '../engine/suggest.js';
import { SpecStore } from '../spec/store.js';
import { getTaxonomy } from '../walmart/index.js';
import { EXIT_ISSUES, EXIT_OK } from './exit.js';
import { withWalmartClient } from './walmart-client.js';

export interface TaxonomyFlags {
  specVersion?: string;
  feedType?: string;
  search?: string;
  online?: boolean;
  baseUrl?: string;
  cacheDir?: string;
  format?: 'text' | 'json';
}

interface Tree {
  /** "MP_ITEM 4.3", or the version asked online. */
  label: string;
  categories: TaxonomyCategory[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** Walmart's `itemTaxonomy` answer read leniently into the same shape as the offline tree. */
export function readTaxonomy(data: unknown): TaxonomyCategory[] {
  const raw = isRecord(data) ? (data.itemTaxonomy ?? data.payload) : data;
  return list(raw).filter(isRecord).map((c) => ({
    category: str(c.category),
    productTypeGroup: list(c.productTypeGroup).filter(isRecord).map((g) => ({
      productTypeGroupName: str(g.productTypeGroupName),
      productType: list(g.productType).filter(isRecord).map((p) => ({ productTypeName: str(p.productTypeName) })),
    })),
  }));
}

async function offlineTrees(flags: TaxonomyFlags): Promise<Tree[]> {
  const store = new SpecStore(flags.cacheDir);
  const entries = (await store.list()).filter(
    (e) => e.productType !== ANY_PRODUCT_TYPE && (flags.feedType === undefined || e.feedType === flags.feedType) && (flags.specVersion === undefined || e.version === flags.specVersion),
  );
  const groups = new Map<string, string[]>();
  for (const e of entries) {
    const k = `${e.feedType} ${e.version}`;
    groups.set(k, [...(groups.get(k) ?? []), e.productType]);
  }
  if (groups.size === 0) {
    const what = [flags.feedType, flags.specVersion].filter((s) => s !== undefined).join(' ');
    throw new UsageError(`no product types are cached${what === '' ? '' : ` for ${what}`} in ${store.dir}; see catalog-gate spec list`);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([label, pts]) => ({ label, categories: buildTaxonomy(pts) }));
}

function matches(word: string, ...names: string[]): boolean {
  const w = word.toLowerCase();
  return names.some((n) => n.toLowerCase().includes(w));
}

/** Keeps what the search word names: a category or group keeps all under it, else matching product types. */
function filterTree(categories: TaxonomyCategory[], word: string): TaxonomyCategory[] {
  return categories
    .map((c) => ({
      category: c.category,
      productTypeGroup: c.productTypeGroup
        .map((g) => ({
          productTypeGroupName: g.productTypeGroupName,
          productType: matches(word, c.category, g.productTypeGroupName) ? g.productType : g.productType.filter((p) => matches(word, p.productTypeName)),
        }))
        .filter((g) => g.productType.length > 0),
    }))
    .filter((c) => c.productTypeGroup.length > 0);
}

function allTypes(trees: readonly Tree[]): string[] {
  return [...new Set(trees.flatMap((t) => t.categories.flatMap((c) => c.productTypeGroup.flatMap((g) => g.productType.map((p) => p.productTypeName)))))];
}

function render(trees: readonly Tree[]): string {
  const lines: string[] = [];
  for (const t of trees) {
    lines.push(t.label);
    for (const c of t.categories) {
      lines.push(`  ${c.category}`);
      for (const g of c.productTypeGroup) {
        const names = g.productType.map((p) => p.productTypeName);
        if (names.length === 1 && names[0] === g.productTypeGroupName) lines.push(`    ${g.productTypeGroupName}`);
        else {
          lines.push(`    ${g.productTypeGroupName}`);
          for (const n of names) lines.push(`      ${n}`);
        }
      }
    }
  }
  return lines.join('\n') + '\n';
}

export async function runTaxonomy(flags: TaxonomyFlags): Promise<number> {
  let trees: Tree[];
  if (flags.online) {
    if (flags.baseUrl === undefined && (process.env.WALMART_BASE_URL ?? '').trim() === '') {
      throw new UsageError('--online needs --base-url or WALMART_BASE_URL');
    }
    const data = await withWalmartClient(flags, (client) => getTaxonomy(client, flags.specVersion === undefined ? {} : { version: flags.specVersion }));
    trees = [{ label: `Walmart taxonomy${flags.specVersion === undefined ? '' : ` ${flags.specVersion}`}`, categories: readTaxonomy(data) }];
  } else {
    trees = await offlineTrees(flags);
  }
  const word = flags.search?.trim();
  if (word !== undefined && word !== '') {
    const found = trees.map((t) => ({ label: t.label, categories: filterTree(t.categories, word) })).filter((t) => t.categories.length > 0);
    if (found.length === 0) {
      const guess = nearest(word, allTypes(trees));
      process.stdout.write(`No category, group or product type matches "${word}".${guess === undefined ? '' : ` Did you mean "${guess}"?`}\n`);
      return EXIT_ISSUES;
    }
    trees = found;
  }
  process.stdout.write(flags.format === 'json' ? JSON.stringify(trees, null, 2) + '\n' : render(trees));
  return EXIT_OK;
}
