// The images pack's screen: plain https links to .jpg files give no image rule anything to say, and telling that
// takes a scan of each URL, with no splitting or list of URLs (RecordScreen).
import type { RecordScreen } from '../../src/core/rule.js';
import { MAIN_IMAGE, SECONDARY_IMAGES, SWATCH_IMAGES, SWATCH_IMAGE_URL } from './image-urls.js';
import images from './index.js';

/**
 * "https://", then only letters, digits and `_.~/-`, and a file name ending in .jpg or .jpeg: nothing blank, no
 * query, fragment or escape. One native scan: every record has several image URLs.
 */
const PLAIN_JPG = /^https:\/\/[\w.~/-]*\/[\w.~-]*\.(?:jpe?g|JPE?G)$/;
/** The only way a plain file name states a size ("800x600"); anywhere in the URL, to stay on the safe side. */
const DIGIT_X_DIGIT = /\d[xX]\d/;

/**
 * True when no image rule can object to this URL: a plain https link to a .jpg file (see PLAIN_JPG) with no "x"
 * between two digits. Not https (not_https), blanks or controls (whitespace), another or no extension (no_extension,
 * not_jpg), a stated size (not_square) or a query all make it false, and the rules judge the URL.
 */
export function isPlainJpgUrl(url: string): boolean {
  return PLAIN_JPG.test(url) && !DIGIT_X_DIGIT.test(url);
}

/** A URL value as the rules read it: not a string (the rules skip it), or a plain .jpg link. */
function cleanUrlValue(value: unknown): boolean {
  return typeof value !== 'string' || isPlainJpgUrl(value);
}

const screen: RecordScreen = {
  covers: images.map((r) => r.id),
  prepare(readerOf) {
    const readMain = readerOf(MAIN_IMAGE);
    const readSecondary = readerOf(SECONDARY_IMAGES);
    const readSwatches = readerOf(SWATCH_IMAGES);
    return (item) => {
      if (readMain !== undefined) {
        // A missing main image is main_missing's finding (where the spec leaves it optional): the rules decide.
        const main = readMain(item);
        if (typeof main !== 'string' || !isPlainJpgUrl(main)) return false;
      }
      if (readSecondary !== undefined) {
        const secondary = readSecondary(item);
        if (Array.isArray(secondary)) {
          for (let i = 0; i < secondary.length; i++) if (!cleanUrlValue(secondary[i])) return false;
        }
      }
      if (readSwatches !== undefined) {
        const swatches = readSwatches(item);
        if (Array.isArray(swatches)) {
          for (let i = 0; i < swatches.length; i++) {
            const swatch: unknown = swatches[i];
            if (typeof swatch === 'object' && swatch !== null && !cleanUrlValue((swatch as Record<string, unknown>)[SWATCH_IMAGE_URL])) return false;
          }
        }
      }
      return true;
    };
  },
};

export default screen;
