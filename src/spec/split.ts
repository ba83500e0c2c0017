// Splits a full Walmart feed spec (header + items with one `Visible` block per product type) into one
// spec per product type, each still a complete feed schema: header, Orderable, that type's Visible
// block, and TradeItem where the spec has one.
import { ANY_PRODUCT_TYPE } from '../core/spec-key.js';
import { SpecError } from '../core/errors.js';
import { isSchemaObject } from './schema-walk.js';
import type { SchemaObject } from './schema-walk.js';

export interface SplitPart {
  productType: string;
  schema: SchemaObject;
}

/** Where a feed spec keeps its parts. Walmart names the item array MPItem (marketplace) or SupplierItem. */
export interface FeedSpecShape {
  headerKey: string | undefined;
  itemsKey: string;
  item: SchemaObject;
}

const ITEM_ARRAY_KEYS = ['MPItem', 'SupplierItem', 'Item'];
const HEADER_KEYS = ['MPItemFeedHeader', 'SupplierItemFeedHeader', 'ItemFeedHeader'];

export function feedSpecShape(spec: SchemaObject): FeedSpecShape {
  const props = spec.properties;
  if (!isSchemaObject(props)) throw new SpecError('SPEC_INVALID', 'the spec has no top-level "properties"; is it a Walmart item spec?');
  const itemsKey = ITEM_ARRAY_KEYS.find((k) => isSchemaObject(props[k]));
  const arr = itemsKey === undefined ? undefined : props[itemsKey];
  const item = isSchemaObject(arr) ? arr.items : undefined;
  if (itemsKey === undefined || !isSchemaObject(item)) {
    throw new SpecError('SPEC_INVALID', `the spec has no item array (${ITEM_ARRAY_KEYS.join(', ')}) with an "items" schema`);
  }
  const headerKey = HEADER_KEYS.find((k) => isSchemaObject(props[k]));
  return { headerKey, itemsKey, item };
}

/** Product types named by a spec's Visible block, in the spec's order. */
export function productTypesOf(spec: SchemaObject): string[] {
  const visible = visibleBlock(feedSpecShape(spec).item);
  return visible ? Object.keys(visible.properties as SchemaObject) : [];
}

function visibleBlock(item: SchemaObject): SchemaObject | undefined {
  const props = item.properties;
  if (!isSchemaObject(props)) return undefined;
  const visible = props.Visible;
  if (!isSchemaObject(visible) || !isSchemaObject(visible.properties)) return undefined;
  return visible;
}

/**
 * One part per product type; a spec with no Visible block (MP_ITEM_MATCH) is one part for any product
 * type. Parts share the unchanged subtrees (header, Orderable, TradeItem) with the input: serialise
 * them, don't mutate them.
 */
export function splitSpec(spec: SchemaObject): SplitPart[] {
  const types = productTypesOf(spec);
  if (types.length === 0) return [{ productType: ANY_PRODUCT_TYPE, schema: spec }];
  if (types.length === 1) return [{ productType: types[0] as string, schema: spec }];
  const { itemsKey, item } = feedSpecShape(spec);
  const props = spec.properties as SchemaObject;
  const itemProps = item.properties as SchemaObject;
  const visible = visibleBlock(item) as SchemaObject;
  const all = visible.properties as SchemaObject;
  // The full spec says "exactly one of 77 types" with anyOf/oneOf; a part says "this one".
  const { anyOf: _anyOf, oneOf: _oneOf, ...visibleRest } = visible;
  return types.map((productType) => {
    const partVisible = { ...visibleRest, properties: { [productType]: all[productType] }, required: [productType] };
    const partItem = { ...item, properties: { ...itemProps, Visible: partVisible } };
    const partArray = { ...(props[itemsKey] as SchemaObject), items: partItem };
    return { productType, schema: { ...spec, properties: { ...props, [itemsKey]: partArray } } };
  });
}

/** The header's spec version enum, e.g. "1.3" inside MP_ITEM 4.3: a feed header must carry it. */
export function headerVersionsOf(spec: SchemaObject): string[] {
  const { headerKey } = feedSpecShape(spec);
  if (headerKey === undefined) return [];
  const header = (spec.properties as SchemaObject)[headerKey];
  const props = isSchemaObject(header) ? header.properties : undefined;
  const version = isSchemaObject(props) ? props.version : undefined;
  const values = isSchemaObject(version) ? version.enum : undefined;
  return Array.isArray(values) ? values.filter((v): v is string => typeof v === 'string') : [];
}
