// variants.missing_attribute_value: every attribute a variant lists in Variant Attribute Names needs a value,
// since that value is what the shopper picks on the item page.
import type { RuleFinding } from '../../src/core/rule.js';
import { defineRecordRule } from '../../src/core/rule.js';
import { NO_FINDINGS } from '../no-findings.js';
import { GROUP_ID, NAMES, groupIdOf, namesOf } from './members.js';
import { givenValuesOf } from './members.js';
import { hasValue } from './values.js';

export default defineRecordRule({
  id: 'variants.missing_attribute_value',
  pack: 'variants',
  severity: 'error',
  description: 'Each attribute in Variant Attribute Names must have a value.',
  needs: [GROUP_ID, NAMES],
  check(record) {
    const groupId = groupIdOf(record);
    if (groupId === undefined) return NO_FINDINGS;
    const names = namesOf(record);
    const values = givenValuesOf(record);
    let findings: RuleFinding[] | undefined;
    for (let i = 0; i < names.length; i++) {
      // Blank as the combination key sees it (normaliseValue), without building the key.
      if (hasValue(values[i])) continue;
      (findings ??= []).push({ attribute: names[i] as string, params: { groupId, names } });
    }
    return findings ?? NO_FINDINGS;
  },
  message(finding, titleOf) {
    const names = (finding.params.names as string[]).join(', ');
    return `${titleOf(finding.attribute)} is blank, but it is one of the ${titleOf(NAMES)} ("${names}") of variant group "${String(finding.params.groupId)}".`;
  },
  hint(finding, titleOf) {
    return `Give ${titleOf(finding.attribute)} this variant's value, or remove "${finding.attribute}" from ${titleOf(NAMES)} on every item of the group.`;
  },
});
