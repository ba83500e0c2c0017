// findingWithValue: the finding as `{ ...f, value }` would give it (same fields, same order), made as a literal so
// that every copy shares one hidden class (see its comment in src/compile/ajv-errors.ts).
import { describe, expect, it } from 'vitest';
import { findingWithValue } from '../../src/compile/ajv-errors.js';
import type { SchemaFinding } from '../../src/compile/ajv-errors.js';

describe('findingWithValue', () => {
  const finding: SchemaFinding = { code: 'schema.too_long', segments: ['Visible', 'Clothing', 'productName'], field: 'productName', title: 'Product Name', positions: [], params: { limit: 200 } };

  it.each([['text'], [12.5], [null], [undefined], [{ nested: [1] }]])('gives the fields and order of a spread, with the value %j', (value) => {
    const copy = findingWithValue(finding, value);
    const spread = { ...finding, value };
    expect(Object.keys(copy)).toEqual(Object.keys(spread));
    expect(copy).toStrictEqual(spread);
    expect(copy.value).toBe(value);
  });

  it('shares the finding parts it does not copy, and leaves the finding as it was', () => {
    const copy = findingWithValue(finding, 'x');
    expect(copy.params).toBe(finding.params);
    expect(copy.segments).toBe(finding.segments);
    expect('value' in finding).toBe(false);
  });
});
