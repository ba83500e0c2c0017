// variants.two_primaries: a group can be shown through one primary item only; every extra "Yes" is flagged
// and points back at the first, which is the one kept unless the merchandiser decides otherwise.
import { defineFeedRule } from '../../src/core/rule.js';
import { GROUP_ID, PRIMARY, describeRef } from './members.js';
import type { GroupReduce, VariantRuleState } from './variant-items.js';
import { SKU_FIELD, STATE_FIELD, variantRuleHooks } from './variant-items.js';
import { answerOfState, isPrimaryState, typeOfState } from './item-state.js';

const ID = 'variants.two_primaries';

/** Every primary item after a group's first, pointing back at it. */
const reduce: GroupReduce = (group, members, items, findings) => {
  let first = -1;
  for (const m of members) {
    const state = group.field(m, STATE_FIELD);
    if (!isPrimaryState(state)) continue;
    if (first < 0) {
      first = m;
      continue;
    }
    findings.push({
      attribute: PRIMARY,
      record: group.record(m),
      sku: group.text(m, SKU_FIELD),
      productType: items.codes.unpack(typeOfState(state)),
      params: { groupId: group.key, value: answerOfState(state), firstRecord: group.record(first), firstSku: group.text(first, SKU_FIELD) },
    });
  }
};

export default defineFeedRule<VariantRuleState>({
  id: ID,
  pack: 'variants',
  severity: 'error',
  description: 'A variant group may have only one item with Is Primary Variant "Yes".',
  needs: [GROUP_ID, PRIMARY],
  ...variantRuleHooks(ID, reduce),
  message(finding, titleOf, placeOf) {
    const { groupId, value, firstRecord, firstSku } = finding.params;
    return `${titleOf(PRIMARY)} is "${String(value)}" here, but ${describeRef(firstRecord, firstSku, placeOf)} is already the primary item of variant group "${String(groupId)}".`;
  },
  hint(_finding, titleOf) {
    return `Keep ${titleOf(PRIMARY)} "Yes" on one item of the group and set it to "No" on the others.`;
  },
});
