// The images pack's screen: plain https links to .jpg files with no stated size (isPlainJpgUrl) give no image rule
// anything to say: not https (not_https), blanks or controls (whitespace), another or no extension (no_extension,
// not_jpg), a stated size (not_square) or a query all fail it, and the rules judge the URL (RecordScreen).
import { isPlainJpgUrl } from '../../src/core/plain-jpg-url.js';
import type { RecordScreen } from '../../src/core/rule.js';
import { MAIN_IMAGE, SECONDARY_IMAGES, SWATCH_IMAGES, SWATCH_IMAGE_URL } from './image-urls.js';
import images from './index.js';

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
