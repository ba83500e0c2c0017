// The variant rules trim texts through a shortcut for those with nothing to trim; it must give what
// String.prototype.trim gives for any text.
import { describe, expect, it } from 'vitest';
import { hasText, trimmed } from '../../rules/variants/trimmed.js';

/** Characters that make trimming interesting: ASCII edges, every kind of white space trim knows, and others. */
const CHARS = [' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u2028', '\u2029', '\u202f', '\u3000', '\ufeff', '\u0085', '\u200b', '\u0000', '\u001f', '\u007f', '!', '~', 'a', 'Z', '0', 'é', '😀', '\ud800'];

describe('trimmed and hasText', () => {
  it('agree with String.prototype.trim on every text of up to three of these characters', () => {
    const texts = [''];
    for (const a of CHARS) {
      texts.push(a);
      for (const b of CHARS) {
        texts.push(a + b);
        for (const c of CHARS) texts.push(a + b + c);
      }
    }
    for (const text of texts) {
      expect({ text, trimmed: trimmed(text), hasText: hasText(text) }).toEqual({ text, trimmed: text.trim(), hasText: text.trim() !== '' });
    }
  });

  it('agree on random longer texts', () => {
    let seed = 7;
    const next = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    for (let i = 0; i < 20_000; i++) {
      let text = '';
      const length = next(12);
      for (let j = 0; j < length; j++) text += CHARS[next(CHARS.length)];
      expect(trimmed(text)).toBe(text.trim());
      expect(hasText(text)).toBe(text.trim() !== '');
    }
  });
});
