// Issue text is one byte a character wherever its characters allow it. A single two-byte string in one issue (an
// Array.prototype.join over a ThinString gives one in Node 20, see src/core/dotted-path.ts) made JSON.stringify write
// the whole report as two-byte text. V8's serializer tells the two apart: a one-byte string is tagged '"', a
// two-byte one 'c'.
import { serialize } from 'node:v8';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dottedPath } from '../../src/core/dotted-path.js';
import type { Issue } from '../../src/core/issue.js';
import { validateTable } from '../../src/engine/validate-table.js';
import { validateFeedSource } from '../../src/engine/validate.js';
import { readFeedFile } from '../../src/sources/json-file.js';
import { openTable } from '../../src/sources/open-table.js';
import { renderJson } from '../../src/reports/json.js';

const ONE_BYTE_TAG = 0x22;
const TWO_BYTE_TAG = 0x63;
const SAMPLES = join(import.meta.dirname, '../../samples');

function tagOf(text: string): number | undefined {
  return serialize(text)[2];
}

function latin1(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return false;
  return true;
}

/** `code field` of each issue string that could be one byte a character but is not. */
function twoByteFields(issues: readonly Issue[]): string[] {
  const found: string[] = [];
  for (const issue of issues) {
    for (const [key, value] of Object.entries(issue)) {
      if (typeof value === 'string' && latin1(value) && tagOf(value) !== ONE_BYTE_TAG) found.push(`${issue.code} ${key}`);
    }
  }
  return found;
}

describe('one byte a character', () => {
  it('the probe tells a join over a ThinString from the same text concatenated', () => {
    const segment = ['Orde', 'rable'].join('');
    const keyed: Record<string, number> = {};
    // Used as a property key, the string is internalized in place: it becomes a ThinString.
    keyed[segment] = 1;
    expect(tagOf([segment, 'sku'].join('.'))).toBe(TWO_BYTE_TAG);
    expect(tagOf(dottedPath([segment, 'sku']))).toBe(ONE_BYTE_TAG);
    expect(dottedPath([segment, 'sku'])).toBe('Orderable.sku');
    expect(dottedPath(['Visible'])).toBe('Visible');
    expect(dottedPath(['Visible', 'Clothing', 'swatchImages', 0, 'swatchImageUrl'])).toBe('Visible.Clothing.swatchImages.0.swatchImageUrl');
    expect(dottedPath([])).toBe('');
  });

  it.each(['clothing-4.3-errors.json', 'v5-synthetic-errors.json'])('every issue of %s, and its JSON report', async (name) => {
    const file = join(SAMPLES, 'feeds', name);
    const report = await validateFeedSource(file, await readFeedFile(file));
    expect(report.issues.some((i) => i.code.startsWith('schema.'))).toBe(true);
    expect(twoByteFields(report.issues)).toEqual([]);
    const text = renderJson(report);
    expect(latin1(text) ? tagOf(text) : ONE_BYTE_TAG).toBe(ONE_BYTE_TAG);
  });

  it.each(['catalog-v5-errors.csv', 'catalog-v5-errors.xlsx'])('every issue of %s', async (name) => {
    const file = join(SAMPLES, 'sheets', name);
    const table = await openTable(file);
    try {
      const report = await validateTable(file, table, {});
      expect(report.issues.length).toBeGreaterThan(0);
      expect(twoByteFields(report.issues)).toEqual([]);
    } finally {
      await table.close?.();
    }
  });
});
