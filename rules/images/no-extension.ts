// images.no_extension (image.no_extension): an image URL whose path does not end in an image file type. Such URLs are
// often web pages or redirects rather than the image; Walmart asks for links that load as an image file.
import { defineRecordRule } from '../../src/core/rule.js';
import type { ImageUrl } from './image-urls.js';
import { IMAGE_ATTRIBUTES, IMAGE_EXTENSIONS, checkImageUrls, seen } from './image-urls.js';

function noImageExtension({ extension }: ImageUrl): Record<string, unknown> | undefined {
  if (extension !== undefined && IMAGE_EXTENSIONS.includes(extension)) return undefined;
  return extension === undefined ? {} : { extension };
}

export default defineRecordRule({
  id: 'images.no_extension',
  pack: 'images',
  severity: 'warning',
  description: 'An image URL should end in an image file type such as .jpg (a query string after it is fine).',
  needs: [],
  needsAnyOf: IMAGE_ATTRIBUTES,
  check(record) {
    return checkImageUrls(record, 'image.no_extension', noImageExtension);
  },
  message(finding, titleOf) {
    const { extension } = finding.params;
    const ends = typeof extension === 'string' ? `ends in .${extension}, not an image file type` : 'does not end in an image file type';
    return `${seen(finding, titleOf)} ${ends}; Walmart expects a link straight to an image file, such as one ending in .jpg.`;
  },
  hint() {
    return 'Link to the image file itself (like https://example.com/images/item-front.jpg) and check that it opens as an image in a private browser window.';
  },
});
