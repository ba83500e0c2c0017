// valueKey: which values a finding's words are remembered by. A long text gets no key (it is seldom repeated, and
// keying it would copy and hash all of it); its words are then made afresh, the same each time.
import { describe, expect, it } from 'vitest';
import { schemaWords, valueKey } from '../../src/engine/messages.js';

describe('valueKey', () => {
  it('keys texts up to 200 characters, numbers, true/false, null and undefined; not longer texts or objects', () => {
    expect(valueKey('x'.repeat(200))).toBe(`s${'x'.repeat(200)}`);
    expect(valueKey('x'.repeat(201))).toBeUndefined();
    expect([valueKey(1.5), valueKey(true), valueKey(false), valueKey(null), valueKey(undefined)]).toEqual(['n1.5', 't', 'f', 'z', 'u']);
    expect(valueKey({})).toBeUndefined();
    expect(valueKey([])).toBeUndefined();
  });

  it('leaves a long text with the same words every time', () => {
    const finding = { code: 'schema.too_long' as const, segments: ['Visible', 'Clothing', 'shortDescription'], field: 'shortDescription', title: 'Site Description', positions: [], params: { limit: 4000 }, value: 'd'.repeat(4100) };
    const first = schemaWords(finding);
    expect(first.message).toBe(`Site Description has 4100 characters; at most 4000 are allowed.`);
    expect(schemaWords({ ...finding })).toEqual(first);
  });
});
