// A rejected item's schema findings as issues. A feed repeats a few mistakes at a few places, so each of Ajv's errors
// is explained once per compiled spec and place (keyword, instance path, schema path, missing name) and kept with its
// issue's fixed parts and its words per value seen: a record that repeats known mistakes costs a lookup per error, not
// the rebasing, folding, finding and wording that explainErrors and messages.ts do for the first one.
import type { ErrorObject } from 'ajv';
import { explainErrors, findingWithValue, isPlaceParams } from '../compile/ajv-errors.js';
import type { SchemaFinding } from '../compile/ajv-errors.js';
import type { CompiledSpec } from '../compile/compiler.js';
import { rebaseSchemaPath } from '../compile/split-refs.js';
import { dottedPath } from '../core/dotted-path.js';
import type { Issue } from '../core/issue.js';
import { Remembered } from '../core/remembered.js';
import { schemaWords, valueKey, withTriggers } from './messages.js';
import type { Words } from './messages.js';

/**
 * An error whose finding, but for the value seen, follows from its place (explainErrors remembers such findings: see
 * isPlaceParams), with what its issue takes from it.
 */
interface Place {
  /** explainErrors keeps the first finding per code and path: `${code}|${segments.join('/')}`. */
  id: string;
  /** A `type` error: explainErrors reports nothing else at its instance path. */
  isType: boolean;
  instancePath: string;
  /** The finding, without a value. */
  finding: SchemaFinding;
  /** Whether the finding carries the value seen (every keyword but `required`). */
  hasValue: boolean;
  path: string;
  /** Words per value seen (valueKey), at most WORDS_PER_PLACE. */
  words: Map<string, Words>;
}

/** Places remembered per compiled spec (array positions make many; past this many it starts over). */
const places = new Remembered<CompiledSpec, string, Place | null>(4096);
const WORDS_PER_PLACE = 256;

/**
 * The issues of an item that `compiled.validateItem` has just rejected, in explainErrors' order, without a source
 * location (the validator adds it).
 */
export function schemaIssues(compiled: CompiledSpec, item: unknown, index: number, sku: string | undefined, productType: string): Issue[] {
  const errors = compiled.validateItem.errors ?? [];
  const known = placesOf(compiled, errors, item);
  return known === undefined ? explained(compiled, errors, item, index, sku, productType) : fromPlaces(known, errors, index, sku, productType);
}

/** The errors' places, or undefined when one of them is not a place (anyOf, if/then, unknown attributes...). */
function placesOf(compiled: CompiledSpec, errors: readonly ErrorObject[], item: unknown): Place[] | undefined {
  const out: Place[] = [];
  for (let i = 0; i < errors.length; i++) {
    const e = errors[i] as ErrorObject;
    const missing = e.keyword === 'required' ? `\u0000${String((e.params as { missingProperty?: unknown }).missingProperty)}` : '';
    const place = places.get(compiled, `${e.keyword}\u0000${e.instancePath}\u0000${e.schemaPath}${missing}`, () => placeOf(compiled, e, item));
    if (place === null) return undefined;
    out.push(place);
  }
  return out;
}

function placeOf(compiled: CompiledSpec, e: ErrorObject, item: unknown): Place | null {
  // An `if` error is folded into its `then`'s, whose findings read the item.
  if (e.keyword === 'if') return null;
  const found = explainErrors([e], item, compiled.itemSchema, (x) => rebaseSchemaPath(x, compiled.split));
  const f = found[0];
  if (found.length !== 1 || f === undefined || !isPlaceParams(f.params)) return null;
  const finding: SchemaFinding = { code: f.code, segments: f.segments, field: f.field, title: f.title, positions: f.positions, params: f.params };
  return {
    id: `${f.code}|${f.segments.join('/')}`,
    isType: e.keyword === 'type',
    instancePath: e.instancePath,
    finding,
    hasValue: e.keyword !== 'required',
    path: dottedPath(f.segments),
    words: new Map<string, Words>(),
  };
}

/** What explainErrors does with errors that are all places: no alternatives to fold, `type` first, one per id. */
function fromPlaces(known: readonly Place[], errors: readonly ErrorObject[], index: number, sku: string | undefined, productType: string): Issue[] {
  let typeBroken: Set<string> | undefined;
  for (let i = 0; i < known.length; i++) {
    const p = known[i] as Place;
    if (p.isType) (typeBroken ??= new Set<string>()).add(p.instancePath);
  }
  const issues: Issue[] = [];
  const seen: string[] = [];
  for (let i = 0; i < known.length; i++) {
    const p = known[i] as Place;
    if (!p.isType && typeBroken !== undefined && typeBroken.has(p.instancePath)) continue;
    if (seen.includes(p.id)) continue;
    seen.push(p.id);
    const words = wordsAt(p, p.hasValue ? (errors[i] as ErrorObject).data : undefined);
    issues.push(schemaIssue(p.finding, p.path, words, index, sku, productType));
  }
  return issues;
}

/** The place's words for this value: schemaWords' answer, remembered here too. */
function wordsAt(p: Place, value: unknown): Words {
  const key = valueKey(value);
  let words = key === undefined ? undefined : p.words.get(key);
  if (words === undefined) {
    const finding = p.hasValue ? findingWithValue(p.finding, value) : p.finding;
    words = withTriggers(schemaWords(finding), finding);
    if (key !== undefined) {
      if (p.words.size >= WORDS_PER_PLACE) p.words.clear();
      p.words.set(key, words);
    }
  }
  return words;
}

/** Any errors: explainErrors' findings, each worded afresh. */
function explained(compiled: CompiledSpec, errors: readonly ErrorObject[], item: unknown, index: number, sku: string | undefined, productType: string): Issue[] {
  const rebase = (e: ErrorObject): string => rebaseSchemaPath(e, compiled.split);
  return explainErrors(errors, item, compiled.itemSchema, rebase).map((f) => schemaIssue(f, dottedPath(f.segments), withTriggers(schemaWords(f), f), index, sku, productType));
}

/** The issue, its properties in CONTRACT.md's order (the JSON report writes them so). */
function schemaIssue(f: SchemaFinding, path: string, words: Words, index: number, sku: string | undefined, productType: string): Issue {
  const issue = { code: f.code, severity: 'error', record: index } as Issue;
  if (sku !== undefined) issue.sku = sku;
  issue.path = path;
  issue.field = f.field;
  issue.message = words.message;
  if (words.hint !== undefined) issue.hint = words.hint;
  issue.productType = productType;
  return issue;
}
