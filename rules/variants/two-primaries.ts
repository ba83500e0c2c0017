// variants.two_primaries: a group can be shown through one primary item only; every extra "Yes" is flagged
// and points back at the first, which is the one kept unless the merchandiser decides otherwise.
import type { RuleFinding } from '../../src/core/rule.js';
import { byRecord, defineFeedRule, tuplesOf } from '../../src/core/rule.js';
import type { KeyedTuples } from '../../src/core/keyed-tuples.js';
import { TextCodes } from '../text-codes.js';
import { GROUP_ID, PRIMARY, describeRef, groupIdOf, isPrimary } from './members.js';
import { primaryAnswerOf } from './primaries.js';
import { displayValue } from './values.js';

/** Each primary item, keyed by Variant Group ID: its SKU, product type and answer as given. */
interface PrimaryGroups {
  tuples: KeyedTuples;
  /** Product types (and lists of names) as numbers. */
  codes: TextCodes;
}

const SKU_FIELD = 0;
const TYPE_FIELD = 1;
const VALUE_FIELD = 2;

export default defineFeedRule<PrimaryGroups>({
  id: 'variants.two_primaries',
  pack: 'variants',
  severity: 'error',
  description: 'A variant group may have only one item with Is Primary Variant "Yes".',
  needs: [GROUP_ID, PRIMARY],
  start: (feed) => ({ tuples: tuplesOf(feed), codes: new TextCodes() }),
  visit(state, record) {
    const groupId = groupIdOf(record);
    if (groupId === undefined) return;
    const value = primaryAnswerOf(record);
    if (!isPrimary(value)) return;
    state.tuples.append(groupId, record.index, [record.sku, state.codes.pack(record.productType), displayValue(value)]);
  },
  finish(state) {
    const findings: RuleFinding[] = [];
    state.tuples.forEachGroup((group) => {
      if (group.size < 2) return;
      const firstRecord = group.record(0);
      const firstSku = group.text(0, SKU_FIELD);
      for (let m = 1; m < group.size; m++) {
        findings.push({
          attribute: PRIMARY,
          record: group.record(m),
          sku: group.text(m, SKU_FIELD),
          productType: state.codes.unpack(group.field(m, TYPE_FIELD)),
          params: { groupId: group.key, value: group.text(m, VALUE_FIELD) ?? '', firstRecord, firstSku },
        });
      }
    });
    return byRecord(findings);
  },
  message(finding, titleOf, placeOf) {
    const { groupId, value, firstRecord, firstSku } = finding.params;
    return `${titleOf(PRIMARY)} is "${String(value)}" here, but ${describeRef(firstRecord, firstSku, placeOf)} is already the primary item of variant group "${String(groupId)}".`;
  },
  hint(_finding, titleOf) {
    return `Keep ${titleOf(PRIMARY)} "Yes" on one item of the group and set it to "No" on the others.`;
  },
});
