// Get Spec answers for several product types at once; the cache holds one complete feed schema per type.
// The answer is the first type's schema (header, Orderable and all are the same in each) with the other
// types' Visible blocks added, and "one of these types" said the way Walmart's full specs say it (anyOf).
import { feedSpecShape } from '../../spec/split.js';
import { isSchemaObject } from '../../spec/schema-walk.js';
import type { SchemaObject } from '../../spec/schema-walk.js';

export interface SpecPart {
  productType: string;
  /** A loaded cache entry; merged in place, so pass fresh copies (SpecStore.load gives those). */
  schema: SchemaObject;
}

function visibleOf(schema: SchemaObject): SchemaObject | undefined {
  const { item } = feedSpecShape(schema);
  const props = item.properties;
  const visible = isSchemaObject(props) ? props.Visible : undefined;
  return isSchemaObject(visible) && isSchemaObject(visible.properties) ? visible : undefined;
}

export function mergeProductTypes(parts: readonly SpecPart[]): SchemaObject {
  const [first, ...rest] = parts;
  if (first === undefined) throw new RangeError('mergeProductTypes needs at least one part');
  const base = first.schema;
  if (rest.length === 0) return base;
  const visible = visibleOf(base);
  if (visible === undefined) return base;
  const properties = visible.properties as SchemaObject;
  const types = [first.productType];
  for (const part of rest) {
    const theirs = visibleOf(part.schema);
    const block = theirs === undefined ? undefined : (theirs.properties as SchemaObject)[part.productType];
    if (block === undefined) continue;
    properties[part.productType] = block;
    types.push(part.productType);
    // Shared definitions (split specs keep $refs local) must come along with the blocks that use them.
    for (const key of ['definitions', '$defs']) {
      const defs = part.schema[key];
      if (isSchemaObject(defs)) base[key] = { ...(isSchemaObject(base[key]) ? base[key] : {}), ...defs };
    }
  }
  delete visible.required;
  delete visible.oneOf;
  visible.anyOf = types.map((t) => ({ type: 'object', required: [t] }));
  return base;
}
