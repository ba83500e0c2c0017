// Runs `spec pull`: Get Spec through the Walmart client into the schemas-cache, then a report of what was
// pulled, what the cache already had and what Walmart rejected (exit 1 when anything was rejected).
import { formatSpecKey } from '../core/spec-key.js';
import { pullSpecs } from '../spec/pull.js';
import { SpecStore } from '../spec/store.js';
import { EXIT_ISSUES, EXIT_OK } from './exit.js';
import { withWalmartClient } from './walmart-client.js';

export interface SpecPullFlags {
  feedType: string;
  specVersion: string;
  productType: string[];
  baseUrl?: string;
  cacheDir?: string;
  format?: 'text' | 'json';
}

export async function runSpecPull(flags: SpecPullFlags): Promise<number> {
  const store = new SpecStore(flags.cacheDir);
  const result = await withWalmartClient(flags, (client) =>
    pullSpecs(client, store, { feedType: flags.feedType, version: flags.specVersion, productTypes: flags.productType }),
  );
  const code = result.rejected.length > 0 ? EXIT_ISSUES : EXIT_OK;
  if (flags.format === 'json') {
    const { entries, ...rest } = result;
    process.stdout.write(JSON.stringify({ ...rest, files: entries.map((e) => e.file), cacheDir: store.dir }, null, 2) + '\n');
    return code;
  }
  const what = `${flags.feedType} ${flags.specVersion}`;
  const lines: string[] = [];
  lines.push(`Pulled ${result.pulled.length} product type${result.pulled.length === 1 ? '' : 's'} of ${what} in ${result.requests} request${result.requests === 1 ? '' : 's'} into ${store.dir}`);
  for (const e of result.entries) lines.push(`  + ${formatSpecKey(e)}  (${e.file})`);
  if (result.cached.length > 0) lines.push(`Already cached (not requested): ${result.cached.join(', ')}`);
  for (const r of result.rejected) lines.push(`Rejected: ${r.productType}: ${r.message}`);
  for (const m of result.otherErrors) lines.push(`Walmart also said: ${m}`);
  process.stdout.write(lines.join('\n') + '\n');
  return code;
}
