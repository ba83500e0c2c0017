// images.not_https (image.not_https): an http:// image URL. Browsers block plain-http images on Walmart's https pages
// and some fetchers refuse them. Other schemes are not URLs Walmart can fetch at all: the schema's uri check reports those.
import { defineRecordRule } from '../../src/core/rule.js';
import type { ImageUrl } from './image-urls.js';
import { IMAGE_ATTRIBUTES, checkImageUrls, seen } from './image-urls.js';

const HTTP = /^\s*http:\/\//i;

function plainHttp({ url }: ImageUrl): Record<string, unknown> | undefined {
  return HTTP.test(url) ? { fix: url.trim().replace(/^http:/i, 'https:') } : undefined;
}

export default defineRecordRule({
  id: 'images.not_https',
  pack: 'images',
  severity: 'warning',
  description: 'Image URLs should use https.',
  needs: [],
  needsAnyOf: IMAGE_ATTRIBUTES,
  check(record) {
    return checkImageUrls(record, 'image.not_https', plainHttp);
  },
  message(finding, titleOf) {
    return `${seen(finding, titleOf)} uses http; image URLs should use https.`;
  },
  hint(finding) {
    const { fix } = finding.params;
    return `Use ${typeof fix === 'string' ? fix : 'https://'} if the host serves the image over https, or move the image to a host that does.`;
  },
});
