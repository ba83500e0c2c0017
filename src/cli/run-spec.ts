// Runs `spec import`, `spec list` and `spec verify` against a schemas-cache directory.
import { formatSpecKey } from '../core/spec-key.js';
import { importSpecFile } from '../spec/import.js';
import type { LockEntry } from '../spec/lockfile.js';
import { SpecStore } from '../spec/store.js';
import type { EntryStatus } from '../spec/store.js';
import type { SpecImportFlags } from './commands/spec.js';
import { EXIT_ISSUES, EXIT_OK } from './exit.js';

export async function runSpecImport(file: string, flags: SpecImportFlags): Promise<number> {
  const store = new SpecStore(flags.cacheDir);
  const entries = await importSpecFile(store, file, { feedType: flags.feedType, version: flags.specVersion, ...(flags.synthetic ? { synthetic: true } : {}) });
  const first = entries[0];
  const what = entries.length === 1 && first?.productType === '*' ? 'one spec for every product type' : `${entries.length} product type${entries.length === 1 ? '' : 's'}`;
  process.stdout.write(`Imported ${what} of ${flags.feedType} ${flags.specVersion} (${first?.draft ?? '?'}${flags.synthetic ? ', synthetic' : ''}) into ${store.dir}\n`);
  return EXIT_OK;
}

interface Group {
  feedType: string;
  version: string;
  entries: LockEntry[];
}

function groups(entries: LockEntry[]): Group[] {
  const map = new Map<string, Group>();
  for (const e of entries) {
    const k = `${e.feedType} ${e.version}`;
    let g = map.get(k);
    if (g === undefined) map.set(k, (g = { feedType: e.feedType, version: e.version, entries: [] }));
    g.entries.push(e);
  }
  return [...map.values()].sort((a, b) => (`${a.feedType} ${a.version}` < `${b.feedType} ${b.version}` ? -1 : 1));
}

export async function runSpecList(flags: { productTypes?: boolean; json?: boolean; cacheDir?: string }): Promise<number> {
  const store = new SpecStore(flags.cacheDir);
  const entries = await store.list();
  const statuses = new Map<LockEntry, EntryStatus>();
  for (const e of entries) statuses.set(e, await store.status(e));
  if (flags.json) {
    process.stdout.write(JSON.stringify(entries.map((e) => ({ ...e, status: statuses.get(e) })), null, 2) + '\n');
    return EXIT_OK;
  }
  if (entries.length === 0) {
    process.stdout.write(`No specs cached in ${store.dir}. Add one with: catalog-gate spec import FILE --feed-type T --spec-version V\n`);
    return EXIT_OK;
  }
  const lines: string[] = [`Specs in ${store.dir}:`];
  for (const g of groups(entries)) {
    const e0 = g.entries[0] as LockEntry;
    const bad = g.entries.filter((e) => statuses.get(e) !== 'ok');
    const pts = g.entries.filter((e) => e.productType !== '*');
    const count = pts.length > 0 ? `${pts.length} product type${pts.length === 1 ? '' : 's'}` : 'all product types';
    const flagsText = [e0.draft, e0.synthetic ? 'SYNTHETIC (not published by Walmart)' : '', bad.length > 0 ? `${bad.length} CHANGED OR MISSING` : ''].filter(Boolean).join(', ');
    lines.push(`  ${g.feedType} ${g.version}  ${count}  (${flagsText}; header version ${e0.headerVersions.join('/') || '-'})`);
    lines.push(`      source ${e0.source}, obtained ${e0.obtainedAt.slice(0, 10)}`);
    if (flags.productTypes) for (const e of pts) lines.push(`      - ${e.productType}${statuses.get(e) === 'ok' ? '' : `  [${String(statuses.get(e))}]`}`);
    else for (const e of bad) lines.push(`      ! ${formatSpecKey(e)} is ${String(statuses.get(e))}`);
  }
  process.stdout.write(lines.join('\n') + '\n');
  return EXIT_OK;
}

export async function runSpecVerify(flags: { cacheDir?: string }): Promise<number> {
  const store = new SpecStore(flags.cacheDir);
  let bad = 0;
  const entries = await store.list();
  for (const e of entries) {
    const s = await store.status(e);
    if (s !== 'ok') {
      bad++;
      process.stdout.write(`${formatSpecKey(e)}: ${s} (${e.file})\n`);
    }
  }
  process.stdout.write(bad === 0 ? `All ${entries.length} cached specs match the lockfile.\n` : `${bad} of ${entries.length} cached specs do not match the lockfile; re-import or re-pull them.\n`);
  return bad === 0 ? EXIT_OK : EXIT_ISSUES;
}
