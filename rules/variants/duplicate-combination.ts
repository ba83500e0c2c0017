// variants.duplicate_combination: two items of a group with the same values for every variant attribute are
// indistinguishable in the selector; Walmart keeps one, so the later ones are flagged against the earliest.
import type { RecordView, RuleFinding } from '../../src/core/rule.js';
import { defineFeedRule } from '../../src/core/rule.js';
import type { RecordLog } from '../record-log.js';
import { recordLogOf } from '../record-log.js';
import { IntColumn, IntList } from './columns.js';
import type { GroupIndex } from './group-index.js';
import { groupIndexOf } from './group-index.js';
import { GROUP_ID, NAMES, describeRef, groupIdOf, lowerNamesOf, namesOf, placeOn, refOf } from './members.js';
import { setKey } from './set-key.js';
import { displayValue, variantValuesOf } from './values.js';

// A group with more combinations than this gets a Map to find them; below it, walking the chain is cheaper.
const INDEX_FROM = 8;

/**
 * Each group's combinations, kept to the end of the feed: a combination is a number (its key, interned: a feed has
 * few distinct combinations of variant values), and a group's earliest item with each is a member in typed arrays,
 * chained group by group.
 */
interface ComboGroups {
  groups: GroupIndex;
  log: RecordLog;
  /** Combination key -> its number. */
  combos: Map<string, number>;
  /** By member number: its record, its combination and the next member of its group (+ 1; 0 ends the chain). */
  memberRecord: IntColumn;
  memberCombo: IntColumn;
  memberNext: IntColumn;
  members: number;
  /** By group number: its first member + 1 (0: not seen yet), its last member, its number of combinations. */
  head: IntColumn;
  tail: IntColumn;
  size: IntColumn;
  /** By group number, once a group has INDEX_FROM combinations: combination -> its member. */
  index: Map<number, Map<number, number>>;
  /** By group number, a group's findings, made when a repeat arrives: only then are its values worth showing. */
  findings: Map<number, RuleFinding[]>;
  /** Group numbers in the order this rule first saw them, as the findings are listed. */
  order: IntList;
}

function comboNumber(state: ComboGroups, key: string): number {
  let n = state.combos.get(key);
  if (n === undefined) {
    n = state.combos.size;
    state.combos.set(key, n);
  }
  return n;
}

/** The member of the group with this combination, or -1. */
function memberWith(state: ComboGroups, g: number, combo: number): number {
  const index = state.index.get(g);
  if (index !== undefined) return index.get(combo) ?? -1;
  for (let m = state.head.get(g); m !== 0; m = state.memberNext.get(m - 1)) if (state.memberCombo.get(m - 1) === combo) return m - 1;
  return -1;
}

function addMember(state: ComboGroups, g: number, record: RecordView, combo: number): void {
  const m = state.members++;
  state.memberRecord.set(m, record.index);
  state.memberCombo.set(m, combo);
  state.log.note(record);
  if (state.head.get(g) === 0) {
    state.head.set(g, m + 1);
    state.order.push(g);
  } else state.memberNext.set(state.tail.get(g), m + 1);
  state.tail.set(g, m);
  const size = state.size.get(g) + 1;
  state.size.set(g, size);
  const index = state.index.get(g);
  if (index !== undefined) index.set(combo, m);
  else if (size === INDEX_FROM) {
    const made = new Map<number, number>();
    for (let n = state.head.get(g); n !== 0; n = state.memberNext.get(n - 1)) made.set(state.memberCombo.get(n - 1), n - 1);
    state.index.set(g, made);
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

function repeatFinding(record: RecordView, groupId: string, names: readonly string[], earlierRecord: number, earlierSku: string | undefined): RuleFinding {
  return {
    // The finding sits on the first variant attribute: its cell is where the merchandiser will change a value.
    attribute: names[0] ?? NAMES,
    ...placeOn(refOf(record)),
    params: { groupId, names, values: names.map((n) => displayValue(record.get(n))), earlierRecord, earlierSku },
  };
}

export default defineFeedRule<ComboGroups>({
  id: 'variants.duplicate_combination',
  pack: 'variants',
  severity: 'error',
  description: 'No two items of a variant group may have the same values for all variant attributes.',
  needs: [GROUP_ID, NAMES],
  start: (feed) => ({
    groups: groupIndexOf(feed),
    log: recordLogOf(feed),
    combos: new Map(),
    memberRecord: new IntColumn(),
    memberCombo: new IntColumn(),
    memberNext: new IntColumn(),
    members: 0,
    head: new IntColumn(),
    tail: new IntColumn(),
    size: new IntColumn(),
    index: new Map(),
    findings: new Map(),
    order: new IntList(),
  }),
  visit(state, record) {
    const groupId = groupIdOf(record);
    if (groupId === undefined) return;
    const names = namesOf(record);
    if (names.length === 0) return;
    const key = combinationKey(lowerNamesOf(record), variantValuesOf(record));
    if (key === undefined) return;
    const g = state.groups.numberOf(groupId);
    const combo = comboNumber(state, key);
    const earlier = state.head.get(g) === 0 ? -1 : memberWith(state, g, combo);
    if (earlier < 0) {
      addMember(state, g, record, combo);
      return;
    }
    const earlierRecord = state.memberRecord.get(earlier);
    let findings = state.findings.get(g);
    if (findings === undefined) state.findings.set(g, (findings = []));
    findings.push(repeatFinding(record, groupId, names, earlierRecord, state.log.skuOf(earlierRecord)));
  },
  finish(state) {
    // Group by group, in the order the groups first appeared, as the findings were always listed.
    const findings: RuleFinding[] = [];
    for (let i = 0; i < state.order.length; i++) for (const f of state.findings.get(state.order.at(i)) ?? []) findings.push(f);
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
