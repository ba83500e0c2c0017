// images.not_jpg (image.not_jpg): an image in another format than JPEG. Walmart accepts several but recommends .jpg,
// so this is information, and only for URLs whose extension names the format (no_extension covers the rest).
import { defineRecordRule } from '../../src/core/rule.js';
import type { ImageUrl } from './image-urls.js';
import { IMAGE_ATTRIBUTES, IMAGE_EXTENSIONS, checkImageUrls, seen } from './image-urls.js';

function otherFormat({ extension }: ImageUrl): Record<string, unknown> | undefined {
  if (extension === undefined || !IMAGE_EXTENSIONS.includes(extension)) return undefined;
  return extension === 'jpg' || extension === 'jpeg' ? undefined : { extension };
}

export default defineRecordRule({
  id: 'images.not_jpg',
  pack: 'images',
  severity: 'info',
  description: 'Walmart recommends JPEG (.jpg) images.',
  needs: [],
  needsAnyOf: IMAGE_ATTRIBUTES,
  check(record) {
    return checkImageUrls(record, 'image.not_jpg', otherFormat);
  },
  message(finding, titleOf) {
    const { extension } = finding.params;
    return `${seen(finding, titleOf)} is a .${typeof extension === 'string' ? extension : ''} image; Walmart recommends .jpg.`;
  },
  hint() {
    return 'Save the image as a JPEG (.jpg), square and ideally 2200×2200 px, and link to that file.';
  },
});
