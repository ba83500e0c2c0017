import { describe, expect, it } from 'vitest';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { isPlainJpgUrl } from '../../src/core/plain-jpg-url.js';
import { uri } from '../../src/compile/formats.js';
import { NOT_PLAIN_JPG_URLS, PLAIN_JPG_URLS } from '../helpers/jpg-urls.js';

const fullUri = fullFormats.uri as (s: string) => boolean;

const PLAIN = PLAIN_JPG_URLS;
const NOT_PLAIN = NOT_PLAIN_JPG_URLS;

describe('isPlainJpgUrl', () => {
  it('passes plain https .jpg links and nothing else', () => {
    for (const url of PLAIN) expect(isPlainJpgUrl(url), url).toBe(true);
    for (const url of NOT_PLAIN) expect(isPlainJpgUrl(url), url).toBe(false);
  });

  it('gives the same answer when asked again, in any order, with the URLs it remembers in between', () => {
    const all = [...PLAIN, ...NOT_PLAIN];
    const first = all.map((u) => isPlainJpgUrl(u));
    for (let round = 0; round < 3; round++) {
      for (let i = all.length - 1; i >= 0; i--) expect(isPlainJpgUrl(all[i] as string), all[i]).toBe(first[i]);
      // Equal text in a different string object: the answer is about the text.
      for (let i = 0; i < all.length; i++) expect(isPlainJpgUrl(`${all[i] as string}`.slice(0)), all[i]).toBe(first[i]);
    }
  });
});

describe('uri format', () => {
  it('accepts every plain .jpg link, as the full RFC 3986 check does', () => {
    for (const url of PLAIN) {
      expect(fullUri(url), url).toBe(true);
      expect(uri(url), url).toBe(true);
    }
  });

  it('answers as the full RFC 3986 check for everything else', () => {
    const others = [...NOT_PLAIN, 'mailto:a@b.c', 'urn:isbn:0451450523', 'not a uri', 'https://example.com/a b', '//x', 'https://[::1]/a.jpg'];
    for (const url of others) expect(uri(url), url).toBe(fullUri(url));
  });
});

describe('isPlainJpgUrl against its definition', () => {
  // Its definition, split at the last "/" where isPlainJpgUrl splits at the first: the same answer for every string.
  const PLAIN_JPG = /^https:\/\/[\w.~/-]*\/[\w.~-]*\.(?:jpe?g|JPE?G)$/;
  const DIGIT_X_DIGIT = /\d[xX]\d/;
  const byRegex = (url: string): boolean => PLAIN_JPG.test(url) && !DIGIT_X_DIGIT.test(url);

  it('answers as the two regular expressions on edge cases', () => {
    const cases = [
      'https://a/.jpg', 'https://a.jpg', 'https:///.jpg', 'https://a/b.Jpg', 'https://a/b.jpG', 'https://a/b.jpeg', 'https://a/b.JPEG',
      'https://a/b.jpegx', 'https://a/1x2.jpg', 'https://a/1X2.jpg', 'https://a/x2.jpg', 'https://a/1x.jpg', 'https://a/b1.x2.jpg',
      'https://1x/a.jpg', 'https://a/b/1x2/c.jpg', 'https://a/9x9x9.jpeg', 'https://a/b-c_d~e.f.jpg', 'https://a/b+c.jpg', 'https://a/b\u00e9.jpg',
      'https://a/b c.jpg', 'https://a/b\t.jpg', 'HTTPS://a/b.jpg', 'https:/a/b.jpg', 'https://a/b.jpg/', 'https://a/b..jpg', 'https://a/[b].jpg',
      'https://a/b`.jpg', 'https://a/b@.jpg', 'https://a/b{.jpg', 'https://a/b:.jpg', 'https://a/b\\.jpg', 'https://a/\u0660x\u0661.jpg',
    ];
    for (const url of cases) expect(isPlainJpgUrl(url), url).toBe(byRegex(url));
  });

  it('answers as the two regular expressions on 20,000 generated URLs', () => {
    // A seeded generator over the characters that matter: word characters, the allowed punctuation, digits around
    // "x", and some that are not allowed.
    let seed = 7;
    const next = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const alphabet = ['a', 'Z', '_', '.', '~', '-', '/', '1', '9', 'x', 'X', '0', ' ', '?', '#', '%', ':', '@', '+', 'é', '`', '[', '{'];
    const ends = ['.jpg', '.jpeg', '.JPG', '.JPEG', '.Jpg', '.png', 'jpg', '.jpg?', ''];
    const starts = ['https://', 'https:/', 'http://', 'https://x/', ''];
    let plain = 0;
    for (let k = 0; k < 20000; k++) {
      let middle = '';
      const len = next(12);
      for (let i = 0; i < len; i++) middle += alphabet[next(alphabet.length)];
      const url = `${starts[next(starts.length)] as string}${middle}${ends[next(ends.length)] as string}`;
      const expected = byRegex(url);
      if (expected) plain++;
      expect(isPlainJpgUrl(url), url).toBe(expected);
    }
    // The corpus has both answers in it.
    expect(plain).toBeGreaterThan(200);
  });
});
