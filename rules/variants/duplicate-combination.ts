// variants.duplicate_combination: two items of a group with the same values for every variant attribute are
// indistinguishable in the selector; Walmart keeps one, so the later ones are flagged against the earliest.
import type { RuleFinding } from '../../src/core/rule.js';
import { byRecord, defineFeedRule, tuplesOf } from '../../src/core/rule.js';
import type { KeyedTuples } from '../../src/core/keyed-tuples.js';
import { TextCodes } from '../text-codes.js';
import { GROUP_ID, NAMES, describeRef, groupIdOf, lowerNamesOf, namesOf } from './members.js';
import { packList, unpackList } from './list-field.js';
import { setKey } from './set-key.js';
import { displayValue, variantValuesOf } from './values.js';

/**
 * Each item with a value for every variant attribute, keyed by Variant Group ID: its SKU, product type, combination
 * key, and its names and values as given (packList), for the message when it repeats an earlier item.
 */
interface ComboGroups {
  tuples: KeyedTuples;
  /** Product types (and lists of names) as numbers. */
  codes: TextCodes;
}

const SKU_FIELD = 0;
const TYPE_FIELD = 1;
const COMBO_FIELD = 2;
const NAMES_FIELD = 3;
const VALUES_FIELD = 4;

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

export default defineFeedRule<ComboGroups>({
  id: 'variants.duplicate_combination',
  pack: 'variants',
  severity: 'error',
  description: 'No two items of a variant group may have the same values for all variant attributes.',
  needs: [GROUP_ID, NAMES],
  start: (feed) => ({ tuples: tuplesOf(feed), codes: new TextCodes() }),
  visit(state, record) {
    const groupId = groupIdOf(record);
    if (groupId === undefined) return;
    const names = namesOf(record);
    if (names.length === 0) return;
    const key = combinationKey(lowerNamesOf(record), variantValuesOf(record));
    if (key === undefined) return;
    const values = names.map((n) => displayValue(record.get(n)));
    state.tuples.append(groupId, record.index, [record.sku, state.codes.pack(record.productType), key, state.codes.pack(packList(names)), packList(values)]);
  },
  finish(state) {
    const findings: RuleFinding[] = [];
    state.tuples.forEachGroup((group) => {
      if (group.size < 2) return;
      // The earliest item with each combination.
      const earliest = new Map<string, number>();
      for (let m = 0; m < group.size; m++) {
        const combo = group.text(m, COMBO_FIELD) ?? '';
        const earlier = earliest.get(combo);
        if (earlier === undefined) {
          earliest.set(combo, m);
          continue;
        }
        const names = unpackList(state.codes.unpack(group.field(m, NAMES_FIELD)));
        findings.push({
          // The finding sits on the first variant attribute: its cell is where the merchandiser will change a value.
          attribute: names[0] ?? NAMES,
          record: group.record(m),
          sku: group.text(m, SKU_FIELD),
          productType: state.codes.unpack(group.field(m, TYPE_FIELD)),
          params: { groupId: group.key, names, values: unpackList(group.text(m, VALUES_FIELD)), earlierRecord: group.record(earlier), earlierSku: group.text(earlier, SKU_FIELD) },
        });
      }
    });
    return byRecord(findings);
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
