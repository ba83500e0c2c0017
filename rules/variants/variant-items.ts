// What the variant feed rules keep of each item of a variant group: one tuple per item, shared by the four rules of a
// feed (its SKU once, not four times), keyed by Variant Group ID; at the end of the feed one pass over the groups
// runs every rule's reduce. A rule counts only the items of product types it visited: rules attach per product type.
import type { FeedRule, RecordView, RuleFinding } from '../../src/core/rule.js';
import { tuplesOf } from '../../src/core/rule.js';
import type { KeyedTuples, TupleField, TupleGroup } from '../../src/core/keyed-tuples.js';
import { perFeed } from '../per-feed.js';
import { TextCodes } from '../text-codes.js';
import { givenValuesOf, groupIdOf, isPrimary, lowerNamesOf, namesOf, sameTexts } from './members.js';
import { packList, unpackList } from './list-field.js';
import { primaryAnswerOf } from './primaries.js';
import { combinationKey } from './combination-key.js';
import { displayValue, plainText, variantValuesOf } from './values.js';
import { packState, typeOfState } from './item-state.js';

/** Fields of an item's tuple. */
export const SKU_FIELD = 0;
/** Is Primary Variant (verdict and answer as given) and product type, coded together (see item-state.ts). */
export const STATE_FIELD = 1;
/** Variant Attribute Names as given (packList, coded); undefined when there are none. */
export const NAMES_FIELD = 2;
/**
 * The combination: PLAIN_VALUES when every value is one text (the usual item: its normalised values are those of the
 * texts in VALUES_FIELD, compared when the group is reduced), else names and normalised values together
 * (combinationKey); undefined without names or with a blank value.
 */
export const COMBO_FIELD = 3;
/** COMBO_FIELD of an item whose values are all plain texts (see plainText): the values as given settle it. */
export const PLAIN_VALUES = 1;
/**
 * The values as given, beside COMBO_FIELD: a field each from here on, in the order of the names (no list to build:
 * a value is usually the item's own text), or past SEPARATE_VALUES names one packList field. See valuesOf.
 */
export const VALUES_FIELD = 4;
const SEPARATE_VALUES = 16;

/** A rule's reduce of one group: `members` are the items it visited, in feed order. */
export type GroupReduce = (group: TupleGroup, members: readonly number[], items: VariantItems, findings: RuleFinding[]) => void;

/** A rule joined to a feed's items: the product types (coded) whose items it visited, and its reduce. */
interface JoinedRule {
  types: Set<number | string>;
  lastType: number | string;
  reduce: GroupReduce;
}

export class VariantItems {
  readonly tuples: KeyedTuples;
  readonly codes = new TextCodes();
  /** By rule id: the product types (coded) whose items it visited, and its reduce. */
  readonly #rules = new Map<string, JoinedRule>();
  #lastRecord: RecordView | undefined;
  /** Whether #lastRecord has a Variant Group ID. */
  #lastInGroup = false;
  /** The last Variant Attribute Names seen, their coded field and lower-case names (see #fields). */
  #lastNames: readonly string[] = [];
  #lastNamesField: number | string = '';
  /** Whether the last names let plain values be compared one by one (see plainNames). */
  #lastNamesPlain = false;
  #lastType: number | string = -1;
  #findings: Map<string, RuleFinding[]> | undefined;
  readonly #scratch: TupleField[] = [];

  constructor(tuples: KeyedTuples) {
    this.tuples = tuples;
  }

  join(ruleId: string, reduce: GroupReduce): JoinedRule {
    const rule: JoinedRule = { types: new Set(), lastType: -1, reduce };
    this.#rules.set(ruleId, rule);
    return rule;
  }

