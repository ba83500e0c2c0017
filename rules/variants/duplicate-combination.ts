// variants.duplicate_combination: two items of a group with the same values for every variant attribute are
// indistinguishable in the selector; Walmart keeps one, so the later ones are flagged against the earliest.
import type { RecordView, RuleFinding } from '../../src/core/rule.js';
import { defineFeedRule } from '../../src/core/rule.js';
import { GROUP_ID, GroupTable, NAMES, describeRef, groupIdOf, lowerNamesOf, namesOf, placeOn, refOf } from './members.js';
import { setKey } from './set-key.js';
import { displayValue, variantValuesOf } from './values.js';

/** The earliest item with a combination: all a later repeat's finding needs of it. */
interface Earliest {
  key: string;
  record: number;
  sku: string | undefined;
  /** The group's next combination (see ComboGroup). */
  next: Earliest | undefined;
}

// A group with more combinations than this gets a Map to find them; below it, walking the chain is cheaper.
const INDEX_FROM = 8;

/**
 * A group's combinations, chained first to last: each is kept to the end of the feed, and for the usual group of a
 * few items a chain is smaller than a Map or an array, which reserve room for many more.
 */
interface ComboGroup {
  first: Earliest;
  last: Earliest;
  size: number;
  /** Combination key -> its earliest item, once the group has INDEX_FROM combinations. */
  index: Map<string, Earliest> | undefined;
  /** This group's findings, made when a repeat arrives: only then are its values worth showing. */
  findings: RuleFinding[] | undefined;
}

function earliestWith(group: ComboGroup, key: string): Earliest | undefined {
  if (group.index !== undefined) return group.index.get(key);
  for (let e: Earliest | undefined = group.first; e !== undefined; e = e.next) if (e.key === key) return e;
  return undefined;
}

function addCombination(group: ComboGroup, earliest: Earliest): void {
  group.last.next = earliest;
  group.last = earliest;
  group.size++;
  if (group.index !== undefined) group.index.set(earliest.key, earliest);
  else if (group.size === INDEX_FROM) {
    group.index = new Map();
    for (let e: Earliest | undefined = group.first; e !== undefined; e = e.next) group.index.set(e.key, e);
  }
}

/**
 * Names and normalised values together, so items varying by different attributes never match; undefined when a value
 * is blank. The key is the set of "name=value" pairs, sorted and joined (see set-key.ts); for the usual one or two
 * names it is built in one join, without making the pairs first.
 */
function combinationKey(lowerNames: readonly string[], values: ReadonlyArray<string | undefined>): string | undefined {
  // A missing value is variants.missing_attribute_value's finding, and blanks would match each other.
  for (const value of values) if (value === undefined) return undefined;
  if (lowerNames.length === 1) return [lowerNames[0] as string, values[0] as string].join('=');
  if (lowerNames.length === 2) {
    const l1 = lowerNames[0] as string;
    const v1 = values[0] as string;
    const l2 = lowerNames[1] as string;
    const v2 = values[1] as string;
    const order = pairOrder(l1, v1, l2, v2);
    if (order === 0) return [l1, v1].join('=');
    return (order < 0 ? [l1, '=', v1, '\u0000', l2, '=', v2] : [l2, '=', v2, '\u0000', l1, '=', v1]).join('');
  }
  return setKey(
    lowerNames.map((name, i) => [name, values[i] as string].join('=')),
    '\u0000',
  );
}

/** How "l1=v1" sorts against "l2=v2" (negative, 0, positive), mostly without building them. */
function pairOrder(l1: string, v1: string, l2: string, v2: string): number {
  if (l1 === l2) return v1 === v2 ? 0 : v1 < v2 ? -1 : 1;
  // Names that differ before either ends sort as the pairs do; when one name starts the other, "=" meets a
  // character of the longer name, so the pairs themselves are compared.
  if (!l1.startsWith(l2) && !l2.startsWith(l1)) return l1 < l2 ? -1 : 1;
  const p1 = `${l1}=${v1}`;
  const p2 = `${l2}=${v2}`;
  return p1 === p2 ? 0 : p1 < p2 ? -1 : 1;
}

function repeatFinding(record: RecordView, groupId: string, names: readonly string[], earlier: Earliest): RuleFinding {
  return {
    // The finding sits on the first variant attribute: its cell is where the merchandiser will change a value.
    attribute: names[0] ?? NAMES,
    ...placeOn(refOf(record)),
    params: { groupId, names, values: names.map((n) => displayValue(record.get(n))), earlierRecord: earlier.record, earlierSku: earlier.sku },
  };
}

export default defineFeedRule<GroupTable<ComboGroup>>({
  id: 'variants.duplicate_combination',
  pack: 'variants',
  severity: 'error',
  description: 'No two items of a variant group may have the same values for all variant attributes.',
  needs: [GROUP_ID, NAMES],
  start: () => new GroupTable(),
  visit(groups, record) {
    const groupId = groupIdOf(record);
    if (groupId === undefined) return;
    const names = namesOf(record);
    if (names.length === 0) return;
    const key = combinationKey(lowerNamesOf(record), variantValuesOf(record));
    if (key === undefined) return;
    const group = groups.get(groupId);
    if (group === undefined) {
      const earliest: Earliest = { key, record: record.index, sku: record.sku, next: undefined };
      groups.set(groupId, { first: earliest, last: earliest, size: 1, index: undefined, findings: undefined });
      return;
    }
    const earlier = earliestWith(group, key);
    if (earlier === undefined) addCombination(group, { key, record: record.index, sku: record.sku, next: undefined });
    else (group.findings ??= []).push(repeatFinding(record, groupId, names, earlier));
  },
  finish(groups) {
    // Group by group, in the order the groups first appeared, as the findings were always listed.
    const findings: RuleFinding[] = [];
    for (const group of groups.byId.values()) for (const f of group.findings ?? []) findings.push(f);
    return findings;
  },
  message(finding, titleOf, placeOf) {
    const { groupId, earlierRecord, earlierSku } = finding.params;
    const names = finding.params.names as string[];
    const values = finding.params.values as string[];
    const combo = names.map((n, i) => `${titleOf(n)} "${values[i] ?? ''}"`).join(', ');
    return `${combo} repeats the combination of ${describeRef(earlierRecord, earlierSku, placeOf)} in variant group "${String(groupId)}".`;
  },
  hint() {
    return 'Each item of a variant group must differ in at least one variant attribute: correct the values, or remove the duplicate item.';
  },
});
