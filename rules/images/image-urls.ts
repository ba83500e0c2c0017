// Every image URL a record carries and where it sits, so each image rule treats main, additional and swatch images
// alike. The URLs are collected and split once per record, and the image rules all read that one list.
import type { RecordView, RuleFinding, TitleOf } from '../../src/core/rule.js';
import { perRecord } from '../per-record.js';
import type { UrlParts } from './url-parts.js';
import { urlParts } from './url-parts.js';

export const MAIN_IMAGE = 'mainImageUrl';
export const SECONDARY_IMAGES = 'productSecondaryImageURL';
export const SWATCH_IMAGES = 'swatchImages';
export const SWATCH_IMAGE_URL = 'swatchImageUrl';

/** A URL rule attaches where the spec defines any of these. */
export const IMAGE_ATTRIBUTES: readonly string[] = [MAIN_IMAGE, SECONDARY_IMAGES, SWATCH_IMAGES];

export interface ImageUrl {
  attribute: string;
  /** The array index, for array attributes; the finding's sub-path is built from it only when there is a finding. */
  index: number | undefined;
  /** The URL as given. */
  url: string;
  /** The pieces of the trimmed URL. */
  parts: UrlParts;
}

function given(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function image(attribute: string, index: number | undefined, url: string): ImageUrl {
  return { attribute, index, url, parts: urlParts(url.trim()) };
}

/**
 * The image URLs of the attributes the spec defines, once per record (read-only). Values of the wrong shape are
 * skipped: the schema reports those, and guessing at them here would only add noise.
 */
export const imageUrls: (record: RecordView) => readonly ImageUrl[] = perRecord(collectImageUrls);

function collectImageUrls(record: RecordView): ImageUrl[] {
  const urls: ImageUrl[] = [];
  const main = record.defines(MAIN_IMAGE) ? record.get(MAIN_IMAGE) : undefined;
  if (given(main)) urls.push(image(MAIN_IMAGE, undefined, main));
  const secondary = record.defines(SECONDARY_IMAGES) ? record.get(SECONDARY_IMAGES) : undefined;
  if (Array.isArray(secondary)) {
    for (let i = 0; i < secondary.length; i++) {
      // A hole in a sparse array reads as undefined and is skipped, as forEach skips it.
      const url: unknown = secondary[i];
      if (given(url)) urls.push(image(SECONDARY_IMAGES, i, url));
    }
  }
  const swatches = record.defines(SWATCH_IMAGES) ? record.get(SWATCH_IMAGES) : undefined;
  if (Array.isArray(swatches)) {
    for (let i = 0; i < swatches.length; i++) {
      const swatch: unknown = swatches[i];
      const url = typeof swatch === 'object' && swatch !== null ? (swatch as Record<string, unknown>)[SWATCH_IMAGE_URL] : undefined;
      if (given(url)) urls.push(image(SWATCH_IMAGES, i, url));
    }
  }
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
  const findings: RuleFinding[] = [];
  for (const image of imageUrls(record)) {
    const params = test(image);
    if (params === undefined) continue;
    const finding: RuleFinding = { code, attribute: image.attribute, params: { url: image.url, ...params } };
    const subPath = subPathOf(image);
    if (subPath !== undefined) finding.subPath = subPath;
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

export const IMAGE_EXTENSIONS: readonly string[] = ['jpg', 'jpeg', 'png', 'gif', 'bmp', 'webp', 'tif', 'tiff'];
