// images.main_missing (image.main_missing): the spec has Main Image URL but leaves it optional, so the schema says
// nothing when it is empty; Walmart still needs a main image to show the item. Where it is required the schema reports it.
import { defineRecordRule } from '../../src/core/rule.js';
import { NO_FINDINGS } from '../no-findings.js';
import { MAIN_IMAGE } from './image-urls.js';

export default defineRecordRule({
  id: 'images.main_missing',
  pack: 'images',
  severity: 'warning',
  description: 'An item should have a Main Image URL even where the spec does not require one.',
  needs: [MAIN_IMAGE],
  when: (record) => !record.requires(MAIN_IMAGE),
  check(record) {
    return record.has(MAIN_IMAGE) ? NO_FINDINGS : [{ code: 'image.main_missing', attribute: MAIN_IMAGE, params: {} }];
  },
  message(_finding, titleOf) {
    return `${titleOf(MAIN_IMAGE)} is empty; Walmart needs a main image to show the item.`;
  },
  hint(_finding, titleOf) {
    return `Add to ${titleOf(MAIN_IMAGE)} the public URL of a square .jpg image of the item (2200×2200 px recommended).`;
  },
});
