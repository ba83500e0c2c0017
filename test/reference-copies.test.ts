// The reference files in test/fixtures/reference/ are copies of ../shared's: wherever ../shared sits beside the repo,
// each copy must be the same bytes as its original, so the tests never run against a stale or edited copy.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED, SHARED_ORIGINAL } from './helpers/paths.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

describe('reference copies', () => {
  it('holds the files the tests read', () => {
    const files = filesUnder(SHARED);
    for (const f of ['walmart-reference/PROVENANCE.md', 'walmart-reference/item-spec/v4/MP_ITEM_SPEC_4.3.json', 'reference-schemas/sarif-schema-2.1.0.json']) expect(files).toContain(f);
  });

  it.skipIf(!existsSync(SHARED_ORIGINAL))('are byte for byte the files in ../shared', () => {
    for (const file of filesUnder(SHARED)) {
      const original = join(SHARED_ORIGINAL, file);
      expect(existsSync(original), `${file} has no original in ../shared`).toBe(true);
      expect(readFileSync(join(SHARED, file)).equals(readFileSync(original)), `${file} differs from ../shared's`).toBe(true);
    }
  });
});
