// Where the tests find Walmart's reference files and the repo's own. The reference files the tests read are copies
// of ../shared's (walmart-reference/ and reference-schemas/, sources in walmart-reference/PROVENANCE.md) kept in
// test/fixtures/reference/ with the same layout, so a clone anywhere runs the whole suite; reference-copies.test.ts
// checks them byte for byte against ../shared wherever that sits beside the repo.
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const SHARED = `${REPO}test/fixtures/reference/`;
export const REFERENCE = `${SHARED}walmart-reference/`;
export const EXAMPLES = `${REFERENCE}examples/`;
export const ITEM_SPECS = `${REFERENCE}item-spec/`;
export const SAMPLES = `${REPO}samples/`;
export const CLI = `${REPO}dist/cli/main.js`;
/** ../shared beside the repo, where the copies come from (absent on a machine that only has the repo). */
export const SHARED_ORIGINAL = fileURLToPath(new URL('../../../shared/', import.meta.url));

export function readJson<T = unknown>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}
