// variants.duplicate_combination: two items of a group with the same values for every variant attribute are
// indistinguishable in the selector; Walmart keeps one, so the later ones are flagged against the earliest.
import type { RecordView, RuleFinding } from '../../src/core/rule.js';
import { defineFeedRule } from '../../src/core/rule.js';
import { GROUP_ID, GroupTable, NAMES, describeRef, groupIdOf, lowerNamesOf, namesOf, placeOn, refOf } from './members.js';
import { setKey } from './set-key.js';
import { displayValue, variantValuesOf } from './values.js';

/** The earliest item with a combination: all a later repeat's finding needs of it. */
interface Earliest {
  record: number;
  sku: string | undefined;
}

interface ComboGroup {
  /** Combination key -> the earliest item with it. */
  first: Map<string, Earliest>;
  /** This group's findings, made when a repeat arrives: only then are its values worth showing. */
  findings: RuleFinding[] | undefined;
}

/** Names and normalised values together, so items varying by different attributes never match; undefined when a value is blank. */
function combinationKey(lowerNames: readonly string[], values: ReadonlyArray<string | undefined>): string | undefined {
  const pairs: string[] = [];
  for (let i = 0; i < lowerNames.length; i++) {
    const value = values[i];
    // A missing value is variants.missing_attribute_value's finding, and blanks would match each other.
    if (value === undefined) return undefined;
    // Joined rather than concatenated, so the key kept for the group is flat (see set-key.ts).
    pairs.push([lowerNames[i] as string, value].join('='));
  }
  return setKey(pairs, '\u0000');
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
    let group = groups.get(groupId);
    if (group === undefined) {
      group = { first: new Map(), findings: undefined };
      groups.set(groupId, group);
    }
    const earlier = group.first.get(key);
    if (earlier === undefined) group.first.set(key, { record: record.index, sku: record.sku });
    else (group.findings ??= []).push(repeatFinding(record, groupId, names, earlier));
  },
  finish(groups) {
    // Group by group, in the order the groups first appeared, as the findings were always listed.
    const findings: RuleFinding[] = [];
    for (const group of groups.byId.values()) for (const f of group.findings ?? []) findings.push(f);
    return findings;
  },
  message(finding, titleOf) {
    const { groupId, earlierRecord, earlierSku } = finding.params;
    const names = finding.params.names as string[];
    const values = finding.params.values as string[];
    const combo = names.map((n, i) => `${titleOf(n)} "${values[i] ?? ''}"`).join(', ');
    return `${combo} repeats the combination of ${describeRef(earlierRecord, earlierSku)} in variant group "${String(groupId)}".`;
  },
  hint() {
    return 'Each item of a variant group must differ in at least one variant attribute: correct the values, or remove the duplicate item.';
  },
});
