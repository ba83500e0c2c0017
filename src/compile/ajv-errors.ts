// Ajv's errors for one item -> one finding per root cause, as data (codes and params, no words).
// Wrapper errors (`if`, `anyOf`) are folded into what caused them; a value of the wrong type reports
// only that; a violated if/then names the attribute and value that made the field required.
import type { ErrorObject } from 'ajv';
import { isSchemaObject } from '../spec/schema-walk.js';
import type { SchemaObject } from '../spec/schema-walk.js';
import { schemaAt, titleAlong } from './schema-nav.js';
import { Remembered } from '../core/remembered.js';

export type SchemaCode =
  | 'schema.required'
  | 'schema.conditional_required'
  | 'schema.type'
  | 'schema.enum'
  | 'schema.const'
  | 'schema.format'
  | 'schema.too_long'
  | 'schema.too_short'
  | 'schema.too_large'
  | 'schema.too_small'
  | 'schema.multiple_of'
  | 'schema.unknown_attribute'
  | 'schema.too_few_items'
  | 'schema.too_many_items'
  | 'schema.duplicate_items'
  | 'schema.pattern'
  | 'schema.no_match'
  | 'schema.invalid';

/** What made a conditionally required attribute required: another attribute and its value. */
export interface Trigger {
  field: string;
  title: string;
  value: unknown;
}

export interface SchemaFinding {
  code: SchemaCode;
  /** Instance path segments of the attribute the finding is about (for `required`, the missing one). */
  segments: string[];
  field: string;
  title: string;
  /** 1-based array positions under the attribute (["Key Features" item 2] -> [2]). */
  positions: number[];
  /** The value seen; absent for missing attributes. */
  value?: unknown;
  /** Keyword parameters: limit, allowedValues, format, type, multipleOf, additionalProperty, triggers... */
  params: Record<string, unknown>;
}

const KEYWORD_CODES: Readonly<Record<string, SchemaCode>> = {
  required: 'schema.required',
  type: 'schema.type',
  enum: 'schema.enum',
  const: 'schema.const',
  format: 'schema.format',
  maxLength: 'schema.too_long',
  minLength: 'schema.too_short',
  maximum: 'schema.too_large',
  exclusiveMaximum: 'schema.too_large',
  minimum: 'schema.too_small',
  exclusiveMinimum: 'schema.too_small',
  multipleOf: 'schema.multiple_of',
  additionalProperties: 'schema.unknown_attribute',
  minItems: 'schema.too_few_items',
  maxItems: 'schema.too_many_items',
  uniqueItems: 'schema.duplicate_items',
  pattern: 'schema.pattern',
  dependencies: 'schema.required',
};

/**
 * `rebase` maps an error's schemaPath onto `itemSchema` where the compiled schema differs from it
 * (attributes split into their own functions, see split-refs.ts).
 */
