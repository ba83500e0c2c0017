// variants.two_primaries: a group can be shown through one primary item only; every extra "Yes" is flagged
// and points back at the first, which is the one kept unless the merchandiser decides otherwise.
import type { RuleFinding } from '../../src/core/rule.js';
import { defineFeedRule } from '../../src/core/rule.js';
import { GROUP_ID, GroupTable, PRIMARY, describeRef, groupIdOf, isPrimary, placeOn, refOf } from './members.js';
import { primaryAnswerOf } from './primaries.js';
import { displayValue } from './values.js';

/** A group's first primary item, and the findings on the primaries after it, made as they arrive. */
interface PrimaryGroup {
  firstRecord: number;
  firstSku: string | undefined;
  findings: RuleFinding[] | undefined;
}

// A group seen without a primary so far is kept as null: it holds its place in the order groups first appeared.
type Groups = GroupTable<PrimaryGroup | null>;

export default defineFeedRule<Groups>({
  id: 'variants.two_primaries',
  pack: 'variants',
  severity: 'error',
  description: 'A variant group may have only one item with Is Primary Variant "Yes".',
  needs: [GROUP_ID, PRIMARY],
  start: () => new GroupTable(),
  visit(groups, record) {
    const groupId = groupIdOf(record);
    if (groupId === undefined) return;
    const value = primaryAnswerOf(record);
    const group = groups.get(groupId);
    if (!isPrimary(value)) {
      if (group === undefined) groups.set(groupId, null);
      return;
    }
    if (group === undefined || group === null) {
      groups.set(groupId, { firstRecord: record.index, firstSku: record.sku, findings: undefined });
      return;
    }
    (group.findings ??= []).push({
      attribute: PRIMARY,
      ...placeOn(refOf(record)),
      params: { groupId, value: displayValue(value), firstRecord: group.firstRecord, firstSku: group.firstSku },
    });
  },
  finish(groups) {
    const findings: RuleFinding[] = [];
    for (const group of groups.byId.values()) {
      for (const f of group?.findings ?? []) findings.push(f);
    }
    return findings;
  },
  message(finding, titleOf, placeOf) {
    const { groupId, value, firstRecord, firstSku } = finding.params;
    return `${titleOf(PRIMARY)} is "${String(value)}" here, but ${describeRef(firstRecord, firstSku, placeOf)} is already the primary item of variant group "${String(groupId)}".`;
  },
  hint(_finding, titleOf) {
    return `Keep ${titleOf(PRIMARY)} "Yes" on one item of the group and set it to "No" on the others.`;
  },
});
