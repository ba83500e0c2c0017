// variants.attribute_names_differ: the items of a group must vary by the same attributes, or Walmart cannot
// line them up in one selector. The group's usual set (most items; the earliest on a tie) is taken as right.
import type { RuleFinding } from '../../src/core/rule.js';
import { defineFeedRule } from '../../src/core/rule.js';
import type { Groups, MemberRef } from './members.js';
import { GROUP_ID, NAMES, addMember, describeRef, groupIdOf, namesOf, placeOn, refOf } from './members.js';

interface NamesMember extends MemberRef {
  names: string[];
  /** The names as a set: order and case do not matter. */
  key: string;
}

function setKey(names: readonly string[]): string {
  return [...new Set(names.map((n) => n.toLowerCase()))].sort().join('|');
}

/** The member that carries the group's usual set of names. */
function reference(members: readonly NamesMember[]): NamesMember | undefined {
  const counts = new Map<string, number>();
  for (const m of members) counts.set(m.key, (counts.get(m.key) ?? 0) + 1);
  let best: NamesMember | undefined;
  for (const m of members) {
    if (best === undefined || (counts.get(m.key) ?? 0) > (counts.get(best.key) ?? 0)) best = m;
  }
  return best;
}

export default defineFeedRule<Groups<NamesMember>>({
  id: 'variants.attribute_names_differ',
  pack: 'variants',
  severity: 'error',
  description: 'All items of a variant group must list the same Variant Attribute Names.',
  needs: [GROUP_ID, NAMES],
  start: () => new Map(),
  visit(groups, record) {
    const groupId = groupIdOf(record);
    const names = namesOf(record);
    // An item without names is variants.names_missing's finding; comparing it here would report it twice.
    if (groupId === undefined || names.length === 0) return;
    addMember(groups, groupId, { ...refOf(record), names, key: setKey(names) });
  },
  finish(groups) {
    const findings: RuleFinding[] = [];
    for (const [groupId, members] of groups) {
      const ref = reference(members);
      if (ref === undefined) continue;
      for (const m of members) {
        if (m.key === ref.key) continue;
        findings.push({
          attribute: NAMES,
          ...placeOn(m),
          params: { groupId, value: m.names, expected: ref.names, refRecord: ref.record, refSku: ref.sku },
        });
      }
    }
    return findings;
  },
  message(finding, titleOf) {
    const { groupId, refRecord, refSku } = finding.params;
    const value = (finding.params.value as string[]).join(', ');
    const expected = (finding.params.expected as string[]).join(', ');
    return `${titleOf(NAMES)} is "${value}", but variant group "${String(groupId)}" uses "${expected}", as on ${describeRef(refRecord, refSku)}.`;
  },
  hint(finding, titleOf) {
    const expected = (finding.params.expected as string[]).join(', ');
    return `Use the same ${titleOf(NAMES)} on every item of the group ("${expected}"), or move this item to its own group.`;
  },
});
