// What a pool worker does with a JSON body's chunks before the engine sees them.
import { describe, expect, it } from 'vitest';
import { bodyText } from '../../src/server/jobs.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('bodyText', () => {
  it('joins the chunks a body arrived in', () => {
    expect(bodyText([bytes('{"records": '), bytes('[1, 2]}')])).toBe('{"records": [1, 2]}');
    expect(bodyText([])).toBe('');
  });

  it('keeps a character split between two chunks whole', () => {
    const all = bytes('{"t": "Café ☕ 𝄞"}');
    for (let cut = 1; cut < all.byteLength; cut++) {
      expect(bodyText([all.slice(0, cut), all.slice(cut)])).toBe('{"t": "Café ☕ 𝄞"}');
    }
  });

  it('drops a leading byte order mark, also when it is split', () => {
    const all = bytes('\uFEFF{"records": []}');
    expect(bodyText([all])).toBe('{"records": []}');
    expect(bodyText([all.slice(0, 2), all.slice(2)])).toBe('{"records": []}');
    // Only at the start.
    expect(bodyText([bytes('{"t": "\uFEFF"}')])).toBe('{"t": "\uFEFF"}');
  });
});
