// The shape of a rule in rules/: a definition object, one per file; a pack is an ordered array of them.
// Rules do no IO: they read a record through RecordView and return findings as data.
import type { Severity } from './issue.js';
import { KeyedTuples } from './keyed-tuples.js';

/** What a rule can see of one record: attributes by their spec name, wherever the spec puts them. */
export interface RecordView {
  /** 1-based position in the input. */
  readonly index: number;
  readonly sku: string | undefined;
  readonly productType: string;
  /** Value of an attribute by its spec name (e.g. `warrantyURL`), or undefined when absent. */
  get(attribute: string): unknown;
  /** True when the attribute has a value that is not empty. */
  has(attribute: string): boolean;
  /** Whether this product type's spec defines the attribute at all. */
  defines(attribute: string): boolean;
  /** Whether this product type's spec marks the attribute required (unconditionally). */
  requires(attribute: string): boolean;
  /** The attribute's title from the spec ("Warranty URL"), or its name when the spec gives none. */
  title(attribute: string): string;
}

export interface RuleFinding {
  /** Issue code; defaults to the rule's id. */
  code?: string;
  /** The attribute the finding sits on (a spec name); the engine turns it into path and cell. */
  attribute: string;
  /** Sub-path under the attribute, e.g. `productId` under `productIdentifiers`, or `0` for an array item. */
  subPath?: string;
  /** For cross-record rules: the record the finding belongs to. */
  record?: number;
  sku?: string | undefined;
  productType?: string;
  /** Overrides the rule's severity for this finding. */
  severity?: Severity;
  /** Data for the message and hint. */
  params: Record<string, unknown>;
}

/** Turns an attribute name into its title, for messages. */
export type TitleOf = (attribute: string) => string;

/** How a message names another record: "record 3" in a feed, "row 4" in a spreadsheet. */
export type PlaceOf = (record: number) => string;

export const recordPlace: PlaceOf = (record) => `record ${record}`;

interface RuleBase {
  /** Stable id, also the default issue code: `<pack>.<name>`. */
  id: string;
  pack: string;
  severity: Severity;
  /** One line for reports (SARIF help, `rules list`). */
  description: string;
  /**
   * Attributes the rule needs: it attaches to a product type only where that type's spec defines
   * every one of them.
   */
  needs: readonly string[];
  /** Where the spec may define any of these instead, at least one of them must exist for the rule to attach. */
  needsAnyOf?: readonly string[];
  message(finding: RuleFinding, titleOf: TitleOf, placeOf?: PlaceOf): string;
  hint?(finding: RuleFinding, titleOf: TitleOf, placeOf?: PlaceOf): string | undefined;
}

export interface RecordRule extends RuleBase {
  scope: 'record';
  /** When the rule applies to a record; the check runs only then. */
  when?(record: RecordView): boolean;
  check(record: RecordView): RuleFinding[];
}

/**
 * What the engine gives every feed rule of one feed: stores for what the rules keep of each record until the feed
 * ends. The stores share the feed's memory budget and, past it, spill to files the engine owns (rules do no IO).
 */
export interface FeedScope {
  tuples(): KeyedTuples;
}

/** A store from the feed's scope, or one in memory of its own for a rule run alone (tests). */
export function tuplesOf(feed: FeedScope | undefined): KeyedTuples {
  return feed === undefined ? new KeyedTuples() : feed.tuples();
}

/** A feed rule's findings in record order (a record has at most one finding of each feed rule). */
export function byRecord(findings: RuleFinding[]): RuleFinding[] {
  return findings.sort((a, b) => (a.record ?? 0) - (b.record ?? 0));
}

/**
 * A rule across records (variants, duplicates). visit() appends what it needs of a record to a store of the feed's
 * (FeedScope.tuples, keyed by what groups records: a SKU, a Variant Group ID); finish() reduces the store key by key.
 * Its findings name their record's `sku` and product type themselves: the engine does not keep them.
 */
export interface FeedRule<State = unknown> extends RuleBase {
  scope: 'feed';
  /** `feed` is absent when a rule runs alone (tests): it then shares nothing. */
  start(feed?: FeedScope): State;
  visit(state: State, record: RecordView): void;
  finish(state: State): RuleFinding[];
}

/** Reads one attribute off an item, resolved once per product type: no lookup by name per call. */
export type AttributeReader = (item: unknown) => unknown;

/**
 * A quick, exact test that a record gives none of some record rules a finding, so the engine can skip them: most
 * records are clean, and one pass over the few attributes a pack reads costs less than running each of its rules.
 * A screen may only answer `true` when every rule it covers would return no findings; when in doubt it answers
 * `false` and the rules run as usual. It is sound for any subset of the rules it covers (packs or rules turned off).
 */
export interface RecordScreen {
  /** Ids of the record rules this screen vouches for. */
  covers: readonly string[];
  /**
   * Readies the test for one product type. `readerOf` gives a reader for an attribute its spec defines, undefined
   * for one it does not (as RecordView.defines).
   */
  prepare(readerOf: (attribute: string) => AttributeReader | undefined): (item: unknown) => boolean;
}

// Methods are bivariant in TypeScript, so a FeedRule<Map<…>> is a FeedRule<unknown>.
export type Rule = RecordRule | FeedRule<unknown>;

export function defineRecordRule(rule: Omit<RecordRule, 'scope'>): RecordRule {
  return { scope: 'record', ...rule };
}

export function defineFeedRule<State>(rule: Omit<FeedRule<State>, 'scope'>): FeedRule<State> {
  return { scope: 'feed', ...rule };
}

/** Values that count as "given" for an attribute: not undefined, null, '' or []. */
export function isPresent(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}
