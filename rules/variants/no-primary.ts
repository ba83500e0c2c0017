// variants.no_primary: Walmart shows a group through its primary item, so each group needs one marked "Yes".
// A lone item is still told, more softly, since it is a group of one and may simply not be a variant yet.
import type { RuleFinding } from '../../src/core/rule.js';
import { defineFeedRule } from '../../src/core/rule.js';
import type { Groups } from './members.js';
import { GROUP_ID, PRIMARY, placeOn } from './members.js';
import type { PrimaryMember } from './primaries.js';
import { visitPrimary } from './primaries.js';
import { displayValue } from './values.js';

export default defineFeedRule<Groups<PrimaryMember>>({
  id: 'variants.no_primary',
  pack: 'variants',
  severity: 'error',
  description: 'Each variant group needs one item with Is Primary Variant "Yes".',
  needs: [GROUP_ID, PRIMARY],
  start: () => new Map(),
  visit: visitPrimary,
  finish(groups) {
    const findings: RuleFinding[] = [];
    for (const [groupId, members] of groups) {
      const first = members[0];
      if (first === undefined || members.some((m) => m.primary)) continue;
      findings.push({
        attribute: PRIMARY,
        ...placeOn(first),
        ...(members.length === 1 ? { severity: 'warning' as const } : {}),
        params: { groupId, value: displayValue(first.value), size: members.length },
      });
    }
    return findings;
  },
  message(finding, titleOf) {
    const { groupId, value, size } = finding.params;
    const seen = value === '' ? 'blank' : `"${String(value)}"`;
    if (size === 1) {
      return `This item is the only one in variant group "${String(groupId)}" and its ${titleOf(PRIMARY)} is ${seen}, not "Yes".`;
    }
    return `None of the ${String(size)} items in variant group "${String(groupId)}" has ${titleOf(PRIMARY)} "Yes"; on this one, the first, it is ${seen}.`;
  },
  hint(_finding, titleOf) {
    return `Set ${titleOf(PRIMARY)} to "Yes" on the one item shoppers should land on, and "No" on the others.`;
  },
});
