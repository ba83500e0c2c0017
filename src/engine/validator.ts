// validate(): each item against its product type's compiled spec, then the rule packs, per record and
// across records. Findings become Issues (CONTRACT.md) with words from messages.ts.
import { ALL_RULES, SCREENS } from '../../rules/index.js';
import type { AttributeIndex } from '../compile/attributes.js';
import { explainErrors } from '../compile/ajv-errors.js';
import { Compiler } from '../compile/compiler.js';
import type { CompiledSpec } from '../compile/compiler.js';
import { dottedPath } from '../core/dotted-path.js';
import type { Issue, Severity, Summary } from '../core/issue.js';
import type { InputItem, SourceLocation } from '../core/record.js';
import type { FeedRule, RecordRule, Rule, RuleFinding } from '../core/rule.js';
import { ANY_PRODUCT_TYPE } from '../core/spec-key.js';
import { taggedArray } from '../core/tagged-array.js';
import { SpecStore } from '../spec/store.js';
import { schemaWords, show } from './messages.js';
import { schemaIssues } from './schema-issues.js';
import { parseValidateOptions } from './options.js';
import type { ResolvedOptions, ValidateOptions } from './options.js';
import { LARGE_INPUT_BYTES, SpillingFeedScope } from './feed-scope.js';
import { RecordPlaces } from './record-places.js';
import type { RecordPlace } from './record-places.js';
import { readerAt, readersFor, recordView } from './record-view.js';
import type { AttributeReaders } from './record-view.js';
import { effectiveSeverity, planRecordRules, rulesFor } from './rule-set.js';
import type { RecordPlan } from './rule-set.js';
import { resolveSpecContextOnce } from './spec-context.js';
import type { SpecContext } from './spec-context.js';
import { nearest } from './suggest.js';

export interface RecordResult {
  record: number;
  sku: string | undefined;
  productType: string | undefined;
  issues: Issue[];
}

interface PerSpec {
  compiled: CompiledSpec;
  readers: AttributeReaders;
  /** The SKU's reader, when the spec defines one. */
  readSku: ((item: unknown) => unknown) | undefined;
  recordRules: RecordPlan;
  feedRules: Array<FeedRule<unknown>>;
  /** The feed rules' states, in feedRules' order: set at this product type's first record (see #statesFor). */
  feedStates: unknown[] | undefined;
}

type RecordMeta = RecordPlace;

/** What a product type's PerSpec holds for any feed: everything but the feed rules' states. */
type SpecPlan = Omit<PerSpec, 'feedStates'>;

/**
 * Spec plans shared by every Validator with the same compiled spec and rule options (a service validates many feeds
 * with the same ones), by the rule options as JSON; they go when the compiler lets the compiled spec go.
 */
const specPlans = new WeakMap<CompiledSpec, Map<string, SpecPlan>>();
/** Rule options (JSON) remembered per compiled spec at most. */
const MAX_PLANS = 16;

/** Shared by every Validator with the same cache dir: compiled specs outlive one feed. */
const compilers = new Map<string, { store: SpecStore; compiler: Compiler }>();

function engineFor(cacheDir: string | undefined): { store: SpecStore; compiler: Compiler } {
  const store = new SpecStore(cacheDir);
  let e = compilers.get(store.dir);
  if (e === undefined) {
    e = { store, compiler: new Compiler(store) };
    compilers.set(store.dir, e);
  }
  return e;
}

/** An item's Visible block, read as valueAt reads it, by a generated reader (see readerAt): asked for every record. */
const readVisible = readerAt(['Visible']);
/** The same for items of plain data (see Validator.plainItems). */
const readVisiblePlain = readerAt(['Visible'], true);

/** The object's one own enumerable key, or undefined when it has none or several; without listing them all. */
function onlyKey(o: object): string | undefined {
  let only: string | undefined;
  for (const k in o) {
    if (!Object.hasOwn(o, k)) continue;
    if (only !== undefined) return undefined;
    only = k;
  }
  return only;
}

