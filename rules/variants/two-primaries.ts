// variants.two_primaries: a group can be shown through one primary item only; every extra "Yes" is flagged
// and points back at the first, which is the one kept unless the merchandiser decides otherwise.
import type { RuleFinding } from '../../src/core/rule.js';
import { defineFeedRule } from '../../src/core/rule.js';
import type { RecordLog } from '../record-log.js';
import { recordLogOf } from '../record-log.js';
import { IntList, IntColumn } from './columns.js';
import type { GroupIndex } from './group-index.js';
import { groupIndexOf } from './group-index.js';
import { GROUP_ID, PRIMARY, describeRef, groupIdOf, isPrimary, placeOn, refOf } from './members.js';
import { primaryAnswerOf } from './primaries.js';
import { displayValue } from './values.js';

// A group's state in `first`: not seen yet, seen without a primary so far, or its first primary's record + 2.
const UNSEEN = 0;
const NO_PRIMARY_YET = 1;

interface PrimaryGroups {
  groups: GroupIndex;
  log: RecordLog;
  first: IntColumn;
  /** Group numbers in the order this rule first saw them, as the findings are listed. */
  order: IntList;
  /** The findings on the primaries after a group's first, made as they arrive, by group number. */
  findings: Map<number, RuleFinding[]>;
}

export default defineFeedRule<PrimaryGroups>({
  id: 'variants.two_primaries',
  pack: 'variants',
  severity: 'error',
  description: 'A variant group may have only one item with Is Primary Variant "Yes".',
  needs: [GROUP_ID, PRIMARY],
  start: (feed) => ({ groups: groupIndexOf(feed), log: recordLogOf(feed), first: new IntColumn(), order: new IntList(), findings: new Map() }),
  visit(state, record) {
    const groupId = groupIdOf(record);
    if (groupId === undefined) return;
    const value = primaryAnswerOf(record);
    const g = state.groups.numberOf(groupId);
    const seen = state.first.get(g);
    if (seen === UNSEEN) state.order.push(g);
    if (!isPrimary(value)) {
      if (seen === UNSEEN) state.first.set(g, NO_PRIMARY_YET);
      return;
    }
    if (seen <= NO_PRIMARY_YET) {
      state.first.set(g, record.index + 2);
      state.log.note(record);
      return;
    }
    const firstRecord = seen - 2;
    let findings = state.findings.get(g);
    if (findings === undefined) state.findings.set(g, (findings = []));
    findings.push({
      attribute: PRIMARY,
      ...placeOn(refOf(record)),
      params: { groupId, value: displayValue(value), firstRecord, firstSku: state.log.skuOf(firstRecord) },
    });
  },
  finish(state) {
    const findings: RuleFinding[] = [];
    for (let i = 0; i < state.order.length; i++) {
      for (const f of state.findings.get(state.order.at(i)) ?? []) findings.push(f);
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
