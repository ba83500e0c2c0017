import { describe, expect, it } from 'vitest';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { isPlainJpgUrl } from '../../src/core/plain-jpg-url.js';
import { uri } from '../../src/compile/formats.js';

const fullUri = fullFormats.uri as (s: string) => boolean;

const PLAIN = [
  'https://i5.walmartimages.com/asr/tee-red-l.jpg',
  'https://i5.walmartimages.com/asr/tee-red-l-back.JPEG',
  'https://cdn.example.com/a/b_c/d~e/f.g.jpeg',
  'https:///x.jpg',
  'https:////x.jpg',
  'https://a_b.example/x.JPG',
];
const NOT_PLAIN = [
  '',
  'http://i5.walmartimages.com/asr/tee.jpg',
  'https://i5.walmartimages.com/asr/tee.png',
  'https://i5.walmartimages.com/asr/tee.jpg?w=800',
  'https://i5.walmartimages.com/asr/tee.jpg#x',
  'https://i5.walmartimages.com/asr/tee 2.jpg',
  'https://i5.walmartimages.com/asr/tee-800x800.jpg',
  'https://i5.walmartimages.com/asr/tee%20red.jpg',
  'https://i5.walmartimages.com/asr/.jpgx',
  'https://example.com/a.jpg\n',
  'https:x.jpg',
  'ftp://example.com/a.jpg',
];

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
