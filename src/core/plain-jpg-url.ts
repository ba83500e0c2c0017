// The image URL nearly every item has: a plain https link to a .jpg file. Two checks ask about the same strings, one
// right after the other: the compiled spec's `uri` format (src/compile/formats.ts) and the images pack's screen
// (rules/images/screen.ts). Each URL is scanned once: a URL that passed is remembered among the last few, and the
// second check finds it there. The answer depends only on the text, so the memory can never make it wrong.

/**
 * "https://", then only letters, digits and `_.~/-`, and a file name ending in .jpg or .jpeg: nothing blank, no
 * query, fragment or escape. Every string it accepts is also a URI by RFC 3986 (scheme, empty or reg-name authority
 * of unreserved characters, path of unreserved characters).
 */
const PLAIN_JPG = /^https:\/\/[\w.~/-]*\/[\w.~-]*\.(?:jpe?g|JPE?G)$/;
/** The only way a plain file name states a size ("800x600"); anywhere in the URL, to stay on the safe side. */
const DIGIT_X_DIGIT = /\d[xX]\d/;

// The last URLs that passed: an item's main, secondary and swatch images are checked in the same order both times.
const recent = ['', '', '', ''];
let nextSlot = 0;

/** A plain https link to a .jpg file (PLAIN_JPG) with no "x" between two digits. */
export function isPlainJpgUrl(url: string): boolean {
  if (url === recent[0] || url === recent[1] || url === recent[2] || url === recent[3]) return url !== '';
  if (!PLAIN_JPG.test(url) || DIGIT_X_DIGIT.test(url)) return false;
  recent[nextSlot] = url;
  nextSlot = (nextSlot + 1) & 3;
  return true;
}
