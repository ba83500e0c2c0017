// What changed for an item between two spec versions, per product type: attributes added or removed,
// attributes that became (or stopped being) required, enum values added or removed, and changed limits.
// Pure: it compares two loaded schemas; the CLI loads them from the cache and prints the result.
import { isLosslessNumber } from './lossless-json.js';
import { feedSpecShape } from './split.js';
import { isSchemaObject } from './schema-walk.js';
import type { SchemaObject } from './schema-walk.js';

export const LIMIT_KEYWORDS = ['maxLength', 'minLength', 'maximum', 'minimum', 'multipleOf'] as const;
export type LimitKeyword = (typeof LIMIT_KEYWORDS)[number];

/** One attribute of an item as the diff sees it: dotted path from the item ("Visible.Clothing.gender"). */
export interface AttributeFacts {
  path: string;
  required: boolean;
  /** Allowed values, its own or (for an array of values) its items'. */
  enum: string[] | undefined;
  /** Limits as their JSON literals (strings, so a 401-digit maximum compares exactly). */
  limits: Partial<Record<LimitKeyword, string>>;
}

export interface LimitChange {
  path: string;
  keyword: LimitKeyword;
  /** Undefined: no such limit in that version. */
  from: string | undefined;
  to: string | undefined;
}

export interface ProductTypeDiff {
  productType: string;
  added: Array<{ path: string; required: boolean }>;
  removed: string[];
  newlyRequired: string[];
  noLongerRequired: string[];
  enumAdded: Array<{ path: string; values: string[] }>;
  enumRemoved: Array<{ path: string; values: string[] }>;
  limits: LimitChange[];
}

export interface SpecDiff {
  feedType: string;
  from: string;
  to: string;
  productTypes: ProductTypeDiff[];
  /** Product types cached for only one of the two versions (not compared). */
  onlyInFrom: string[];
  onlyInTo: string[];
}

function literal(v: unknown): string | undefined {
  if (typeof v === 'number' || typeof v === 'string') return String(v);
  // A LosslessNumber prints as the literal it was read from, every digit kept.
  if (isLosslessNumber(v)) return v.toString();
  return undefined;
}

function enumOf(node: SchemaObject): string[] | undefined {
  const own = node.enum;
  const items = node.items;
  const list = Array.isArray(own) ? own : isSchemaObject(items) && Array.isArray(items.enum) ? items.enum : undefined;
  return list?.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
}

function limitsOf(node: SchemaObject): Partial<Record<LimitKeyword, string>> {
  const items = isSchemaObject(node.items) ? node.items : {};
  const out: Partial<Record<LimitKeyword, string>> = {};
  for (const k of LIMIT_KEYWORDS) {
    const v = literal(node[k]) ?? literal(items[k]);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

function walk(node: SchemaObject, prefix: string, required: boolean, out: Map<string, AttributeFacts>): void {
  const props = isSchemaObject(node.properties) ? node.properties : isSchemaObject(node.items) && isSchemaObject(node.items.properties) ? node.items.properties : undefined;
  const owner = props === node.properties ? node : isSchemaObject(node.items) ? node.items : node;
  if (prefix !== '') out.set(prefix, { path: prefix, required, enum: enumOf(node), limits: limitsOf(node) });
  if (props === undefined) return;
  const req = new Set(Array.isArray(owner.required) ? owner.required.filter((r): r is string => typeof r === 'string') : []);
  for (const [name, child] of Object.entries(props)) {
    if (isSchemaObject(child)) walk(child, prefix === '' ? name : `${prefix}.${name}`, req.has(name), out);
  }
}

/** Every attribute of a feed spec's item, by dotted path. */
export function attributesOf(spec: SchemaObject): Map<string, AttributeFacts> {
  const out = new Map<string, AttributeFacts>();
  walk(feedSpecShape(spec).item, '', true, out);
  return out;
}

/** The changes from `from` to `to`, both feed specs for `productType`. */
export function diffProductType(productType: string, from: SchemaObject, to: SchemaObject): ProductTypeDiff {
  const a = attributesOf(from);
  const b = attributesOf(to);
  const d: ProductTypeDiff = { productType, added: [], removed: [], newlyRequired: [], noLongerRequired: [], enumAdded: [], enumRemoved: [], limits: [] };
  for (const [path, fb] of b) {
    const fa = a.get(path);
    if (fa === undefined) {
      d.added.push({ path, required: fb.required });
      continue;
    }
    if (fb.required && !fa.required) d.newlyRequired.push(path);
    if (!fb.required && fa.required) d.noLongerRequired.push(path);
    if (fa.enum !== undefined && fb.enum !== undefined) {
      const added = fb.enum.filter((v) => !fa.enum?.includes(v));
      const removed = fa.enum.filter((v) => !fb.enum?.includes(v));
      if (added.length > 0) d.enumAdded.push({ path, values: added });
      if (removed.length > 0) d.enumRemoved.push({ path, values: removed });
    }
    for (const keyword of LIMIT_KEYWORDS) {
      if (fa.limits[keyword] !== fb.limits[keyword]) d.limits.push({ path, keyword, from: fa.limits[keyword], to: fb.limits[keyword] });
    }
  }
  for (const path of a.keys()) if (!b.has(path)) d.removed.push(path);
  return d;
}

export function isEmptyDiff(d: ProductTypeDiff): boolean {
  return d.added.length + d.removed.length + d.newlyRequired.length + d.noLongerRequired.length + d.enumAdded.length + d.enumRemoved.length + d.limits.length === 0;
}

function quoteAll(values: readonly string[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

/** The diff as text for a person. */
export function formatDiff(diff: SpecDiff): string {
  const lines: string[] = [`${diff.feedType} ${diff.from} -> ${diff.to}`];
  for (const d of diff.productTypes) {
    if (isEmptyDiff(d)) {
      lines.push(`\n${d.productType}: no changes`);
      continue;
    }
    lines.push(`\n${d.productType}:`);
    for (const x of d.added) lines.push(`  + ${x.path}${x.required ? '  (required)' : ''}`);
    for (const p of d.removed) lines.push(`  - ${p}`);
    for (const p of d.newlyRequired) lines.push(`  ! ${p} is now required`);
    for (const p of d.noLongerRequired) lines.push(`  ~ ${p} is no longer required`);
    for (const x of d.enumAdded) lines.push(`  ~ ${x.path}: values added ${quoteAll(x.values)}`);
    for (const x of d.enumRemoved) lines.push(`  ! ${x.path}: values removed ${quoteAll(x.values)}`);
    for (const x of d.limits) lines.push(`  ~ ${x.path}: ${x.keyword} ${x.from ?? '(none)'} -> ${x.to ?? '(none)'}`);
  }
  if (diff.onlyInFrom.length > 0) lines.push(`\nOnly in ${diff.from}: ${diff.onlyInFrom.join('; ')}`);
  if (diff.onlyInTo.length > 0) lines.push(`\nOnly in ${diff.to}: ${diff.onlyInTo.join('; ')}`);
  return lines.join('\n') + '\n';
}
