// variants.names_missing: an item in a variant group must say which attributes its variants differ by,
// or Walmart cannot build the group's selector.
import { defineRecordRule } from '../../src/core/rule.js';
import { NO_FINDINGS } from '../no-findings.js';
import { GROUP_ID, NAMES, groupIdOf, namesOf } from './members.js';

export default defineRecordRule({
  id: 'variants.names_missing',
  pack: 'variants',
  severity: 'error',
  description: 'Items with a Variant Group ID must list their Variant Attribute Names.',
  needs: [GROUP_ID, NAMES],
  check(record) {
    const groupId = groupIdOf(record);
    if (groupId === undefined || namesOf(record).length > 0) return NO_FINDINGS;
    return [{ attribute: NAMES, params: { groupId } }];
  },
  message(finding, titleOf) {
    return `${titleOf(NAMES)} is blank, but ${titleOf(GROUP_ID)} is "${String(finding.params.groupId)}".`;
  },
  hint(_finding, titleOf) {
    return `List the attributes this item's variants differ by (for example color, size) in ${titleOf(NAMES)}, or clear ${titleOf(GROUP_ID)} if the item has no variants.`;
  },
});
