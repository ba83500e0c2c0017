// A throwaway schemas-cache in a temp directory, filled from spec text through the real import path.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { specEntries } from '../../src/spec/import.js';
import { SpecStore } from '../../src/spec/store.js';
import type { LockEntry } from '../../src/spec/lockfile.js';

const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

export function tempDir(prefix = 'cg-test-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
}

export async function tempCacheWith(specText: string, feedType = 'TEST_ITEM', version = '1'): Promise<{ store: SpecStore; entries: LockEntry[] }> {
  const store = new SpecStore(tempDir());
  const entries = await store.put(specEntries(specText, { feedType, version, source: 'file:test' }));
  return { store, entries };
}

/** A minimal feed spec around an item schema, in the given draft. */
export function feedSpec(item: object, draft: '04' | '07' = '07', headerVersion = '1'): string {
  const $schema = `http://json-schema.org/draft-${draft}/schema#`;
  return JSON.stringify({
    $schema,
    type: 'object',
    properties: {
      MPItemFeedHeader: { $schema, type: 'object', properties: { version: { type: 'string', enum: [headerVersion] } }, required: ['version'] },
      MPItem: { type: 'array', items: item },
    },
  });
}
