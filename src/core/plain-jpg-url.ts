// The image URL nearly every item has: a plain https link to a .jpg file. Two checks ask about the same strings, one
// right after the other: the compiled spec's `uri` format (src/compile/formats.ts) and the images pack's screen
// (rules/images/screen.ts). Each URL is tested once: a URL that passed is remembered among the last few, and the
// second check finds it there. The answer depends only on the text, so the memory can never make it wrong.

/**
 * "https://", then only letters, digits and `_.~/-` with at least one "/", and a file name ending in .jpg or .jpeg
 * (all lower or all upper case): nothing blank, no query, fragment or escape. Every string it accepts is also a URI by
 * RFC 3986 (scheme, empty or reg-name authority of unreserved characters, path of unreserved characters). Split at
 * the first "/" after the scheme, so it never backtracks more than once over the path. test/core/plain-jpg-url.test.ts
 * holds it to the same pattern split at the last "/"; test/compile/uri-format.test.ts to linear time on hostile values.
 * As two regular expressions it took about 1,400 instructions a URL, where a loop over the character codes took
 * 2,000 (callgrind, BENCHMARKS.md, session 13, schema-s13).
 */
const PLAIN_JPG = /^https:\/\/[\w.~-]*\/[\w.~/-]*\.(?:jpe?g|JPE?G)$/;
/** "x" between two digits: the only way a plain file name states a size ("800x600"). */
const STATED_SIZE = /\d[xX]\d/;

// The last URLs that passed: an item's main, secondary and swatch images are checked in the same order both times.
const recent = ['', '', '', ''];
let nextSlot = 0;

/** A plain https link to a .jpg file with no "x" between two digits (see PLAIN_JPG). */
export function isPlainJpgUrl(url: string): boolean {
  if (url === recent[0] || url === recent[1] || url === recent[2] || url === recent[3]) return url !== '';
  if (!PLAIN_JPG.test(url) || STATED_SIZE.test(url)) return false;
  recent[nextSlot] = url;
  nextSlot = (nextSlot + 1) & 3;
  return true;
}
