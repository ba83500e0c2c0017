// Where the tests find Walmart's reference files (../shared beside the repo) and the repo's own.
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const REFERENCE = `${SHARED}walmart-reference/`;
export const EXAMPLES = `${REFERENCE}examples/`;
export const ITEM_SPECS = `${REFERENCE}item-spec/`;
export const SAMPLES = `${REPO}samples/`;
export const CLI = `${REPO}dist/cli/main.js`;

export function readJson<T = unknown>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}
