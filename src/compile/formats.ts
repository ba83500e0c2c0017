// The string formats Walmart's specs use, as ajv-formats defines them ("full" mode), with one change:
// `uri` first tries a plain https .jpg link (src/core/plain-jpg-url.ts, remembered for the images pack, which asks about
// the same URLs next), then a plain http(s) pattern that is a
// strict subset of RFC 3986, which nearly every image and warranty URL matches, and only falls back to the full RFC
// regex (a tenth of validation time on real feeds) for the rest. Compiled validators load this module by name (see
// compiled-cache).
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { isPlainJpgUrl } from '../core/plain-jpg-url.js';

/** The name standalone code requires this module by; compiled-cache maps it back to this module. */
export const FORMATS_MODULE_ID = 'catalog-gate:formats';

// scheme "://" reg-name [":" port] path-abempty ["?" query] ["#" fragment], with reg-name narrowed
// to letters, digits, dots and hyphens: every string it accepts, the RFC 3986 grammar accepts too.
const PCHAR = "(?:[a-z0-9\\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})";
const PLAIN_HTTP_URI = new RegExp(`^https?://[a-z0-9.-]+(?::\\d{1,5})?(?:/${PCHAR}*)*(?:\\?(?:${PCHAR}|[/?])*)?(?:#(?:${PCHAR}|[/?])*)?$`, 'i');

const fullUri = fullFormats.uri as (s: string) => boolean;

/** A plain .jpg link (the commonest value, and checked again by the images pack's screen), then plain http(s), then RFC 3986. */
export function uri(s: string): boolean {
  return isPlainJpgUrl(s) || PLAIN_HTTP_URI.test(s) || fullUri(s);
}

export const FORMATS: Record<string, unknown> = { ...fullFormats, uri };
