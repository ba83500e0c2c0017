// variants.no_primary: Walmart shows a group through its primary item, so each group needs one marked "Yes".
// A lone item is still told, more softly, since it is a group of one and may simply not be a variant yet.
import type { RuleFinding } from '../../src/core/rule.js';
import { byRecord, defineFeedRule, tuplesOf } from '../../src/core/rule.js';
import type { KeyedTuples } from '../../src/core/keyed-tuples.js';
import { TextCodes } from '../text-codes.js';
import { GROUP_ID, PRIMARY, groupIdOf, isPrimary } from './members.js';
import { primaryAnswerOf } from './primaries.js';
import { displayValue } from './values.js';

/**
 * Each item of a variant group, keyed by Variant Group ID: its SKU, product type, 1 when it is primary, and its answer
 * as given (for the message, when its group has no primary and it is the first item).
 */
interface PrimaryGroups {
  tuples: KeyedTuples;
  /** Product types (and lists of names) as numbers. */
  codes: TextCodes;
}

const SKU_FIELD = 0;
const TYPE_FIELD = 1;
const PRIMARY_FIELD = 2;
const VALUE_FIELD = 3;

export default defineFeedRule<PrimaryGroups>({
  id: 'variants.no_primary',
  pack: 'variants',
  severity: 'error',
  description: 'Each variant group needs one item with Is Primary Variant "Yes".',
  needs: [GROUP_ID, PRIMARY],
  start: (feed) => ({ tuples: tuplesOf(feed), codes: new TextCodes() }),
  visit(state, record) {
    const groupId = groupIdOf(record);
    if (groupId === undefined) return;
    const value = primaryAnswerOf(record);
    const primary = isPrimary(value);
    state.tuples.append(groupId, record.index, [record.sku, state.codes.pack(record.productType), primary ? 1 : 0, primary ? undefined : displayValue(value)]);
  },
  finish(state) {
    const findings: RuleFinding[] = [];
    state.tuples.forEachGroup((group) => {
      for (let m = 0; m < group.size; m++) if (group.field(m, PRIMARY_FIELD) === 1) return;
      const size = group.size;
      findings.push({
        attribute: PRIMARY,
        record: group.record(0),
        sku: group.text(0, SKU_FIELD),
        productType: state.codes.unpack(group.field(0, TYPE_FIELD)),
        ...(size === 1 ? { severity: 'warning' as const } : {}),
        params: { groupId: group.key, value: group.text(0, VALUE_FIELD) ?? '', size },
      });
    });
    return byRecord(findings);
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
