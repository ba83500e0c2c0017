// show(): a value as a message quotes it. A long text is written out only as far as it is shown, and must read exactly
// as the whole text's JSON cut at the same place.
import { describe, expect, it } from 'vitest';
import { show } from '../../src/engine/messages.js';

/** show() as it was, writing the whole value out first. */
function showWhole(value: unknown): string {
  if (value === undefined) return 'empty';
  let s = JSON.stringify(value) ?? typeof value;
  if (s.length > 80) s = `${s.slice(0, 77)}…${s.startsWith('"') ? '"' : ''}`;
  return s;
}

function texts(): string[] {
  const out: string[] = [];
  const fillers = ['a', '\n', '"', '\\', '\u0001', 'é', '😀', '\ud83d', '\ude00', '\u2028'];
  for (let length = 70; length <= 100; length++) {
    for (const filler of fillers) {
      // The filler everywhere, and the filler only around the cut, in a plain text.
      out.push(filler.repeat(length).slice(0, length * filler.length));
      for (let at = 70; at < Math.min(length, 90); at++) out.push('x'.repeat(at) + filler + 'y'.repeat(Math.max(0, length - at - 1)));
    }
  }
  out.push('d'.repeat(5000), `${'😀'.repeat(41)}tail`, `${'😀'.repeat(40)}x😀`);
  return out;
}

describe('show', () => {
  it('cuts a long text exactly as the whole text written out and cut', () => {
    const all = texts();
    for (const text of all) expect(show(text), JSON.stringify(text)).toBe(showWhole(text));
    expect(all.length).toBeGreaterThan(3000);
  });

  it('shows other values as before', () => {
    for (const value of [undefined, null, 0, 19.99, true, [], ['a'], { a: 1 }, Array.from({ length: 50 }, (_, i) => i), 'short']) {
      expect(show(value)).toBe(showWhole(value));
    }
    expect(show('d'.repeat(5000))).toBe(`"${'d'.repeat(76)}…"`);
  });
});
