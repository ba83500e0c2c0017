// The image URL nearly every item has: a plain https link to a .jpg file. Two checks ask about the same strings, one
// right after the other: the compiled spec's `uri` format (src/compile/formats.ts) and the images pack's screen
// (rules/images/screen.ts). Each URL is scanned once: a URL that passed is remembered among the last few, and the
// second check finds it there. The answer depends only on the text, so the memory can never make it wrong.

/**
 * "https://", then only letters, digits and `_.~/-` with at least one "/", and a file name ending in .jpg or .jpeg
 * (all lower or all upper case): nothing blank, no query, fragment or escape. Every string it accepts is also a URI by
 * RFC 3986 (scheme, empty or reg-name authority of unreserved characters, path of unreserved characters). It is the
 * regular expression `^https:\/\/[\w.~/-]*\/[\w.~-]*\.(?:jpe?g|JPE?G)$` together with "no \d[xX]\d anywhere" (the
 * only way a plain file name states a size, "800x600"), written as one pass over the character codes: the two
 * regular expressions cost more than the rest of a URL's checks (test/core/plain-jpg-url.test.ts holds the two
 * forms to the same answers).
 */
function scanPlainJpg(url: string): boolean {
  const n = url.length;
  if (n < 13 || !url.startsWith('https://')) return false;
  let dot: number;
  if (url.endsWith('.jpg') || url.endsWith('.JPG')) dot = n - 4;
  else if (url.endsWith('.jpeg') || url.endsWith('.JPEG')) dot = n - 5;
  else return false;
  let slash = false;
  for (let i = 8; i < dot; i++) {
    const c = url.charCodeAt(i);
    if (c >= 97 && c <= 122) {
      // "x" between two digits states a size.
      if (c === 120 && isDigitAt(url, i - 1) && isDigitAt(url, i + 1)) return false;
    } else if (c >= 65 && c <= 90) {
      if (c === 88 && isDigitAt(url, i - 1) && isDigitAt(url, i + 1)) return false;
    } else if (c === 47) slash = true;
    // digits, "_", ".", "~", "-"
    else if (!((c >= 48 && c <= 57) || c === 95 || c === 46 || c === 126 || c === 45)) return false;
  }
  return slash;
}

function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

// The last URLs that passed: an item's main, secondary and swatch images are checked in the same order both times.
const recent = ['', '', '', ''];
let nextSlot = 0;

/** A plain https link to a .jpg file with no "x" between two digits (see scanPlainJpg). */
export function isPlainJpgUrl(url: string): boolean {
  if (url === recent[0] || url === recent[1] || url === recent[2] || url === recent[3]) return url !== '';
  if (!scanPlainJpg(url)) return false;
  recent[nextSlot] = url;
  nextSlot = (nextSlot + 1) & 3;
  return true;
}

// Added for the compiled spec's `uri` format (src/compile/formats.ts), which asks first about every URL value: the same
// test as scanPlainJpg, written as its two regular expressions (the second part of the first one split at the first
// "/" rather than the last, which accepts the same strings without backtracking). Per URL it took about 1,400
// instructions where the scan took 2,000 (3,100 on strings built by concatenation, as the benchmark's items are),
// counted with callgrind (BENCHMARKS.md, session 13, schema-s13). It remembers a URL that passed in the same slots,
// so the images pack's isPlainJpgUrl right after it finds the URL there; test/compile/uri-format.test.ts holds it to
// isPlainJpgUrl's answers.
const PLAIN_JPG = /^https:\/\/[\w.~-]*\/[\w.~/-]*\.(?:jpe?g|JPE?G)$/;
const STATED_SIZE = /\d[xX]\d/;

/** isPlainJpgUrl, by its regular expressions: the same answers, remembered alike. */
export function isPlainJpgUrlByPattern(url: string): boolean {
  if (url === recent[0] || url === recent[1] || url === recent[2] || url === recent[3]) return url !== '';
  if (!PLAIN_JPG.test(url) || STATED_SIZE.test(url)) return false;
  recent[nextSlot] = url;
  nextSlot = (nextSlot + 1) & 3;
  return true;
}
