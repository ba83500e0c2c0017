// variants.no_primary: Walmart shows a group through its primary item, so each group needs one marked "Yes".
// A lone item is still told, more softly, since it is a group of one and may simply not be a variant yet.
import type { RuleFinding } from '../../src/core/rule.js';
import { defineFeedRule } from '../../src/core/rule.js';
import type { MemberRef } from './members.js';
import { GROUP_ID, GroupTable, PRIMARY, groupIdOf, isPrimary, placeOn } from './members.js';
import { primaryAnswerOf } from './primaries.js';
import { displayValue } from './values.js';

/** All the rule needs of a group: its first item (where the finding goes), its size, and whether any item is primary. */
interface PrimaryGroup extends MemberRef {
  /** The first item's answer as given, for the message. */
  value: unknown;
  size: number;
  primary: boolean;
}

export default defineFeedRule<GroupTable<PrimaryGroup>>({
  id: 'variants.no_primary',
  pack: 'variants',
  severity: 'error',
  description: 'Each variant group needs one item with Is Primary Variant "Yes".',
  needs: [GROUP_ID, PRIMARY],
  start: () => new GroupTable(),
  visit(groups, record) {
    const groupId = groupIdOf(record);
    if (groupId === undefined) return;
    const value = primaryAnswerOf(record);
    const group = groups.get(groupId);
    if (group === undefined) {
      groups.set(groupId, { record: record.index, sku: record.sku, productType: record.productType, value, size: 1, primary: isPrimary(value) });
      return;
    }
    group.size++;
    if (!group.primary) group.primary = isPrimary(value);
  },
  finish(groups) {
    const findings: RuleFinding[] = [];
    for (const [groupId, group] of groups.byId) {
      if (group.primary) continue;
      findings.push({
        attribute: PRIMARY,
        ...placeOn(group),
        ...(group.size === 1 ? { severity: 'warning' as const } : {}),
        params: { groupId, value: displayValue(group.value), size: group.size },
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
