// The pieces of an image URL the rules read (file name, extension, query), found with indexOf: `new URL` throws on
// the malformed URLs these rules must still read, and every record's URLs are split, so this stays allocation-light.

export interface UrlParts {
  /** The file name: the last path segment, without query or fragment. */
  fileName: string;
  /** Lower-case extension of the file name, without the dot. */
  extension: string | undefined;
  /** The raw query, without "?" or fragment; '' when there is none. Rules decode it only when they need it. */
  query: string;
}

// "scheme://" at the start: what follows, up to the next "/", is the host, and the host is no file name
// ("https://example.com" has none, whatever its domain ends in).
const SCHEME = /^[a-z][a-z\d+.-]*:\/\//i;

/** Where the host starts: after "scheme://", or 0 when the URL has no scheme. */
function hostStart(url: string): number {
  // The usual schemes without the regular expression.
  if (url.startsWith('https://')) return 8;
  if (url.startsWith('http://')) return 7;
  // A scheme's characters exclude ":", so its "://" is the first ":".
  return SCHEME.test(url) ? url.indexOf(':') + 3 : 0;
}

/** Splits a URL (already trimmed) by hand; any string gives parts, however malformed. */
export function urlParts(url: string): UrlParts {
  const hash = url.indexOf('#');
  const end = hash === -1 ? url.length : hash;
  const q = url.indexOf('?');
  const hasQuery = q !== -1 && q < end;
  const pathEnd = hasQuery ? q : end;
  const host = hostStart(url);
  const pathStart = host === 0 ? 0 : url.indexOf('/', host);
  let fileName = '';
  if (pathStart !== -1 && pathStart < pathEnd) {
    // pathEnd > pathStart >= 0 here, so the search starts inside the path and cannot go back past its start.
    fileName = url.slice(url.lastIndexOf('/', pathEnd - 1) + 1, pathEnd);
  } else if (host === 0) {
    fileName = url.slice(0, pathEnd);
  }
  return { fileName, extension: extensionOf(fileName), query: hasQuery ? url.slice(q + 1, end) : '' };
}

function isLetterOrDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** What follows the file name's last dot, when that is letters and digits only. */
function extensionOf(fileName: string): string | undefined {
  let dot = fileName.length - 1;
  while (dot >= 0 && isLetterOrDigit(fileName.charCodeAt(dot))) dot--;
  if (dot < 0 || dot === fileName.length - 1 || fileName.charCodeAt(dot) !== 0x2e) return undefined;
  return fileName.slice(dot + 1).toLowerCase();
}
