// variants.attribute_names_differ: the items of a group must vary by the same attributes, or Walmart cannot
// line them up in one selector. The group's usual set (most items; the earliest on a tie) is taken as right.
import type { RuleFinding } from '../../src/core/rule.js';
import { defineFeedRule } from '../../src/core/rule.js';
import type { MemberRef } from './members.js';
import { GROUP_ID, GroupTable, NAMES, describeRef, groupIdOf, lowerNamesOf, namesOf, placeOn } from './members.js';
import { setKey } from './set-key.js';

interface NamesMember extends MemberRef {
  names: readonly string[];
  /** The names as a set: order and case do not matter. */
  key: string;
  /** The group's next member (see NamesGroup). */
  next: NamesMember | undefined;
}

/**
 * A group's members, chained first to last: every member is kept to the end of the feed, and for the usual group of a
 * few items a chain is smaller than an array, which reserves room for 16 more on its first push.
 */
interface NamesGroup {
  first: NamesMember;
  last: NamesMember;
  /** Whether every member so far has the first member's set; then there is nothing to report. */
  same: boolean;
}

function membersOf(group: NamesGroup): NamesMember[] {
  const members: NamesMember[] = [];
  for (let m: NamesMember | undefined = group.first; m !== undefined; m = m.next) members.push(m);
  return members;
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
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

export default defineFeedRule<GroupTable<NamesGroup>>({
  id: 'variants.attribute_names_differ',
  pack: 'variants',
  severity: 'error',
  description: 'All items of a variant group must list the same Variant Attribute Names.',
  needs: [GROUP_ID, NAMES],
  start: () => new GroupTable(),
  visit(groups, record) {
    const groupId = groupIdOf(record);
    if (groupId === undefined) return;
    const names = namesOf(record);
    // An item without names is variants.names_missing's finding; comparing it here would report it twice.
    if (names.length === 0) return;
    // Every member is kept, since any of them may be reported once a later one changes the group's usual set.
    const group = groups.get(groupId);
    const first = group?.first;
    // Members nearly always repeat the first one's names: then they share its copies and its key.
    const repeat = first !== undefined && sameNames(names, first.names);
    const member: NamesMember = {
      record: record.index,
      sku: record.sku,
      productType: record.productType,
      names: repeat ? first.names : names,
      key: repeat ? first.key : setKey(lowerNamesOf(record), '|'),
      next: undefined,
    };
    if (group === undefined) {
      groups.set(groupId, { first: member, last: member, same: true });
      return;
    }
    if (member.key !== group.first.key) group.same = false;
    group.last.next = member;
    group.last = member;
  },
  finish(groups) {
    const findings: RuleFinding[] = [];
    for (const [groupId, group] of groups.byId) {
      if (group.same) continue;
      const members = membersOf(group);
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
  message(finding, titleOf, placeOf) {
    const { groupId, refRecord, refSku } = finding.params;
    const value = (finding.params.value as string[]).join(', ');
    const expected = (finding.params.expected as string[]).join(', ');
    return `${titleOf(NAMES)} is "${value}", but variant group "${String(groupId)}" uses "${expected}", as on ${describeRef(refRecord, refSku, placeOf)}.`;
  },
  hint(finding, titleOf) {
    const expected = (finding.params.expected as string[]).join(', ');
    return `Use the same ${titleOf(NAMES)} on every item of the group ("${expected}"), or move this item to its own group.`;
  },
});
