// variants.two_primaries: a group can be shown through one primary item only; every extra "Yes" is flagged
// and points back at the first, which is the one kept unless the merchandiser decides otherwise.
import type { RuleFinding } from '../../src/core/rule.js';
import { defineFeedRule } from '../../src/core/rule.js';
import type { Groups } from './members.js';
import { GROUP_ID, PRIMARY, describeRef, placeOn } from './members.js';
import type { PrimaryMember } from './primaries.js';
import { visitPrimary } from './primaries.js';
import { displayValue } from './values.js';

export default defineFeedRule<Groups<PrimaryMember>>({
  id: 'variants.two_primaries',
  pack: 'variants',
  severity: 'error',
  description: 'A variant group may have only one item with Is Primary Variant "Yes".',
  needs: [GROUP_ID, PRIMARY],
  start: () => new Map(),
  visit: visitPrimary,
  finish(groups) {
    const findings: RuleFinding[] = [];
    for (const [groupId, members] of groups) {
      const [first, ...others] = members.filter((m) => m.primary);
      if (first === undefined) continue;
      for (const other of others) {
        findings.push({
          attribute: PRIMARY,
          ...placeOn(other),
          params: { groupId, value: displayValue(other.value), firstRecord: first.record, firstSku: first.sku },
        });
      }
    }
    return findings;
  },
  message(finding, titleOf) {
    const { groupId, value, firstRecord, firstSku } = finding.params;
    return `${titleOf(PRIMARY)} is "${String(value)}" here, but ${describeRef(firstRecord, firstSku)} is already the primary item of variant group "${String(groupId)}".`;
  },
  hint(_finding, titleOf) {
    return `Keep ${titleOf(PRIMARY)} "Yes" on one item of the group and set it to "No" on the others.`;
  },
});
