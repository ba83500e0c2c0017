// variants.attribute_names_differ: the items of a group must vary by the same attributes, or Walmart cannot
// line them up in one selector. The group's usual set (most items; the earliest on a tie) is taken as right.
import type { RecordView, RuleFinding } from '../../src/core/rule.js';
import { defineFeedRule } from '../../src/core/rule.js';
import type { RecordLog } from '../record-log.js';
import { recordLogOf } from '../record-log.js';
import { IntColumn, IntList } from './columns.js';
import type { GroupIndex } from './group-index.js';
import { groupIndexOf } from './group-index.js';
import { GROUP_ID, NAMES, describeRef, groupIdOf, lowerNamesOf, namesOf } from './members.js';
import { setKey } from './set-key.js';

/** One list of names as given (a feed has few), and the set it stands for: order and case do not matter. */
interface NamesKind {
  names: readonly string[];
  key: string;
}

/**
 * Every member of every group is kept to the end of the feed, since any of them may be reported once later members
 * change the group's usual set: as a record number in typed arrays, chained group by group (8 bytes a member). A
 * member's names are its group's first member's, the usual case, unless `otherKinds` says otherwise.
 */
interface NamesGroups {
  groups: GroupIndex;
  log: RecordLog;
  kinds: NamesKind[];
  /** Kind number by the names as JSON. */
  kindNumbers: Map<string, number>;
  lastKind: number;
  /** By member number: its record, and the next member of its group (+ 1; 0 ends the chain). */
  memberRecord: IntColumn;
  memberNext: IntColumn;
  members: number;
  /** By group number: its first member + 1 (0: not seen yet), its last member, and its first member's kind + 1. */
  head: IntColumn;
  tail: IntColumn;
  firstKind: IntColumn;
  /** By member number, the kind of every member whose names are not its group's first member's (rare). */
  otherKinds: Map<number, number>;
  /** Groups with a member whose set differs from the first member's: only they can have findings. */
  differ: Set<number>;
  /** Group numbers in the order this rule first saw them, as the findings are listed. */
  order: IntList;
}

interface Member {
  record: number;
  kind: NamesKind;
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The number of the record's list of names; members nearly always repeat the last one's. */
function kindOf(state: NamesGroups, record: RecordView, names: readonly string[]): number {
  const last = state.kinds[state.lastKind];
  if (last !== undefined && sameNames(names, last.names)) return state.lastKind;
  const json = JSON.stringify(names);
  let kind = state.kindNumbers.get(json);
  if (kind === undefined) {
    kind = state.kinds.length;
    // namesOf's list is read-only and never changed, so the kind can keep it.
    state.kinds.push({ names, key: setKey(lowerNamesOf(record), '|') });
    state.kindNumbers.set(json, kind);
  }
  state.lastKind = kind;
  return kind;
}

function membersOf(state: NamesGroups, g: number): Member[] {
  const members: Member[] = [];
  const first = state.firstKind.get(g) - 1;
  for (let m = state.head.get(g); m !== 0; m = state.memberNext.get(m - 1)) {
    members.push({ record: state.memberRecord.get(m - 1), kind: state.kinds[state.otherKinds.get(m - 1) ?? first] as NamesKind });
  }
  return members;
}

/** The member that carries the group's usual set of names (most members; the earliest on a tie). */
function reference(members: readonly Member[]): Member | undefined {
  const counts = new Map<string, number>();
  for (const m of members) counts.set(m.kind.key, (counts.get(m.kind.key) ?? 0) + 1);
  let best: Member | undefined;
  for (const m of members) {
    if (best === undefined || (counts.get(m.kind.key) ?? 0) > (counts.get(best.kind.key) ?? 0)) best = m;
  }
  return best;
}

export default defineFeedRule<NamesGroups>({
  id: 'variants.attribute_names_differ',
  pack: 'variants',
  severity: 'error',
  description: 'All items of a variant group must list the same Variant Attribute Names.',
  needs: [GROUP_ID, NAMES],
  start: (feed) => ({
    groups: groupIndexOf(feed),
    log: recordLogOf(feed),
    kinds: [],
    kindNumbers: new Map(),
    lastKind: -1,
    memberRecord: new IntColumn(),
    memberNext: new IntColumn(),
    members: 0,
    head: new IntColumn(),
    tail: new IntColumn(),
    firstKind: new IntColumn(),
    otherKinds: new Map(),
    differ: new Set(),
    order: new IntList(),
  }),
  visit(state, record) {
    const groupId = groupIdOf(record);
    if (groupId === undefined) return;
    const names = namesOf(record);
    // An item without names is variants.names_missing's finding; comparing it here would report it twice.
    if (names.length === 0) return;
    const g = state.groups.numberOf(groupId);
    const kind = kindOf(state, record, names);
    const m = state.members++;
    state.memberRecord.set(m, record.index);
    state.log.note(record);
    if (state.head.get(g) === 0) {
      state.head.set(g, m + 1);
      state.firstKind.set(g, kind + 1);
      state.order.push(g);
    } else {
      state.memberNext.set(state.tail.get(g), m + 1);
      const first = state.firstKind.get(g) - 1;
      if (kind !== first) {
        state.otherKinds.set(m, kind);
        if ((state.kinds[kind] as NamesKind).key !== (state.kinds[first] as NamesKind).key) state.differ.add(g);
      }
    }
    state.tail.set(g, m);
  },
  finish(state) {
    const findings: RuleFinding[] = [];
    for (let i = 0; i < state.order.length; i++) {
      const g = state.order.at(i);
      // A group whose members all have the first one's set has nothing to report.
      if (!state.differ.has(g)) continue;
      const members = membersOf(state, g);
      const ref = reference(members);
      if (ref === undefined) continue;
      const groupId = state.groups.idOf(g);
      const refSku = state.log.skuOf(ref.record);
      for (const m of members) {
        if (m.kind.key === ref.kind.key) continue;
        findings.push({
          attribute: NAMES,
          record: m.record,
          sku: state.log.skuOf(m.record),
          productType: state.log.productTypeOf(m.record) ?? '',
          params: { groupId, value: m.kind.names, expected: ref.kind.names, refRecord: ref.record, refSku },
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
