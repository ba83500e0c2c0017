// variants.duplicate_combination: two items of a group with the same values for every variant attribute are
// indistinguishable in the selector; Walmart keeps one, so the later ones are flagged against the earliest.
import { defineFeedRule } from '../../src/core/rule.js';
import type { TupleGroup } from '../../src/core/keyed-tuples.js';
import { NAMES, describeRef, GROUP_ID } from './members.js';
import { unpackList } from './list-field.js';
import { combinationKey } from './combination-key.js';
import { normaliseText } from './values.js';
import type { GroupReduce, VariantItems, VariantRuleState } from './variant-items.js';
import { COMBO_FIELD, NAMES_FIELD, PLAIN_VALUES, SKU_FIELD, STATE_FIELD, VALUES_FIELD, valuesOf, variantRuleHooks } from './variant-items.js';
import { typeOfState } from './item-state.js';

const ID = 'variants.duplicate_combination';

/** Groups up to this many items with plain values are compared item by item; larger ones by key. */
const PAIRWISE = 16;

/** The member's combination key, as combinationKey gives it for the item (see COMBO_FIELD); undefined without one. */
function keyOf(group: TupleGroup, m: number, items: VariantItems): string | undefined {
  const combo = group.field(m, COMBO_FIELD);
  if (combo !== PLAIN_VALUES) return typeof combo === 'string' ? combo : undefined;
  const names = unpackList(items.codes.unpack(group.field(m, NAMES_FIELD)));
  return combinationKey(
    names.map((name) => name.toLowerCase()),
    valuesOf(group, m, names.length).map(normaliseText),
  );
}

function flag(group: TupleGroup, m: number, earlier: number, items: VariantItems, findings: Parameters<GroupReduce>[3]): void {
  const names = unpackList(items.codes.unpack(group.field(m, NAMES_FIELD)));
  findings.push({
    // The finding sits on the first variant attribute: its cell is where the merchandiser will change a value.
    attribute: names[0] ?? NAMES,
    record: group.record(m),
    sku: group.text(m, SKU_FIELD),
    productType: items.codes.unpack(typeOfState(group.field(m, STATE_FIELD))),
    params: { groupId: group.key, names, values: valuesOf(group, m, names.length), earlierRecord: group.record(earlier), earlierSku: group.text(earlier, SKU_FIELD) },
  });
}

/** Every item that repeats the combination of an earlier item of its group, by key: any group. */
function byKey(group: TupleGroup, visited: readonly number[], items: VariantItems, findings: Parameters<GroupReduce>[3]): void {
  const earliest = new Map<string, number>();
  for (const m of visited) {
    // Items without names or with a blank value have no combination (see combinationKey).
    const combo = keyOf(group, m, items);
    if (combo === undefined) continue;
    const earlier = earliest.get(combo);
    if (earlier === undefined) earliest.set(combo, m);
    else flag(group, m, earlier, items, findings);
  }
}

/** The last list of names counted: groups after groups have the same one. */
let lastPacked: string | undefined;
let lastCount = 0;

function namesCount(packed: string): number {
  if (packed !== lastPacked) {
    lastCount = unpackList(packed).length;
    lastPacked = packed;
  }
  return lastCount;
}

/**
 * Whether two plain values (trimmed, non-blank texts) are the same once normalised, without normalising them: most
 * differ in their first letters ("Black", "White"; "M", "L"). Letters and signs of ASCII are compared without case;
 * the first space, control character or character beyond ASCII hands the pair to normaliseText.
 */
export function sameNormalised(a: string, b: string): boolean {
  if (a === b) return true;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let ca = a.charCodeAt(i);
    let cb = b.charCodeAt(i);
    if (ca <= 32 || ca >= 127 || cb <= 32 || cb >= 127) return normaliseText(a) === normaliseText(b);
    if (ca >= 65 && ca <= 90) ca += 32;
    if (cb >= 65 && cb <= 90) cb += 32;
    if (ca !== cb) return false;
  }
  // One is the other with more after it: trimmed, so something that normalising keeps.
  return a.length === b.length;
}

/** The members' values as given while a group is compared, member by member; reused group after group. */
const texts: string[] = [];

/**
 * The usual group: a few items, all with the same names and plain values (see plainNames). Two items have the same
 * key exactly when their normalised values are the same one by one, so the values are compared in place. Returns
 * false, having flagged nothing, for any other group.
 */
function byValues(group: TupleGroup, visited: readonly number[], items: VariantItems, findings: Parameters<GroupReduce>[3]): boolean {
  let names = -1;
  for (const m of visited) {
    const combo = group.field(m, COMBO_FIELD);
    if (combo === undefined) continue;
    if (combo !== PLAIN_VALUES) return false;
    if (names < 0) names = m;
    else if (!group.sameField(names, m, NAMES_FIELD)) return false;
  }
  if (names < 0) return true;
  const count = namesCount(items.codes.unpack(group.field(names, NAMES_FIELD)));
  // A member without a combination has no texts: '' marks it (a plain value is never blank).
  for (let i = 0; i < visited.length; i++) {
    const m = visited[i] as number;
    const plain = group.field(m, COMBO_FIELD) !== undefined;
    for (let v = 0; v < count; v++) texts[i * count + v] = plain ? (group.text(m, VALUES_FIELD + v) as string) : '';
  }
  for (let i = 1; i < visited.length; i++) {
    if (texts[i * count] === '') continue;
    for (let j = 0; j < i; j++) {
      if (texts[j * count] === '') continue;
      let same = true;
      for (let v = 0; v < count && same; v++) same = sameNormalised(texts[i * count + v] as string, texts[j * count + v] as string);
      if (same) {
        flag(group, visited[i] as number, visited[j] as number, items, findings);
        break;
      }
    }
  }
  return true;
}

/** Every item that repeats the combination of an earlier item of its group, pointing back at the earliest. */
const reduce: GroupReduce = (group, visited, items, findings) => {
  if (visited.length < 2) return;
  if (visited.length <= PAIRWISE && byValues(group, visited, items, findings)) return;
  byKey(group, visited, items, findings);
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