/**
 * A copy of the issue's fields with its severity (when given) and record number added after them: Object.assign into
 * a fresh object, not `{ ...issue, record }`, whose copy gets a hidden class of its own in Node 20's V8 (see
 * findingWithValue).
 */
function withRecord(issue: Omit<Issue, 'record' | 'severity'> & { severity?: Issue['severity'] }, record: number, severity?: Issue['severity']): Issue {
  const copy = Object.assign({}, issue) as Issue;
  if (severity !== undefined) copy.severity = severity;
  copy.record = record;
  return copy;
}

export class Validator {
  readonly options: ResolvedOptions;
  readonly context: SpecContext;
  readonly #compiler: Compiler;
  readonly #store: SpecStore;
  readonly #perSpec = new Map<string, Promise<PerSpec | undefined>>();
  /** The same, once settled: lets recordNow() stay synchronous. */
  readonly #ready = new Map<string, PerSpec | undefined>();
  readonly #feedStates = new Map<Rule, unknown>();
  /** Handed to every feed rule's start(): where the rules keep their per-record state, within a memory budget. */
  #feedScope = new SpillingFeedScope();
  /** What the feed rules' stores may hold as values (see inputSize): undefined for the default. */
  #columnBytes: number | undefined;
  /** Whether every item is plain data (see plainItems): the readers then skip the prototype test. */
  #plain = false;
  readonly #places = new RecordPlaces();
  /** Paths with a schema issue, per record, so a rule does not report the same root cause again (a list: a record has few). */
  readonly #schemaPaths = new Map<number, string[]>();
  readonly #invalid = new Set<number>();
  /** The product type of the last record whose plan was ready, and that plan (see recordNow). */
  #lastType: string | undefined;
  #lastPer: PerSpec | undefined;
  #records = 0;
  #errors = 0;
  #warnings = 0;
  #infos = 0;

  private constructor(options: ResolvedOptions, context: SpecContext, store: SpecStore, compiler: Compiler) {
    this.options = options;
    this.context = context;
    this.#store = store;
    this.#compiler = compiler;
  }

  /** Settles the spec (from options or the feed header) and readies a validator for one feed. */
  static async create(options: ValidateOptions = {}, header?: Record<string, unknown>): Promise<Validator> {
    const resolved = parseValidateOptions(options);
    const { store, compiler } = engineFor(resolved.cacheDir);
    const context = await resolveSpecContextOnce(store, resolved, header ?? resolved.header);
    return new Validator(resolved, context, store, compiler);
  }

