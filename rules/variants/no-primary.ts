// variants.no_primary: Walmart shows a group through its primary item, so each group needs one marked "Yes".
// A lone item is still told, more softly, since it is a group of one and may simply not be a variant yet.
import { defineFeedRule } from '../../src/core/rule.js';
import { GROUP_ID, PRIMARY } from './members.js';
import type { GroupReduce, VariantRuleState } from './variant-items.js';
import { SKU_FIELD, STATE_FIELD, variantRuleHooks } from './variant-items.js';
import { answerOfState, isPrimaryState, typeOfState } from './item-state.js';

const ID = 'variants.no_primary';

/** A group none of whose items is primary: a finding on its first item, with its answer. */
const reduce: GroupReduce = (group, members, items, findings) => {
  for (const m of members) if (isPrimaryState(group.field(m, STATE_FIELD))) return;
  const first = members[0] as number;
  const size = members.length;
  const state = group.field(first, STATE_FIELD);
  findings.push({
    attribute: PRIMARY,
    record: group.record(first),
    sku: group.text(first, SKU_FIELD),
    productType: items.codes.unpack(typeOfState(state)),
    ...(size === 1 ? { severity: 'warning' as const } : {}),
    params: { groupId: group.key, value: answerOfState(state), size },
  });
};

export default defineFeedRule<VariantRuleState>({
  id: ID,
  pack: 'variants',
  severity: 'error',
  description: 'Each variant group needs one item with Is Primary Variant "Yes".',
  needs: [GROUP_ID, PRIMARY],
  ...variantRuleHooks(ID, reduce),
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