export function explainErrors(errors: readonly ErrorObject[], item: unknown, itemSchema: SchemaObject, rebase?: (e: ErrorObject) => string): SchemaFinding[] {
  const whole = rebase === undefined ? errors : errors.map((e) => ({ ...e, schemaPath: rebase(e) }));
  const kept = foldAlternatives(whole.filter((e) => e.keyword !== 'if'));
  const typeBroken = new Set(kept.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const out: SchemaFinding[] = [];
  const seen = new Set<string>();
  for (const e of kept) {
    if (e.keyword !== 'type' && typeBroken.has(e.instancePath)) continue;
    const finding = findingAt(e, item, itemSchema);
    const id = `${finding.code}|${finding.segments.join('/')}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(finding);
  }
  return out;
}

/**
 * Keywords whose finding, but for the value seen, follows from the schema and the place of the error (its keyword,
 * instance path, schema path and, for `required`, the missing name): their params are the schema's.
 */
const PLACE_KEYWORDS = new Set(['required', 'type', 'enum', 'const', 'format', 'maxLength', 'minLength', 'maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum', 'multipleOf', 'pattern', 'minItems', 'maxItems']);

/** Findings without their value, per item schema and place (at most 4,096 places a schema: array positions make many). */
const atPlace = new Remembered<SchemaObject, string, SchemaFinding>(4096);
/** The params of remembered findings: findings that share them differ only in their value (see isPlaceParams). */
const placeParams = new WeakSet<object>();

/** Whether findings with these params are alike but for their value: what the words for one value are, they are for all. */
export function isPlaceParams(params: object): boolean {
  return placeParams.has(params);
}

/** The error's place, when its finding follows from it (see PLACE_KEYWORDS); a then-branch's also reads the item. */
function placeOf(e: ErrorObject): string | undefined {
  if (!PLACE_KEYWORDS.has(e.keyword) || e.schemaPath.includes('/then/')) return undefined;
  const missing = e.keyword === 'required' ? String((e.params as { missingProperty?: unknown }).missingProperty) : '';
  return JSON.stringify([e.keyword, e.instancePath, e.schemaPath, missing]);
}

/**
 * The finding with the value seen, as a new object of the same fields. Not `{ ...f, value }`: in Node 20's V8 the copy
 * a spread makes, given a property its source lacks, gets a hidden class of its own, so every finding worded after it
 * had one, and each property read of one (the messages read a finding's code, title, positions, params and value) was
 * a miss of V8's inline caches: 17,718 hidden classes among 17,727 findings of the bench's invalid items.
 */
export function findingWithValue(f: SchemaFinding, value: unknown): SchemaFinding {
  return { code: f.code, segments: f.segments, field: f.field, title: f.title, positions: f.positions, params: f.params, value };
}

/** toFinding, worked out once per place and then copied with the value seen. */
function findingAt(e: ErrorObject, item: unknown, itemSchema: SchemaObject): SchemaFinding {
  const place = placeOf(e);
  if (place === undefined) return toFinding(e, item, itemSchema);
  const known = atPlace.get(itemSchema, place, () => {
    const f = toFinding(e, item, itemSchema);
    delete f.value;
    placeParams.add(f.params);
    return f;
  });
  const finding: SchemaFinding = { code: known.code, segments: [...known.segments], field: known.field, title: known.title, positions: [...known.positions], params: known.params };
  // As toFinding: a missing attribute has no value.
  if (e.keyword !== 'required') finding.value = e.data;
  return finding;
}

/**
 * For a failed anyOf/oneOf, keep only the errors of the branch that came closest (fewest errors):
 * reporting every branch's complaints buries the one fix that matters.
 */
function foldAlternatives(errors: readonly ErrorObject[]): ErrorObject[] {
  const alternatives = errors.filter((e) => (e.keyword === 'anyOf' || e.keyword === 'oneOf') && !isAmbiguousOneOf(e));
  if (alternatives.length === 0) return [...errors];
  const drop = new Set<ErrorObject>();
  // Innermost first, so an outer anyOf sees its branches already folded.
  for (const alt of [...alternatives].sort((a, b) => b.schemaPath.length - a.schemaPath.length)) {
    const prefix = alt.schemaPath + '/';
    const byBranch = new Map<string, ErrorObject[]>();
    for (const e of errors) {
      if (drop.has(e) || !e.schemaPath.startsWith(prefix)) continue;
      const branch = e.schemaPath.slice(prefix.length).split('/')[0] ?? '';
      const list = byBranch.get(branch) ?? [];
      list.push(e);
      byBranch.set(branch, list);
    }
    const branches = [...byBranch.values()];
    if (branches.length === 0) continue;
    const best = branches.reduce((a, b) => (b.length < a.length ? b : a));
    for (const list of branches) if (list !== best) for (const e of list) drop.add(e);
    drop.add(alt);
  }
  return errors.filter((e) => !drop.has(e));
}

function isAmbiguousOneOf(e: ErrorObject): boolean {
  return e.keyword === 'oneOf' && Array.isArray((e.params as { passingSchemas?: unknown }).passingSchemas);
}

function toFinding(e: ErrorObject, item: unknown, itemSchema: SchemaObject): SchemaFinding {
  const segments = pointerSegments(e.instancePath);
  const params: Record<string, unknown> = {};
  let code: SchemaCode = KEYWORD_CODES[e.keyword] ?? (e.keyword === 'anyOf' || e.keyword === 'oneOf' ? 'schema.no_match' : 'schema.invalid');
  let value: unknown = e.data;
  let hasValue = true;
  const p = e.params as Record<string, unknown>;

  switch (e.keyword) {
    case 'required':
    case 'dependencies': {
      segments.push(String(p.missingProperty));
      hasValue = false;
      const triggers = e.schemaPath.includes('/then/') ? triggersFor(e, item, itemSchema) : [];
      if (triggers.length > 0) {
        code = 'schema.conditional_required';
        params.triggers = triggers;
      }
      if (e.keyword === 'dependencies') params.because = p.property;
      break;
    }
    case 'additionalProperties':
      segments.push(String(p.additionalProperty));
      params.known = isSchemaObject(e.parentSchema) && isSchemaObject(e.parentSchema.properties) ? propertyNames(e.parentSchema.properties) : [];
      value = isObject(e.data) ? e.data[String(p.additionalProperty)] : undefined;
      break;
    case 'enum':
      params.allowedValues = p.allowedValues;
      break;
    case 'const':
      params.allowedValues = [p.allowedValue];
      break;
    case 'type':
      params.type = p.type;
      break;
    case 'format':
      params.format = p.format;
      break;
    case 'multipleOf':
      params.multipleOf = p.multipleOf;
      break;
    case 'pattern':
      params.pattern = p.pattern;
      break;
    case 'uniqueItems':
      params.positions = [Number(p.j) + 1, Number(p.i) + 1];
      break;
    case 'maximum':
    case 'minimum':
    case 'exclusiveMaximum':
    case 'exclusiveMinimum':
      params.limit = p.limit;
      params.exclusive = e.keyword.startsWith('exclusive');
      break;
    default:
      if ('limit' in p) params.limit = p.limit;
      if (code === 'schema.invalid') params.keyword = e.keyword;
  }
  if (e.schemaPath.includes('/then/') && code !== 'schema.conditional_required') {
    const triggers = triggersFor(e, item, itemSchema);
    if (triggers.length > 0) params.triggers = triggers;
  }
  const look = titleAlong(itemSchema, segments);
  const finding: SchemaFinding = { code, segments, field: look.field, title: look.title, positions: look.positions, params };
  if (e.keyword === 'additionalProperties') {
    // The schema does not know the attribute: it has no title, only the name the feed used.
    finding.field = finding.title = String(p.additionalProperty);
    finding.positions = [];
    params.parentTitle = titleAlong(itemSchema, segments.slice(0, -1)).title;
  }
  if (hasValue) finding.value = value;
  return finding;
}

/**
 * The attributes whose values satisfied the `if` that led to this `then`: e.g. has_written_warranty
 * = "Yes - Warranty URL". Reads the `if` schema's properties (directly or in its anyOf/allOf branches)
 * against the object the `then` applied to.
 */
function triggersFor(e: ErrorObject, item: unknown, itemSchema: SchemaObject): Trigger[] {
  const at = e.schemaPath.lastIndexOf('/then/');
  const ifSchema = schemaAt(itemSchema, e.schemaPath.slice(0, at) + '/if');
  const ownerSegments = pointerSegments(e.instancePath);
  let owner: unknown = item;
  for (const s of ownerSegments) owner = isObject(owner) ? owner[s] : undefined;
  if (!isObject(owner)) return [];
  const triggers: Trigger[] = [];
  const seen = new Set<string>();
  const visit = (schema: unknown): void => {
    if (!isSchemaObject(schema)) return;
    const props = isSchemaObject(schema.properties) ? schema.properties : {};
    const names = new Set([...Object.keys(props), ...(Array.isArray(schema.required) ? schema.required.map(String) : [])]);
    for (const name of names) {
      if (seen.has(name) || !Object.hasOwn(owner, name)) continue;
      const value = owner[name];
      const cond = props[name];
      if (isSchemaObject(cond) && !matchesSimple(cond, value)) continue;
      seen.add(name);
      triggers.push({ field: name, title: titleAlong(itemSchema, [...ownerSegments, name]).title, value });
    }
    for (const key of ['anyOf', 'allOf', 'oneOf'] as const) {
      const list = schema[key];
      if (Array.isArray(list)) for (const sub of list) visit(sub);
    }
  };
  visit(ifSchema);
  return triggers;
}

/** Enough of JSON Schema to tell which branch of an `if` a value satisfied: enum, const, type. */
function matchesSimple(cond: SchemaObject, value: unknown): boolean {
  const values = Array.isArray(value) ? value : [value];
  if (Array.isArray(cond.enum) && !values.some((v) => (cond.enum as unknown[]).includes(v))) return false;
  if ('const' in cond && !values.includes(cond.const)) return false;
  return true;
}

function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  const parts = pointer.slice(1).split('/');
  // Escapes are rare in attribute names: most pointers need no unescaping.
  return pointer.includes('~') ? parts.map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')) : parts;
}

/** An object schema's property names, listed once per schema (the same list each time, so suggestions are remembered). */
const names = new WeakMap<SchemaObject, string[]>();

function propertyNames(properties: SchemaObject): string[] {
  let list = names.get(properties);
  if (list === undefined) names.set(properties, (list = Object.keys(properties)));
  return list;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
