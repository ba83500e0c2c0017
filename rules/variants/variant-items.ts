// What the variant feed rules keep of each item of a variant group: one tuple per item, shared by the four rules of a
// feed (its SKU once, not four times), keyed by Variant Group ID; at the end of the feed one pass over the groups
// runs every rule's reduce. A rule counts only the items of product types it visited: rules attach per product type.
import type { FeedRule, RecordView, RuleFinding } from '../../src/core/rule.js';
import { tuplesOf } from '../../src/core/rule.js';
import type { KeyedTuples, TupleField, TupleGroup } from '../../src/core/keyed-tuples.js';
import { perFeed } from '../per-feed.js';
import { TextCodes } from '../text-codes.js';
import { groupIdOf, isPrimary, lowerNamesOf, namesOf, sameTexts } from './members.js';
import { packList, unpackList } from './list-field.js';
import { primaryAnswerOf } from './primaries.js';
import { combinationKey } from './combination-key.js';
import { displayValue, variantValuesOf } from './values.js';

/** Fields of an item's tuple. */
export const SKU_FIELD = 0;
/** Product type, coded (see codes). */
export const TYPE_FIELD = 1;
/** 1 when Is Primary Variant is "Yes", else 0. */
export const PRIMARY_FIELD = 2;
/** Is Primary Variant as given, for messages. */
export const ANSWER_FIELD = 3;
/** Variant Attribute Names as given (packList, coded); undefined when there are none. */
export const NAMES_FIELD = 4;
/** Names and normalised values together (combinationKey); undefined without names or with a blank value. */
export const COMBO_FIELD = 5;
/**
 * The values as given, beside COMBO_FIELD: a field each from here on, in the order of the names (no list to build:
 * a value is usually the item's own text), or past SEPARATE_VALUES names one packList field. See valuesOf.
 */
export const VALUES_FIELD = 6;
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
    // every record allocated it again.
    const fields = this.#scratch;
    fields[SKU_FIELD] = record.sku;
    fields[TYPE_FIELD] = type;
    fields[PRIMARY_FIELD] = isPrimary(answer) ? 1 : 0;
    fields[ANSWER_FIELD] = displayValue(answer);
    let n = NAMES_FIELD;
    if (names.length > 0) {
      // A feed has few lists of names, usually one after another: the last one's code is reused.
      if (!sameTexts(names, this.#lastNames)) {
        this.#lastNames = names;
        this.#lastNamesField = this.codes.pack(packList(names));
      }
      fields[n++] = this.#lastNamesField;
      const combo = combinationKey(lowerNamesOf(record), variantValuesOf(record));
      if (combo !== undefined) {
        fields[n++] = combo;
        if (names.length > SEPARATE_VALUES) fields[n++] = packList(names.map((name) => displayValue(record.get(name))));
        else for (let i = 0; i < names.length; i++) fields[n++] = displayValue(record.get(names[i] as string));
      }
    }
    fields.length = n;
    return fields;
  }

  /** The rule's findings: the first rule to ask reduces every group for all of them. */
  findingsOf(ruleId: string): RuleFinding[] {
    if (this.#findings === undefined) {
      const findings = new Map<string, RuleFinding[]>();
      for (const id of this.#rules.keys()) findings.set(id, []);
      this.#findings = findings;
      const types: TupleField[] = [];
      const all: number[] = [];
      this.tuples.forEachGroup((group) => {
        types.length = group.size;
        all.length = group.size;
        for (let m = 0; m < group.size; m++) {
          types[m] = group.field(m, TYPE_FIELD);
          all[m] = m;
        }
        for (const [id, rule] of this.#rules) {
          // Usually every rule visited every member (one product type): the shared list, read-only.
          let members: number[] = all;
          for (let m = 0; m < group.size; m++) {
            if (rule.types.has(types[m] as number | string)) continue;
            members = all.filter((n) => rule.types.has(types[n] as number | string));
            break;
          }
          if (members.length > 0) rule.reduce(group, members, this, findings.get(id) as RuleFinding[]);
        }
      });
    }
    return (this.#findings.get(ruleId) ?? []).sort((a, b) => (a.record ?? 0) - (b.record ?? 0));
  }
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
