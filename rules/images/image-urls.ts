// Every image URL a record carries and where it sits, so each image rule treats main, additional and swatch images
// alike; plus the pieces of a URL the rules read (file name, extension, query) without throwing on odd URLs.
import type { RecordView, RuleFinding, TitleOf } from '../../src/core/rule.js';

export const MAIN_IMAGE = 'mainImageUrl';
export const SECONDARY_IMAGES = 'productSecondaryImageURL';
export const SWATCH_IMAGES = 'swatchImages';
export const SWATCH_IMAGE_URL = 'swatchImageUrl';

/** A URL rule attaches where the spec defines any of these. */
export const IMAGE_ATTRIBUTES: readonly string[] = [MAIN_IMAGE, SECONDARY_IMAGES, SWATCH_IMAGES];

export interface ImageUrl {
  attribute: string;
  /** The array index, or `<index>.swatchImageUrl`, for array attributes. */
  subPath?: string;
  url: string;
}

function given(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * The image URLs of the attributes the spec defines. Values of the wrong shape are skipped: the schema reports
 * those, and guessing at them here would only add noise.
 */
export function imageUrls(record: RecordView): ImageUrl[] {
  const urls: ImageUrl[] = [];
  const main = record.defines(MAIN_IMAGE) ? record.get(MAIN_IMAGE) : undefined;
  if (given(main)) urls.push({ attribute: MAIN_IMAGE, url: main });
  const secondary = record.defines(SECONDARY_IMAGES) ? record.get(SECONDARY_IMAGES) : undefined;
  if (Array.isArray(secondary)) {
    secondary.forEach((url: unknown, i) => {
      if (given(url)) urls.push({ attribute: SECONDARY_IMAGES, subPath: String(i), url });
    });
  }
  const swatches = record.defines(SWATCH_IMAGES) ? record.get(SWATCH_IMAGES) : undefined;
  if (Array.isArray(swatches)) {
    swatches.forEach((swatch: unknown, i) => {
      const url = typeof swatch === 'object' && swatch !== null ? (swatch as Record<string, unknown>)[SWATCH_IMAGE_URL] : undefined;
      if (given(url)) urls.push({ attribute: SWATCH_IMAGES, subPath: `${i}.${SWATCH_IMAGE_URL}`, url });
    });
  }
  return urls;
}

/** One finding with this code per image URL the test objects to; the test returns the finding's params, or undefined. */
export function checkImageUrls(
  record: RecordView,
  code: string,
  test: (url: string) => Record<string, unknown> | undefined,
): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const image of imageUrls(record)) {
    const params = test(image.url);
    if (params === undefined) continue;
    const finding: RuleFinding = { code, attribute: image.attribute, params: { url: image.url, ...params } };
    if (image.subPath !== undefined) finding.subPath = image.subPath;
    findings.push(finding);
  }
  return findings;
}

/** Where the URL sits, for a merchandiser: "Main Image URL", "Additional Image URL #3", "Swatch Image URL of Swatch Images #2". */
export function placeOf(finding: RuleFinding, titleOf: TitleOf): string {
  const title = titleOf(finding.attribute);
  if (finding.subPath === undefined) return title;
  const index = Number.parseInt(finding.subPath, 10);
  const numbered = Number.isNaN(index) ? title : `${title} #${index + 1}`;
  return finding.attribute === SWATCH_IMAGES ? `Swatch Image URL of ${numbered}` : numbered;
}

/** `Main Image URL "https://…"`, the opening of every image URL message. */
export function seen(finding: RuleFinding, titleOf: TitleOf): string {
  const url = finding.params.url;
  return `${placeOf(finding, titleOf)} "${typeof url === 'string' ? url : ''}"`;
}

export interface UrlParts {
  /** The file name: the last path segment, without query or fragment. */
  fileName: string;
  /** Lower-case extension of the file name, without the dot. */
  extension: string | undefined;
  query: URLSearchParams;
}

/** Splits a URL by hand, because `new URL` throws on the malformed URLs these rules must still read. */
export function urlParts(url: string): UrlParts {
  const withoutFragment = url.split('#', 1)[0] ?? '';
  const q = withoutFragment.indexOf('?');
  const beforeQuery = q === -1 ? withoutFragment : withoutFragment.slice(0, q);
  // The host is no file name: "https://example.com" has no extension, whatever its domain ends in.
  const path = beforeQuery.replace(/^[a-z][a-z\d+.-]*:\/\/[^/]*/i, '');
  const fileName = path.slice(path.lastIndexOf('/') + 1);
  const extension = /\.([a-z\d]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return { fileName, extension, query: new URLSearchParams(q === -1 ? '' : withoutFragment.slice(q + 1)) };
}

export const IMAGE_EXTENSIONS: readonly string[] = ['jpg', 'jpeg', 'png', 'gif', 'bmp', 'webp', 'tif', 'tiff'];
