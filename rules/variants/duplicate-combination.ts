// variants.duplicate_combination: two items of a group with the same values for every variant attribute are
// indistinguishable in the selector; Walmart keeps one, so the later ones are flagged against the earliest.
import { defineFeedRule } from '../../src/core/rule.js';
import { NAMES, describeRef, GROUP_ID } from './members.js';
import { unpackList } from './list-field.js';
import type { GroupReduce, VariantRuleState } from './variant-items.js';
import { COMBO_FIELD, NAMES_FIELD, SKU_FIELD, TYPE_FIELD, valuesOf, variantRuleHooks } from './variant-items.js';

const ID = 'variants.duplicate_combination';

/** Every item that repeats the combination of an earlier item of its group, pointing back at the earliest. */
const reduce: GroupReduce = (group, visited, items, findings) => {
  if (visited.length < 2) return;
  const earliest = new Map<string, number>();
  for (const m of visited) {
    // Items without names or with a blank value have no combination (see combinationKey).
    const combo = group.text(m, COMBO_FIELD);
    if (combo === undefined) continue;
    const earlier = earliest.get(combo);
    if (earlier === undefined) {
      earliest.set(combo, m);
      continue;
    }
    const names = unpackList(items.codes.unpack(group.field(m, NAMES_FIELD)));
    findings.push({
      // The finding sits on the first variant attribute: its cell is where the merchandiser will change a value.
      attribute: names[0] ?? NAMES,
      record: group.record(m),
      sku: group.text(m, SKU_FIELD),
      productType: items.codes.unpack(group.field(m, TYPE_FIELD)),
      params: { groupId: group.key, names, values: valuesOf(group, m, names.length), earlierRecord: group.record(earlier), earlierSku: group.text(earlier, SKU_FIELD) },
    });
  }
};

export default defineFeedRule<VariantRuleState>({
  id: ID,
  pack: 'variants',
  severity: 'error',
  description: 'No two items of a variant group may have the same values for all variant attributes.',
  needs: [GROUP_ID, NAMES],
  ...variantRuleHooks(ID, reduce),
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
