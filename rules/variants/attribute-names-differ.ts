// variants.attribute_names_differ: the items of a group must vary by the same attributes, or Walmart cannot
// line them up in one selector. The group's usual set (most items; the earliest on a tie) is taken as right.
import type { RuleFinding } from '../../src/core/rule.js';
import { byRecord, defineFeedRule, tuplesOf } from '../../src/core/rule.js';
import type { KeyedTuples, TupleGroup } from '../../src/core/keyed-tuples.js';
import { TextCodes } from '../text-codes.js';
import { GROUP_ID, NAMES, describeRef, groupIdOf, namesOf } from './members.js';
import { packList, unpackList } from './list-field.js';
import { setKey } from './set-key.js';

/** Each item with names, keyed by Variant Group ID: its SKU, product type and names as given (packList, coded). */
interface NamesGroups {
  tuples: KeyedTuples;
  /** Product types (and lists of names) as numbers. */
  codes: TextCodes;
}

const SKU_FIELD = 0;
const TYPE_FIELD = 1;
const NAMES_FIELD = 2;

interface Member {
  m: number;
  names: string[];
  /** The set the names stand for: order and case do not matter. */
  key: string;
}

function lowerCase(name: string): string {
  return name.toLowerCase();
}

function membersOf(group: TupleGroup, codes: TextCodes): Member[] {
  const members: Member[] = [];
  for (let m = 0; m < group.size; m++) {
    const names = unpackList(codes.unpack(group.field(m, NAMES_FIELD)));
    members.push({ m, names, key: setKey(names.map(lowerCase), '|') });
  }
  return members;
}

/** The member that carries the group's usual set of names (most members; the earliest on a tie). */
function reference(members: readonly Member[]): Member | undefined {
  const counts = new Map<string, number>();
  for (const m of members) counts.set(m.key, (counts.get(m.key) ?? 0) + 1);
  let best: Member | undefined;
  for (const m of members) {
    if (best === undefined || (counts.get(m.key) ?? 0) > (counts.get(best.key) ?? 0)) best = m;
  }
  return best;
}

/** Whether every member lists the first member's names exactly (the usual group: nothing to decode). */
function allAsFirst(group: TupleGroup): boolean {
  for (let m = 1; m < group.size; m++) if (!group.sameField(0, m, NAMES_FIELD)) return false;
  return true;
}

export default defineFeedRule<NamesGroups>({
  id: 'variants.attribute_names_differ',
  pack: 'variants',
  severity: 'error',
  description: 'All items of a variant group must list the same Variant Attribute Names.',
  needs: [GROUP_ID, NAMES],
  start: (feed) => ({ tuples: tuplesOf(feed), codes: new TextCodes() }),
  visit(state, record) {
    const groupId = groupIdOf(record);
    if (groupId === undefined) return;
    const names = namesOf(record);
    // An item without names is variants.names_missing's finding; comparing it here would report it twice.
    if (names.length === 0) return;
    state.tuples.append(groupId, record.index, [record.sku, state.codes.pack(record.productType), state.codes.pack(packList(names))]);
  },
  finish(state) {
    const findings: RuleFinding[] = [];
    state.tuples.forEachGroup((group) => {
      if (group.size < 2 || allAsFirst(group)) return;
      const members = membersOf(group, state.codes);
      const first = members[0] as Member;
      if (members.every((m) => m.key === first.key)) return;
      const ref = reference(members);
      if (ref === undefined) return;
      const refRecord = group.record(ref.m);
      const refSku = group.text(ref.m, SKU_FIELD);
      for (const m of members) {
        if (m.key === ref.key) continue;
        findings.push({
          attribute: NAMES,
          record: group.record(m.m),
          sku: group.text(m.m, SKU_FIELD),
          productType: state.codes.unpack(group.field(m.m, TYPE_FIELD)),
          params: { groupId: group.key, value: m.names, expected: ref.names, refRecord, refSku },
        });
      }
    });
    return byRecord(findings);
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
