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
const EXTENSION = /^[a-z\d]+$/i;

/** Splits a URL (already trimmed) by hand; any string gives parts, however malformed. */
export function urlParts(url: string): UrlParts {
  const hash = url.indexOf('#');
  const end = hash === -1 ? url.length : hash;
  const q = url.indexOf('?');
  const hasQuery = q !== -1 && q < end;
  const pathEnd = hasQuery ? q : end;
  // A scheme's characters exclude ":", so its "://" is the first ":".
  const hostStart = SCHEME.test(url) ? url.indexOf(':') + 3 : 0;
  const pathStart = hostStart === 0 ? 0 : url.indexOf('/', hostStart);
  let fileName = '';
  if (pathStart !== -1 && pathStart < pathEnd) {
    // pathEnd > pathStart >= 0 here, so the search starts inside the path and cannot go back past its start.
    fileName = url.slice(url.lastIndexOf('/', pathEnd - 1) + 1, pathEnd);
  } else if (hostStart === 0) {
    fileName = url.slice(0, pathEnd);
  }
  return { fileName, extension: extensionOf(fileName), query: hasQuery ? url.slice(q + 1, end) : '' };
}

function extensionOf(fileName: string): string | undefined {
  const dot = fileName.lastIndexOf('.');
  if (dot === -1) return undefined;
  const extension = fileName.slice(dot + 1);
  return EXTENSION.test(extension) ? extension.toLowerCase() : undefined;
}