  /**
   * The input's size in bytes, when it is known before the first record (a file's size): a large input's feed rules
   * keep their state as bytes from the first record (see LARGE_INPUT_BYTES). Once a feed rule holds state for this
   * feed, it changes nothing until the feed ends.
   */
  inputSize(bytes: number): void {
    const columnBytes = bytes >= LARGE_INPUT_BYTES ? 0 : undefined;
    if (columnBytes === this.#columnBytes || this.#feedStates.size > 0) return;
    this.#columnBytes = columnBytes;
    this.#feedScope.close();
    this.#feedScope = new SpillingFeedScope(undefined, columnBytes);
  }

  /**
   * Says every item is plain data, as JSON.parse makes it: objects whose prototype is Object.prototype (or null),
   * arrays, and primitives, with no class instance, getter or other prototype anywhere in them. The CLI and the
   * service say so for every feed and sheet they read (this package's sources make nothing else). The attribute
   * readers then need not ask each object for its prototype (see readerAt), which costs most with items of many
   * shapes. Items that are not plain data would be read wrongly (an inherited value taken as the item's own), so a
   * library caller says so only of items it has from JSON.parse or made as plain literals. Product types whose first
   * record came before this call keep the general readers: call it before the first record.
   */
  plainItems(): void {
    this.#plain = true;
  }

  get recordCount(): number {
    return this.#records;
  }

  /**
   * Checks the feed header once: its spec version, then its other fields. Issues have record 0. Every product type of
   * a spec carries the same header, so the header is checked with a spec this feed has already loaded for its items
   * when there is one (asked after the first item, that spares loading another product type's validators).
   */
  async header(header: Record<string, unknown> | undefined): Promise<Issue[]> {
    const spec = this.context.anyEntry === undefined ? (this.#anyReady() ?? (await this.#headerSpec())) : await this.#compiler.get(this.context.anyEntry);
    if (spec === undefined) return [];
    const entry = spec.entry;
    if (spec.headerKey === undefined || spec.validateHeader === undefined) return [];
    const key = spec.headerKey;
    if (header === undefined) {
      return this.#count([{ code: 'header.missing', severity: 'error', record: 0, path: key, field: key, message: `The feed has no ${key}; Walmart rejects a feed without one.`, hint: `Add "${key}": {"version": "${entry.headerVersions[0] ?? this.context.version}", …} before the items.` }]);
    }
    const issues: Issue[] = [];
    const expected = entry.headerVersions;
    const seen = header.version;
    const versionWrong = expected.length > 0 && !expected.includes(seen as string);
    if (versionWrong) {
      issues.push({
        code: 'header.version_mismatch',
        severity: 'error',
        record: 0,
        path: `${key}.version`,
        field: 'version',
        message: `The feed header's Spec Version is ${show(seen)}, but ${this.context.feedType} ${this.context.version} feeds must say ${expected.map((v) => JSON.stringify(v)).join(' or ')}.`,
        hint: `Set ${key}.version to ${JSON.stringify(expected[0])}, or validate against the spec version the header names.`,
      });
    }
    if (!spec.validateHeader(header)) {
      const schema = spec.headerSchema ?? {};
      for (const f of explainErrors(spec.validateHeader.errors ?? [], header, schema)) {
        if (versionWrong && f.segments[0] === 'version') continue;
        const words = schemaWords(f);
        issues.push({ code: f.code, severity: 'error', record: 0, path: dottedPath([key, ...f.segments]), field: f.field, message: words.message, ...(words.hint ? { hint: words.hint } : {}) });
      }
    }
    return this.#count(issues);
  }

  /** A compiled spec of this feed's items, if one is loaded. */
  #anyReady(): CompiledSpec | undefined {
    for (const per of this.#ready.values()) if (per !== undefined) return per.compiled;
    return undefined;
  }

  /** The spec of the context's first product type, for a header checked before any item. */
  async #headerSpec(): Promise<CompiledSpec | undefined> {
    const entry = await this.#store.resolve({ feedType: this.context.feedType, version: this.context.version, productType: this.context.productTypes[0] ?? ANY_PRODUCT_TYPE });
    return entry === undefined ? undefined : this.#compiler.get(entry);
  }

  /** Validates one item; `index` is its 1-based position in the input. */
  record(input: InputItem, index = this.#records + 1): Promise<RecordResult> {
    const r = this.recordNow(input, index);
    return r instanceof Promise ? r : Promise.resolve(r);
  }

  /**
   * As record(), but returns the result itself, without a promise, once the product type's spec is
   * compiled: a promise per record costs more than validating a small item.
   */
  recordNow(input: InputItem, index = this.#records + 1): RecordResult | Promise<RecordResult> {
    this.#records++;
    const item = input.data;
    const location = input.location;
    const pt = this.#productTypeOf(item);
    if (typeof pt !== 'string') {
      const issue = this.#locate(withRecord(pt, index, 'error'), location);
      return { record: index, sku: undefined, productType: undefined, issues: this.#count([...this.#fromSource(input, index), issue], index) };
    }
    // Records come in runs of one product type: the last one's plan answers without the two lookups in #ready.
    if (pt === this.#lastType) return this.#recordWith(this.#lastPer, pt, input, index);
    if (this.#ready.has(pt)) {
      const per = this.#ready.get(pt);
      this.#lastType = pt;
      this.#lastPer = per;
      return this.#recordWith(per, pt, input, index);
    }
    return this.#perSpecFor(pt).then((per) => this.#recordWith(per, pt, input, index));
  }

  #recordWith(per: PerSpec | undefined, pt: string, input: InputItem, index: number): RecordResult {
    const item = input.data;
    const location = input.location;
    if (per === undefined) {
      const guess = nearest(pt, this.context.productTypes);
      const issue = this.#locate(
        {
          code: 'record.unknown_product_type',
          severity: 'error',
          record: index,
          path: `Visible.${pt}`,
          field: 'productType',
          productType: pt,
          message: `Product type ${show(pt)} is not in ${this.context.feedType} ${this.context.version}.`,
          hint: guess !== undefined ? `Did you mean ${show(guess)}?` : `Use one of the product types in the spec (catalog-gate spec list shows them).`,
        },
        location,
      );
      return { record: index, sku: undefined, productType: pt, issues: this.#count([...this.#fromSource(input, index), issue], index) };
    }
    const { compiled } = per;
    const attrs = compiled.attributes;
    const productType = attrs.productType ?? pt;
    const rawSku = per.readSku === undefined ? undefined : per.readSku(item);
    const sku = typeof rawSku === 'string' ? rawSku : typeof rawSku === 'number' ? String(rawSku) : undefined;
    this.#places.set(index, attrs, productType, location);
    // Made only for a record with something to report: most records have nothing.
    let meta: RecordMeta | undefined;

    const issues: Issue[] = [];
    // Only records with a source or schema issue get a list: most records have neither.
    let paths: string[] | undefined;
    if (input.issues !== undefined && input.issues.length > 0) {
      paths = taggedArray<string>();
      for (const s of this.#fromSource(input, index, sku, productType)) {
        // The source's finding on a cell is the root cause: rules stay quiet about the same path.
        paths.push(s.path);
        issues.push(s);
      }
    }
    // The valid-only check first: the validator with errors runs only for the items it rejects.
    if (!compiled.isValidItem(item) && !compiled.validateItem(item)) {
      paths ??= taggedArray<string>();
      for (const issue of schemaIssues(compiled, item, index, sku, productType)) {
        this.#locate(issue, location);
        paths.push(issue.path);
        issues.push(issue);
      }
    }
    if (paths !== undefined && paths.length > 0) this.#schemaPaths.set(index, paths);
    const view = recordView(index, item, productType, per.readers, sku);
    const { screens, plans } = per.recordRules;
    let passed = 0;
    for (let s = 0; s < screens.length; s++) if ((screens[s] as (item: unknown) => boolean)(item)) passed |= 1 << s;
    const rules = plans[passed] as RecordRule[];
    for (let r = 0; r < rules.length; r++) {
      const rule = rules[r] as RecordRule;
      if (rule.when !== undefined && !rule.when(view)) continue;
      const findings = rule.check(view);
      for (let f = 0; f < findings.length; f++) {
        const issue = this.#ruleIssue(rule, findings[f] as RuleFinding, index, (meta ??= { attrs, productType, sku, location }));
        if (issue !== undefined) issues.push(issue);
      }
    }
    const feedRules = per.feedRules;
    const states = per.feedStates ?? this.#statesFor(per);
    for (let r = 0; r < feedRules.length; r++) (feedRules[r] as FeedRule<unknown>).visit(states[r], view);
    return { record: index, sku, productType, issues: issues.length === 0 ? issues : this.#count(issues, index) };
  }

  /**
   * The states of a product type's feed rules, made at its first record. A rule shared by several product types
   * has one state, made when the first of them had a record: #feedStates keeps that order for finish().
   */
  #statesFor(per: PerSpec): unknown[] {
    // One elements kind for every feed's list (see tagged-array.ts): #recordWith reads it for every record.
    const states = taggedArray<unknown>();
    for (const rule of per.feedRules) {
      let state = this.#feedStates.get(rule);
      if (state === undefined) {
        state = rule.start(this.#feedScope);
        this.#feedStates.set(rule, state);
      }
      states.push(state);
    }
    per.feedStates = states;
    return states;
  }

  /** The attributes of a product type's spec (for mapping spreadsheet columns), or undefined if it has none. */
  async attributesFor(productType: string): Promise<AttributeIndex | undefined> {
    return (await this.#perSpecFor(productType))?.compiled.attributes;
  }

  /** Issues about the input as a whole (unknown columns, rows that are not items), counted in the summary. */
  addFeedIssues(issues: Issue[]): Issue[] {
    return this.#count(issues);
  }

  /** Ends the feed: runs the cross-record rules and returns their issues. */
  finish(): Issue[] {
    const issues: Issue[] = [];
    try {
      for (const [rule, state] of this.#feedStates) {
        for (const f of (rule as FeedRule<unknown>).finish(state)) {
          const index = f.record;
          const meta = index === undefined ? undefined : this.#places.get(index);
          if (index === undefined || meta === undefined) continue;
          const issue = this.#ruleIssue(rule, f, index, meta);
          if (issue !== undefined) issues.push(issue);
        }
      }
    } finally {
      this.close();
    }
    this.#feedStates.clear();
    // Records after finish() start the feed rules afresh, as they did before.
    for (const per of this.#ready.values()) if (per !== undefined) per.feedStates = undefined;
    this.#feedScope = new SpillingFeedScope(undefined, this.#columnBytes);
    issues.sort((a, b) => a.record - b.record);
    for (const i of issues) this.#count([i], i.record);
    return issues;
  }

  /** Removes the feed rules' spill files, if any; for a feed given up before finish(). finish() calls it. */
  close(): void {
    this.#feedScope.close();
  }

  summary(): Summary {
    return {
      records: this.#records,
      valid: this.#records - this.#invalid.size,
      invalid: this.#invalid.size,
      errors: this.#errors,
      warnings: this.#warnings,
      infos: this.#infos,
    };
  }

  /** Record numbers with at least one error so far. */
  isInvalid(record: number): boolean {
    return this.#invalid.has(record);
  }

  #count(issues: Issue[], record?: number): Issue[] {
    for (const i of issues) {
      if (i.severity === 'error') {
        this.#errors++;
        if (record !== undefined && record > 0) this.#invalid.add(record);
      } else if (i.severity === 'warning') this.#warnings++;
      else this.#infos++;
    }
    return issues;
  }

  #fromSource(input: InputItem, index: number, sku?: string, productType?: string): Issue[] {
    return (input.issues ?? []).map((s) => {
      // A copy given new properties one by one, not a spread's (see findingWithValue): one hidden class for all.
      const issue = withRecord(s, index);
      if (sku !== undefined) issue.sku = sku;
      if (productType !== undefined) issue.productType = productType;
      return this.#locate(issue, input.location);
    });
  }

  #productTypeOf(item: unknown): string | Omit<Issue, 'severity' | 'record'> {
    const visible = (this.#plain ? readVisiblePlain : readVisible)(item);
    if (typeof visible === 'object' && visible !== null && !Array.isArray(visible)) {
      const only = onlyKey(visible);
      if (only !== undefined) return only;
      const keys = Object.keys(visible);
      if (keys.length > 1) {
        return { code: 'record.product_type_ambiguous', path: 'Visible', field: 'Visible', message: `The item names ${keys.length} product types (${keys.join(', ')}); an item has exactly one.`, hint: 'Keep the one block that describes this product and remove the others.' };
      }
    }
    if (this.options.productType !== undefined) return this.options.productType;
    if (this.context.anyEntry !== undefined || this.context.productTypes.length === 0) return ANY_PRODUCT_TYPE;
    return {
      code: 'record.product_type_missing',
      path: 'Visible',
      field: 'Visible',
      message: 'The item does not say its product type: it needs a Visible block named for one product type.',
      hint: `Put the product's attributes under "Visible": {"<product type>": {…}}, e.g. "Visible": {"${this.context.productTypes[0] ?? 'Clothing'}": {…}}.`,
    };
  }

  #perSpecFor(productType: string): Promise<PerSpec | undefined> {
    let p = this.#perSpec.get(productType);
    if (p === undefined) {
      p = (async () => {
        const entry = await this.#store.resolve({ feedType: this.context.feedType, version: this.context.version, productType });
        if (entry === undefined) return undefined;
        const plan = this.#planFor(await this.#compiler.get(entry));
        // One literal, fields in one order: every PerSpec of every Validator has one hidden class (a spread's copy need not).
        const per: PerSpec = { compiled: plan.compiled, readers: plan.readers, readSku: plan.readSku, recordRules: plan.recordRules, feedRules: plan.feedRules, feedStates: undefined };
        return per;
      })();
      this.#perSpec.set(productType, p);
      p.then((per) => this.#ready.set(productType, per)).catch(() => undefined);
    }
    return p;
  }

  /** The compiled spec's rule plans for these options: made once, then shared (specPlans). */
  #planFor(compiled: CompiledSpec): SpecPlan {
    const key = `${this.#plain ? 'plain ' : ''}${JSON.stringify(this.options.rules ?? null)}`;
    let byRules = specPlans.get(compiled);
    if (byRules === undefined) specPlans.set(compiled, (byRules = new Map<string, SpecPlan>()));
    let plan = byRules.get(key);
    if (plan === undefined) {
      plan = this.#makePlan(compiled);
      if (byRules.size < MAX_PLANS) byRules.set(key, plan);
    }
    return plan;
  }

  #makePlan(compiled: CompiledSpec): SpecPlan {
    const rules = rulesFor(ALL_RULES, compiled.attributes, this.options);
    const readers = readersFor(compiled.attributes, this.#plain);
    return {
      compiled,
      readers,
      readSku: readers.readerOf('sku'),
      recordRules: planRecordRules(
        rules.filter((r): r is RecordRule => r.scope === 'record'),
        SCREENS,
        (a) => readers.readerOf(a),
      ),
      feedRules: rules.filter((r): r is FeedRule<unknown> => r.scope === 'feed'),
    };
  }

  #ruleIssue(rule: Rule, f: RuleFinding, index: number, meta: RecordMeta): Issue | undefined {
    const code = f.code ?? rule.id;
    const severity: Severity | 'off' = effectiveSeverity(rule, code, f.severity ?? rule.severity, this.options);
    if (severity === 'off') return undefined;
    const info = meta.attrs.byName.get(f.attribute);
    const base = info?.path ?? f.attribute;
    const path = f.subPath === undefined ? base : `${base}.${f.subPath}`;
    const schemaPaths = this.#schemaPaths.get(index);
    if (schemaPaths !== undefined && (schemaPaths.includes(path) || schemaPaths.includes(base))) return undefined;
    const titleOf = (a: string): string => meta.attrs.byName.get(a)?.title ?? a;
    const placeOf = (n: number): string => {
      const row = meta.location?.row === undefined ? undefined : this.#places.get(n)?.location?.row;
      return row === undefined ? `record ${n}` : `row ${row}`;
    };
    const hint = rule.hint?.(f, titleOf, placeOf);
    const sku = f.sku ?? meta.sku;
    const issue: Issue = {
      code,
      severity,
      record: index,
      ...(sku === undefined ? {} : { sku }),
      path,
      field: f.attribute,
      message: rule.message(f, titleOf, placeOf),
      ...(hint === undefined ? {} : { hint }),
      rule: rule.id,
      productType: f.productType ?? meta.productType,
    };
    return this.#locate(issue, meta.location);
  }

  #locate<T extends Issue>(issue: T, location: SourceLocation | undefined): T {
    if (location === undefined) return issue;
    if (location.sheet !== undefined) issue.sheet = location.sheet;
    if (location.row !== undefined) issue.row = location.row;
    const column = location.columns?.[issue.path] ?? location.columns?.[issue.field];
    if (column !== undefined) {
      issue.column = column;
      if (location.row !== undefined) issue.cell = `${column}${location.row}`;
    }
    return issue;
  }
}
