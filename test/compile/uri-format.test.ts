// The compiled specs' `uri` format: its first test (isPlainJpgUrl, whose memory of URLs that passed the images pack
// reads next) must answer as its definition says, fresh or remembered, and `uri` as a whole must answer exactly as
// ajv-formats' RFC 3986 check.
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { describe, expect, it } from 'vitest';
import { uri } from '../../src/compile/formats.js';
import { isPlainJpgUrl } from '../../src/core/plain-jpg-url.js';
import { NOT_PLAIN_JPG_URLS, PLAIN_JPG_URLS } from '../helpers/jpg-urls.js';

const fullUri = fullFormats.uri as (s: string) => boolean;

const EDGE_CASES = [
  ...PLAIN_JPG_URLS,
  ...NOT_PLAIN_JPG_URLS,
  'https://a/.jpg',
  'https://a.jpg',
  'https:///.jpg',
  'https://a/b.Jpg',
  'https://a/b.jpG',
  'https://a/b.jpegx',
  'https://a/1x2.jpg',
  'https://a/1X2.jpg',
  'https://a/x2.jpg',
  'https://a/1x.jpg',
  'https://a/b1.x2.jpg',
  'https://1x2/a.jpg',
  'https://1x/a.jpg',
  'https://a/b/1x2/c.jpg',
  'https://a/9x9x9.jpeg',
  'https://a/b+c.jpg',
  'https://a/b\u00e9.jpg',
  'https://a/b\t.jpg',
  'HTTPS://a/b.jpg',
  'https:/a/b.jpg',
  'https://a/b.jpg/',
  'https://a/b..jpg',
  'https://a/[b].jpg',
  'https://a/b:.jpg',
  'https://a/b\\.jpg',
  'https://a/\u0660x\u0661.jpg',
  'https://a:8080/b.jpg',
  'https://a/b/c/d/e.jpeg',
  'https://a/b.jpg.jpg',
  'https://a/b.jpeg.png',
  'mailto:a@b.c',
  'urn:isbn:0451450523',
  'not a uri',
  '//x',
  'https://[::1]/a.jpg',
];

/** A seeded corpus over the characters that matter to either check: URL punctuation, digits around "x", and others. */
function generatedUrls(count: number): string[] {
  let seed = 13;
  const next = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  const alphabet = ['a', 'Z', '_', '.', '~', '-', '/', '/', '1', '9', 'x', 'X', '0', ' ', '?', '#', '%', '%2F', ':', '@', '+', '!', "'", 'é', '`', '[', ']', '{', '\n'];
  const ends = ['.jpg', '.jpeg', '.JPG', '.JPEG', '.Jpg', '.png', 'jpg', '.jpg?', '.jpg#', ''];
  const starts = ['https://', 'https://', 'https://i5.walmartimages.com/', 'https:/', 'http://', 'https://x/', 'HTTPS://', 'urn:', ''];
  const urls: string[] = [];
  for (let k = 0; k < count; k++) {
    let middle = '';
    const len = next(14);
    for (let i = 0; i < len; i++) middle += alphabet[next(alphabet.length)];
    urls.push(`${starts[next(starts.length)] as string}${middle}${ends[next(ends.length)] as string}`);
  }
  return urls;
}

describe('isPlainJpgUrl (the uri format first test)', () => {
  // What isPlainJpgUrl stands for, as test/core/plain-jpg-url.test.ts states it: the answer it must give, whether it
  // tests the text or finds it in its memory.
  const PLAIN_JPG = /^https:\/\/[\w.~/-]*\/[\w.~-]*\.(?:jpe?g|JPE?G)$/;
  const DIGIT_X_DIGIT = /\d[xX]\d/;
  const byRegex = (url: string): boolean => PLAIN_JPG.test(url) && !DIGIT_X_DIGIT.test(url);

  it('answers as it is defined, on edge cases and on 30,000 generated URLs, fresh and remembered', () => {
    const all = [...EDGE_CASES, ...generatedUrls(30000)];
    let plain = 0;
    for (const url of all) {
      const expected = byRegex(url);
      // A fresh copy, then the same text again: the second answer may come from the memory.
      expect(isPlainJpgUrl(`${url}_`.slice(0, -1)), JSON.stringify(url)).toBe(expected);
      expect(isPlainJpgUrl(url), JSON.stringify(url)).toBe(expected);
      if (expected) plain++;
    }
    // The corpus has both answers in it.
    expect(plain).toBeGreaterThan(300);
    expect(plain).toBeLessThan(all.length - 300);
  });

  it('leaves a URL that passed uri where the images pack finds it, and one that failed nowhere', () => {
    const url = `https://i5.walmartimages.com/asr/${'remembered'}-1.jpg`;
    expect(uri(url)).toBe(true);
    expect(isPlainJpgUrl(url)).toBe(true);
    const sized = `https://i5.walmartimages.com/asr/${'sized'}-800x800.jpg`;
    expect(uri(sized)).toBe(true);
    expect(isPlainJpgUrl(sized)).toBe(false);
    expect(isPlainJpgUrl('')).toBe(false);
  });

  it('takes time in proportion to the length of a hostile value (no catastrophic backtracking)', () => {
    const long = `https://${'a/'.repeat(50000)}${'1'.repeat(50000)}x`;
    const started = process.hrtime.bigint();
    expect(isPlainJpgUrl(long)).toBe(false);
    expect(isPlainJpgUrl(`${long}1.jpg`)).toBe(false);
    expect(isPlainJpgUrl(`https://${'a.'.repeat(100000)}`)).toBe(false);
    // Far below a second for 200,000 characters; a quadratic pattern would take minutes.
    expect(Number(process.hrtime.bigint() - started) / 1e9).toBeLessThan(5);
  });
});

describe('uri format', () => {
  it('answers as ajv-formats uri (RFC 3986) on edge cases and on 30,000 generated URLs', () => {
    for (const url of [...EDGE_CASES, ...generatedUrls(30000)]) expect(uri(url), JSON.stringify(url)).toBe(fullUri(url));
  });
});
