// images.not_square (image.not_square): Walmart asks for square 1:1 images. The rule fetches nothing, so it judges
// only URLs that state their size: "800x600" in the file name, or width and height in a resizing CDN's query.
import { defineRecordRule } from '../../src/core/rule.js';
import type { ImageUrl } from './image-urls.js';
import { IMAGE_ATTRIBUTES, checkImageUrls, seen } from './image-urls.js';
import type { UrlParts } from './url-parts.js';

/** Query parameter pairs that resizing CDNs use (Walmart's own odn…, Scene7's wid/hei, the common w/h). */
const QUERY_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['odnwidth', 'odnheight'],
  ['width', 'height'],
  ['wid', 'hei'],
  ['w', 'h'],
];

// A query states a size only with one of the width keys above, so a query without one is not decoded: most image
// URLs have none. A "%" may encode a key, so a query with one is always decoded; URLSearchParams drops a leading "?".
const MAY_STATE_SIZE = /(?:^\??|&)(?:odnwidth|width|wid|w)=|%/i;

// Bounded by separators, so hashes such as "a1b2x3c4" in a file name do not read as sizes.
const SIZE_IN_NAME = /(?:^|[_\-.])(\d{2,5})[x×](\d{2,5})(?=[_\-.]|$)/i;

export interface StatedSize {
  width: number;
  height: number;
  source: 'file name' | 'query';
}

function sizeInQuery(query: string): StatedSize | undefined {
  const params = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(query)) params.set(key.toLowerCase(), value.trim());
  for (const [w, h] of QUERY_PAIRS) {
    const width = params.get(w);
    const height = params.get(h);
    if (width !== undefined && height !== undefined && /^\d+$/.test(width) && /^\d+$/.test(height)) {
      return { width: Number(width), height: Number(height), source: 'query' };
    }
  }
  return undefined;
}

/** The width and height the URL itself states, if it states both; the query wins over the file name. */
export function statedSize({ fileName, query }: UrlParts): StatedSize | undefined {
  const inQuery = MAY_STATE_SIZE.test(query) ? sizeInQuery(query) : undefined;
  if (inQuery !== undefined) return inQuery;
  const match = SIZE_IN_NAME.exec(fileName);
  if (match?.[1] !== undefined && match[2] !== undefined) {
    return { width: Number(match[1]), height: Number(match[2]), source: 'file name' };
  }
  return undefined;
}

function notSquare(image: ImageUrl): Record<string, unknown> | undefined {
  const size = statedSize(image);
  return size !== undefined && size.width > 0 && size.height > 0 && size.width !== size.height ? { ...size } : undefined;
}

export default defineRecordRule({
  id: 'images.not_square',
  pack: 'images',
  severity: 'warning',
  description: 'Images should be square (1:1); checked where the URL states the width and height.',
  needs: [],
  needsAnyOf: IMAGE_ATTRIBUTES,
  check(record) {
    return checkImageUrls(record, 'image.not_square', notSquare);
  },
  message(finding, titleOf) {
    const { width, height, source } = finding.params;
    return `${seen(finding, titleOf)} is ${String(width)}×${String(height)} px according to its ${String(source)}, not square; Walmart asks for 1:1 images.`;
  },
  hint() {
    return 'Use a square image, ideally 2200×2200 px: pad the picture with a white background rather than cropping the product.';
  },
});
