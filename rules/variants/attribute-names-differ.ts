// variants.attribute_names_differ: the items of a group must vary by the same attributes, or Walmart cannot
// line them up in one selector. The group's usual set (most items; the earliest on a tie) is taken as right.
import { defineFeedRule } from '../../src/core/rule.js';
import type { TupleGroup } from '../../src/core/keyed-tuples.js';
import type { TextCodes } from '../text-codes.js';
import { GROUP_ID, NAMES, describeRef } from './members.js';
import { unpackList } from './list-field.js';
import { setKey } from './set-key.js';
import type { GroupReduce, VariantRuleState } from './variant-items.js';
import { NAMES_FIELD, SKU_FIELD, STATE_FIELD, variantRuleHooks } from './variant-items.js';
import { typeOfState } from './item-state.js';

const ID = 'variants.attribute_names_differ';

interface Member {
  m: number;
  names: string[];
  /** The set the names stand for: order and case do not matter. */
  key: string;
}

function lowerCase(name: string): string {
  return name.toLowerCase();
}

function membersOf(group: TupleGroup, withNames: readonly number[], codes: TextCodes): Member[] {
  return withNames.map((m) => {
    const names = unpackList(codes.unpack(group.field(m, NAMES_FIELD)));
    return { m, names, key: setKey(names.map(lowerCase), '|') };
  });
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

/**
 * The items of a group whose set of names is not the group's usual one. An item without names is not compared: it is
 * variants.names_missing's finding.
 */
const reduce: GroupReduce = (group, visited, items, findings) => {
  // Usually every item has names: the list as it came, no copy.
  let withNames = visited;
  for (const m of visited) {
    if (group.field(m, NAMES_FIELD) !== undefined) continue;
    withNames = visited.filter((n) => group.field(n, NAMES_FIELD) !== undefined);
    break;
  }
  if (withNames.length < 2) return;
  const first = withNames[0] as number;
  // The usual group: every item lists the first one's names exactly, so nothing needs decoding.
  if (withNames.every((m) => group.sameField(first, m, NAMES_FIELD))) return;
  const members = membersOf(group, withNames, items.codes);
  const firstKey = (members[0] as Member).key;
  if (members.every((m) => m.key === firstKey)) return;
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
      productType: items.codes.unpack(typeOfState(group.field(m.m, STATE_FIELD))),
      params: { groupId: group.key, value: m.names, expected: ref.names, refRecord, refSku },
    });
  }
};

export default defineFeedRule<VariantRuleState>({
  id: ID,
  pack: 'variants',
  severity: 'error',
  description: 'All items of a variant group must list the same Variant Attribute Names.',
  needs: [GROUP_ID, NAMES],
  ...variantRuleHooks(ID, reduce),
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
