// Runs `spec diff T V1 V2`: compares the cached specs of two versions per product type and, given a JSON
// feed, lists the records the newer version rejects. Offline: it reads only the schemas-cache.
import { readFile } from 'node:fs/promises';
import { InputError, SpecError } from '../core/errors.js';
import { validate } from '../engine/validate.js';
import { diffProductType, formatDiff } from '../spec/diff.js';
import type { SpecDiff } from '../spec/diff.js';
import type { LockEntry } from '../spec/lockfile.js';
import { SpecStore } from '../spec/store.js';
import { EXIT_OK } from './exit.js';

export interface SpecDiffFlags {
  productType?: string;
  format?: 'text' | 'json';
  cacheDir?: string;
}

export interface RejectedRecord {
  record: number;
  sku: string | undefined;
  codes: string[];
}

function byType(entries: readonly LockEntry[], feedType: string, version: string): Map<string, LockEntry> {
  return new Map(entries.filter((e) => e.feedType === feedType && e.version === version).map((e) => [e.productType, e]));
}

async function rejectedRecords(file: string, feedType: string, version: string, cacheDir: string | undefined): Promise<RejectedRecord[]> {
  let feed: unknown;
  try {
    feed = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new InputError('INPUT_UNREADABLE', `cannot read ${file} as a JSON feed: ${(e as Error).message}`, { cause: e });
  }
  const report = await validate(feed, { feedType, specVersion: version, ...(cacheDir === undefined ? {} : { cacheDir }) });
  const records = new Map<number, RejectedRecord>();
  for (const issue of report.issues) {
    if (issue.severity !== 'error') continue;
    const r = records.get(issue.record) ?? { record: issue.record, sku: issue.sku, codes: [] };
    if (!r.codes.includes(issue.code)) r.codes.push(issue.code);
    records.set(issue.record, r);
  }
  return [...records.values()].sort((a, b) => a.record - b.record);
}

export async function runSpecDiff(feedType: string, from: string, to: string, file: string | undefined, flags: SpecDiffFlags): Promise<number> {
  const store = new SpecStore(flags.cacheDir);
  const entries = await store.list();
  const a = byType(entries, feedType, from);
  const b = byType(entries, feedType, to);
  for (const [v, m] of [[from, a], [to, b]] as const) {
    if (m.size === 0) throw new SpecError('SPEC_NOT_FOUND', `no ${feedType} ${v} spec is cached in ${store.dir}; pull or import it first (catalog-gate spec list shows what is there)`);
  }
  const pick = (m: Map<string, LockEntry>): string[] => [...m.keys()].filter((pt) => flags.productType === undefined || pt === flags.productType);
  const common = pick(a).filter((pt) => b.has(pt)).sort();
  if (flags.productType !== undefined && common.length === 0) {
    throw new SpecError('SPEC_NOT_FOUND', `product type ${flags.productType} is not cached for both ${feedType} ${from} and ${to}`);
  }
  const diff: SpecDiff = {
    feedType,
    from,
    to,
    productTypes: [],
    onlyInFrom: pick(a).filter((pt) => !b.has(pt)).sort(),
    onlyInTo: pick(b).filter((pt) => !a.has(pt)).sort(),
  };
  for (const pt of common) {
    const [x, y] = await Promise.all([store.load(a.get(pt) as LockEntry), store.load(b.get(pt) as LockEntry)]);
    diff.productTypes.push(diffProductType(pt, x.schema, y.schema));
  }
  const rejected = file === undefined ? undefined : await rejectedRecords(file, feedType, to, flags.cacheDir);
  if (flags.format === 'json') {
    process.stdout.write(JSON.stringify(rejected === undefined ? diff : { ...diff, rejectedRecords: rejected }, null, 2) + '\n');
    return EXIT_OK;
  }
  let text = formatDiff(diff);
  if (rejected !== undefined) {
    text += `\n${file} against ${feedType} ${to}: ${rejected.length === 0 ? 'every record is accepted' : `${rejected.length} record${rejected.length === 1 ? '' : 's'} rejected`}\n`;
    for (const r of rejected) text += `  ${r.record === 0 ? 'feed header' : `record ${r.record}`}${r.sku === undefined ? '' : ` · SKU ${r.sku}`}: ${r.codes.join(', ')}\n`;
  }
  process.stdout.write(text);
  return EXIT_OK;
}
