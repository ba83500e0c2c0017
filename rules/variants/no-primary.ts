// variants.no_primary: Walmart shows a group through its primary item, so each group needs one marked "Yes".
// A lone item is still told, more softly, since it is a group of one and may simply not be a variant yet.
import type { RuleFinding } from '../../src/core/rule.js';
import { defineFeedRule } from '../../src/core/rule.js';
import type { RecordLog } from '../record-log.js';
import { recordLogOf } from '../record-log.js';
import { IntList, IntColumn } from './columns.js';
import type { GroupIndex } from './group-index.js';
import { groupIndexOf } from './group-index.js';
import { GROUP_ID, PRIMARY, groupIdOf, isPrimary } from './members.js';
import { primaryAnswerOf } from './primaries.js';
import { displayValue } from './values.js';

/**
 * All the rule needs of a group, by group number: its first item (where the finding goes; its SKU and product type
 * are in the log), its size, and whether any item is primary.
 */
interface PrimaryGroups {
  groups: GroupIndex;
  log: RecordLog;
  /** The first item's record + 1; 0 for a group not seen yet. */
  first: IntColumn;
  /** The group's size, negated once an item is primary. */
  size: IntColumn;
  /** The first item's answer as given, for the message, while no item of its group is primary. */
  firstValue: Map<number, unknown>;
  /** Group numbers in the order this rule first saw them, as the findings are listed. */
  order: IntList;
}

export default defineFeedRule<PrimaryGroups>({
  id: 'variants.no_primary',
  pack: 'variants',
  severity: 'error',
  description: 'Each variant group needs one item with Is Primary Variant "Yes".',
  needs: [GROUP_ID, PRIMARY],
  start: (feed) => ({ groups: groupIndexOf(feed), log: recordLogOf(feed), first: new IntColumn(), size: new IntColumn(), firstValue: new Map(), order: new IntList() }),
  visit(state, record) {
    const groupId = groupIdOf(record);
    if (groupId === undefined) return;
    const value = primaryAnswerOf(record);
    const g = state.groups.numberOf(groupId);
    if (state.first.get(g) === 0) {
      state.first.set(g, record.index + 1);
      state.order.push(g);
      state.log.note(record);
      if (isPrimary(value)) state.size.set(g, -1);
      else {
        state.size.set(g, 1);
        state.firstValue.set(g, value);
      }
      return;
    }
    const size = state.size.get(g);
    if (size < 0) state.size.set(g, size - 1);
    else if (isPrimary(value)) {
      state.size.set(g, -(size + 1));
      state.firstValue.delete(g);
    } else state.size.set(g, size + 1);
  },
  finish(state) {
    const findings: RuleFinding[] = [];
    for (let i = 0; i < state.order.length; i++) {
      const g = state.order.at(i);
      const size = state.size.get(g);
      if (size < 0) continue;
      const record = state.first.get(g) - 1;
      findings.push({
        attribute: PRIMARY,
        record,
        sku: state.log.skuOf(record),
        productType: state.log.productTypeOf(record) ?? '',
        ...(size === 1 ? { severity: 'warning' as const } : {}),
        params: { groupId: state.groups.idOf(g), value: displayValue(state.firstValue.get(g)), size },
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
