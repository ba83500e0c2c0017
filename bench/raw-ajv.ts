// The baseline a competent developer would hand-write: ajv-draft-04 + ajv-formats compiling the cached
// product-type schema as it stands, validating each item and collecting Ajv's errors (no rules, no messages).
import { readFileSync } from 'node:fs';
import Ajv04Module from 'ajv-draft-04';
import type { ErrorObject, ValidateFunction } from 'ajv-draft-04';
import formatsModule from 'ajv-formats';

const Ajv04 = Ajv04Module.default;
const addFormats = formatsModule.default;

/**
 * Exactly what raw Ajv needs for Walmart's MP_ITEM 4.3 specs (checked against all 77 cached 4.3 product
 * types and the full MP_ITEM_SPEC_4.3.json):
 * - ajv-draft-04 (the specs say draft-04: boolean exclusiveMaximum), `allErrors: true` to list every error;
 * - ajv-formats, for `uri` and `date-time` (without it Ajv throws "unknown format");
 * - Ajv's default strict mode is enough. `strict: false` is not needed (it only drops the isFinite test of
 *   strictNumbers); `strict: true` fails on the full spec (strictRequired, in the Visible anyOf).
 * - the reviver below (see parseSpec).
 */
export const RAW_AJV_OPTIONS = { allErrors: true } as const;

/**
 * JSON.parse reads Walmart's 401- and 1,001-digit `maximum` literals as Infinity, which Ajv refuses ("maximum must
 * be number"; and JSON would serialise it as null). The minimal workaround: a reviver that turns a non-finite
 * number into Number.MAX_VALUE, a bound no JSON number exceeds. Deleting the key instead breaks draft-04's
 * "exclusiveMaximum requires maximum". Clothing has no such literal, so for it the reviver changes nothing;
 * 12 of the 77 MP_ITEM 4.3 product types (Tools, Toys, ...) need it.
 */
export function parseSpec(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? Number.MAX_VALUE : value));
}

/** `properties.MPItem.items`: the schema of one item. */
export function itemSchemaOf(spec: unknown): object {
  const item = (spec as { properties?: { MPItem?: { items?: unknown } } }).properties?.MPItem?.items;
  if (typeof item !== 'object' || item === null) throw new Error('spec has no properties.MPItem.items');
  return item;
}

export interface RawCompiled {
  validate: ValidateFunction;
  /** Read + parse of the spec file. */
  readMs: number;
  /** new Ajv + addFormats + compile. */
  compileMs: number;
}

/** Reads a cached spec file and compiles its item schema. */
export function compileRawAjv(specFile: string): RawCompiled {
  const t0 = performance.now();
  const schema = itemSchemaOf(parseSpec(readFileSync(specFile, 'utf8')));
  const t1 = performance.now();
  const ajv = new Ajv04(RAW_AJV_OPTIONS);
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const t2 = performance.now();
  return { validate, readMs: t1 - t0, compileMs: t2 - t1 };
}

export interface RawFinding {
  /** 1-based, like catalog-gate's record numbers. */
  record: number;
  errors: ErrorObject[];
}

/** Validates every item, collecting each invalid item's errors (Ajv replaces `validate.errors` on every call). */
export function validateAllRaw(validate: ValidateFunction, items: readonly unknown[]): RawFinding[] {
  const findings: RawFinding[] = [];
  for (let i = 0; i < items.length; i++) {
    if (!validate(items[i])) findings.push({ record: i + 1, errors: validate.errors ?? [] });
  }
  return findings;
}