  /** Notes the item for the rule (as join() returned it); the first of the rules to visit a record appends its tuple. */
  visit(rule: JoinedRule, record: RecordView): void {
    // Every variant rule visits each record: the first visit reads it, the others reuse what it found.
    if (record !== this.#lastRecord) {
      this.#lastRecord = record;
      const groupId = groupIdOf(record);
      this.#lastInGroup = groupId !== undefined;
      if (groupId === undefined) return;
      this.#lastType = this.codes.pack(record.productType);
      this.tuples.append(groupId, record.index, this.#fields(record, this.#lastType));
    } else if (!this.#lastInGroup) return;
    if (rule.lastType !== this.#lastType) {
      rule.types.add(this.#lastType);
      rule.lastType = this.#lastType;
    }
  }

  /** The item's tuple fields, in one array reused for every item: the store copies them as it appends. */
  #fields(record: RecordView, type: number | string): TupleField[] {
    const answer = primaryAnswerOf(record);
    const names = namesOf(record);
    // Written by index and cut to length at the end: emptying the array with `length = 0` freed its storage, so
    // every record allocated it again. The length is set only when it changes: most items have as many fields as the
    // one before, and each write of `length` was a call into the runtime (`set length`, ~25 ms of 400,000 records).
    const fields = this.#scratch;
    fields[SKU_FIELD] = record.sku;
    fields[STATE_FIELD] = packState(isPrimary(answer), displayValue(answer), type);
    let n = NAMES_FIELD;
    if (names.length > 0) {
      // A feed has few lists of names, usually one after another: the last one's code is reused.
      if (!sameTexts(names, this.#lastNames)) {
        this.#lastNames = names;
        this.#lastNamesField = this.codes.pack(packList(names));
        this.#lastNamesPlain = plainNames(lowerNamesOf(record));
      }
      fields[n++] = this.#lastNamesField;
      n = this.#plainValues(record, names, fields, n) ?? this.#combination(record, names, fields, n);
    }
    if (fields.length !== n) fields.length = n;
    return fields;
  }

  /**
   * The usual item, whose values are all texts: PLAIN_VALUES and the texts as given, with no key to build (the
   * group's reduce compares them). Returns where the fields end; undefined when a value is anything else.
   */
  #plainValues(record: RecordView, names: readonly string[], fields: TupleField[], at: number): number | undefined {
    if (names.length > SEPARATE_VALUES || !this.#lastNamesPlain) return undefined;
    let n = at + 1;
    const values = givenValuesOf(record);
    for (let i = 0; i < names.length; i++) {
      const text = plainText(values[i]);
      // A NUL could make two keys of different values alike (see plainNames): such a value takes the key.
      if (text === undefined || text.includes(NUL)) return undefined;
      // A blank value: no combination (see combinationKey), so no values either.
      if (text === '') return at;
      fields[n++] = text;
    }
    fields[at] = PLAIN_VALUES;
    return n;
  }

  /** Any other item: its combination key and values as given (a list past SEPARATE_VALUES names). */
  #combination(record: RecordView, names: readonly string[], fields: TupleField[], at: number): number {
    const combo = combinationKey(lowerNamesOf(record), variantValuesOf(record));
    if (combo === undefined) return at;
    let n = at;
    fields[n++] = combo;
    const values = givenValuesOf(record);
    if (names.length > SEPARATE_VALUES) fields[n++] = packList(values.map(displayValue));
    else for (let i = 0; i < names.length; i++) fields[n++] = displayValue(values[i]);
    return n;
  }

  /** The rule's findings: the first rule to ask reduces every group for all of them. */
  findingsOf(ruleId: string): RuleFinding[] {
    if (this.#findings === undefined) {
      const findings = new Map<string, RuleFinding[]>();
      for (const id of this.#rules.keys()) findings.set(id, []);
      this.#findings = findings;
      const types: TupleField[] = [];
      const all: number[] = [];
      const rules = [...this.#rules.values()];
      const lists = [...this.#rules.keys()].map((id) => findings.get(id) as RuleFinding[]);
      // Usually every rule visited items of every product type any of them did (rules attach to the same types): then
      // every rule reduces every member and nobody needs the members' types.
      const seen = new Set<number | string>();
      for (const rule of rules) for (const type of rule.types) seen.add(type);
      const allSeeAll = rules.every((rule) => rule.types.size === seen.size);
      this.tuples.forEachGroup((group) => {
        const size = group.size;
        // all[m] is m: the list only grows, and is cut to the group's size.
        while (all.length < size) all.push(all.length);
        if (all.length !== size) all.length = size;
        if (allSeeAll) {
          for (let r = 0; r < rules.length; r++) (rules[r] as JoinedRule).reduce(group, all, this, lists[r] as RuleFinding[]);
          return;
        }
        if (types.length !== size) types.length = size;
        for (let m = 0; m < size; m++) types[m] = typeOfState(group.field(m, STATE_FIELD));
        for (let r = 0; r < rules.length; r++) {
          const rule = rules[r] as JoinedRule;
          // Usually every rule visited every member (one product type): the shared list, read-only.
          let members: number[] = all;
          for (let m = 0; m < size; m++) {
            if (rule.types.has(types[m] as number | string)) continue;
            members = all.filter((n) => rule.types.has(types[n] as number | string));
            break;
          }
          if (members.length > 0) rule.reduce(group, members, this, lists[r] as RuleFinding[]);
        }
      });
    }
    return (this.#findings.get(ruleId) ?? []).sort((a, b) => (a.record ?? 0) - (b.record ?? 0));
  }
}

const NUL = '\u0000';

/**
 * Whether items with these names (in lower case) have the same combination key exactly when their normalised values
 * are the same one by one, so plain values can be compared without the key: names that are all different, with
 * neither "=" nor NUL, and values without NUL. The key joins "name=value" pairs with NUL; a NUL in a value, or "=" in
 * a name, could make the pairs of two different sets of values read alike.
 */
export function plainNames(lowerNames: readonly string[]): boolean {
  for (let i = 0; i < lowerNames.length; i++) {
    const name = lowerNames[i] as string;
    if (name.includes('=') || name.includes(NUL)) return false;
    for (let j = 0; j < i; j++) if (lowerNames[j] === name) return false;
  }
  return true;
}

/** A member's values as given (see VALUES_FIELD), for an item with `count` Variant Attribute Names. */
export function valuesOf(group: TupleGroup, member: number, count: number): string[] {
  if (count > SEPARATE_VALUES) return unpackList(group.text(member, VALUES_FIELD));
  const values: string[] = [];
  for (let i = 0; i < count; i++) values.push(group.text(member, VALUES_FIELD + i) ?? '');
  return values;
}

/** The feed's variant items, shared by its variant rules. */
export const variantItemsOf: (feed: Parameters<typeof tuplesOf>[0]) => VariantItems = perFeed((feed) => new VariantItems(tuplesOf(feed)));

/** A variant rule's state in a feed: the feed's items, and the rule as it joined them. */
export interface VariantRuleState {
  items: VariantItems;
  rule: JoinedRule;
}

/** A variant rule's start, visit and finish: it joins the feed's items with its reduce, under its id. */
export function variantRuleHooks(id: string, reduce: GroupReduce): Pick<FeedRule<VariantRuleState>, 'start' | 'visit' | 'finish'> {
  return {
    start(feed) {
      const items = variantItemsOf(feed);
      return { items, rule: items.join(id, reduce) };
    },
    visit: (state, record) => state.items.visit(state.rule, record),
    finish: (state) => state.items.findingsOf(id),
  };
}
