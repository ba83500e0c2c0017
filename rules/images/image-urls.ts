// Every image URL a record carries and where it sits, so each image rule treats main, additional and swatch images
// alike. The URLs are collected and split once per record, and the image rules all read that one list.
import type { RecordView, RuleFinding, TitleOf } from '../../src/core/rule.js';
import { NO_FINDINGS } from '../no-findings.js';
import { perRecord } from '../per-record.js';
import type { UrlParts } from './url-parts.js';
import { urlParts } from './url-parts.js';

export const MAIN_IMAGE = 'mainImageUrl';
export const SECONDARY_IMAGES = 'productSecondaryImageURL';
export const SWATCH_IMAGES = 'swatchImages';
export const SWATCH_IMAGE_URL = 'swatchImageUrl';

/** A URL rule attaches where the spec defines any of these. */
export const IMAGE_ATTRIBUTES: readonly string[] = [MAIN_IMAGE, SECONDARY_IMAGES, SWATCH_IMAGES];

/** One image URL, split once for every image rule (the pieces are those of the trimmed URL). */
export interface ImageUrl extends UrlParts {
  attribute: string;
  /** The array index, for array attributes; the finding's sub-path is built from it only when there is a finding. */
  index: number | undefined;
  /** The URL as given. */
  url: string;
}

/** The URL split, when the value is a string with something in it; undefined for anything else. */
function split(attribute: string, index: number | undefined, url: unknown): ImageUrl | undefined {
  if (typeof url !== 'string') return undefined;
  const trimmed = url.trim();
  if (trimmed === '') return undefined;
  const { fileName, extension, query } = urlParts(trimmed);
  return { attribute, index, url, fileName, extension, query };
}

/**
 * The image URLs of the attributes the spec defines, once per record (read-only). Values of the wrong shape are
 * skipped: the schema reports those, and guessing at them here would only add noise.
 */
export const imageUrls: (record: RecordView) => readonly ImageUrl[] = perRecord(collectImageUrls);

function collectImageUrls(record: RecordView): ImageUrl[] {
  const main = record.defines(MAIN_IMAGE) ? record.get(MAIN_IMAGE) : undefined;
  const secondary = record.defines(SECONDARY_IMAGES) ? record.get(SECONDARY_IMAGES) : undefined;
  const swatches = record.defines(SWATCH_IMAGES) ? record.get(SWATCH_IMAGES) : undefined;
  // Sized for every URL there may be, then cut to those given: a list grown by push reserves room for 16 more.
  const urls = new Array<ImageUrl>(1 + (Array.isArray(secondary) ? secondary.length : 0) + (Array.isArray(swatches) ? swatches.length : 0));
  let n = 0;
  const first = split(MAIN_IMAGE, undefined, main);
  if (first !== undefined) urls[n++] = first;
  if (Array.isArray(secondary)) {
    for (let i = 0; i < secondary.length; i++) {
      // A hole in a sparse array reads as undefined and is skipped, as forEach skips it.
      const found = split(SECONDARY_IMAGES, i, secondary[i]);
      if (found !== undefined) urls[n++] = found;
    }
  }
  if (Array.isArray(swatches)) {
    for (let i = 0; i < swatches.length; i++) {
      const swatch: unknown = swatches[i];
      const url = typeof swatch === 'object' && swatch !== null ? (swatch as Record<string, unknown>)[SWATCH_IMAGE_URL] : undefined;
      const found = split(SWATCH_IMAGES, i, url);
      if (found !== undefined) urls[n++] = found;
    }
  }
  urls.length = n;
  return urls;
}

function subPathOf(image: ImageUrl): string | undefined {
  if (image.index === undefined) return undefined;
  return image.attribute === SWATCH_IMAGES ? `${image.index}.${SWATCH_IMAGE_URL}` : String(image.index);
}

/** One finding with this code per image URL the test objects to; the test returns the finding's params, or undefined. */
export function checkImageUrls(
  record: RecordView,
  code: string,
  test: (image: ImageUrl) => Record<string, unknown> | undefined,
): RuleFinding[] {
  let findings: RuleFinding[] | undefined;
  for (const image of imageUrls(record)) {
    const params = test(image);
    if (params === undefined) continue;
    const finding: RuleFinding = { code, attribute: image.attribute, params: { url: image.url, ...params } };
    const subPath = subPathOf(image);
    if (subPath !== undefined) finding.subPath = subPath;
    (findings ??= []).push(finding);
  }
  return findings ?? NO_FINDINGS;
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

export const IMAGE_EXTENSIONS: readonly string[] = ['jpg', 'jpeg', 'png', 'gif', 'bmp', 'webp', 'tif', 'tiff'];
