// Where each attribute of a product type lives in an item (Orderable.sku, Visible.Clothing.gender,
// Item.condition), with its title and schema: rules and messages speak in attribute names and titles.
import { dottedPath } from '../core/dotted-path.js';
import { isSchemaObject } from '../spec/schema-walk.js';
import type { SchemaObject } from '../spec/schema-walk.js';

export interface AttributeInfo {
  name: string;
  /** Path segments from the item root, e.g. ['Visible', 'Clothing', 'gender']. */
  segments: readonly string[];
  path: string;
  title: string;
  schema: SchemaObject;
  /** Listed in its block's `required`. */
  required: boolean;
}

export interface AttributeIndex {
  /** Product type the item's Visible block names, if the spec has one. */
  productType: string | undefined;
  byName: ReadonlyMap<string, AttributeInfo>;
}

/**
 * Indexes the attributes of an item schema. Blocks are the item's top-level properties (Orderable,
 * Visible, TradeItem, Item); Visible holds one product type's block. Where two blocks define the same
 * name (rare), the first block wins, matching the order Walmart lists them.
 */
export function indexAttributes(item: SchemaObject): AttributeIndex {
  const byName = new Map<string, AttributeInfo>();
  let productType: string | undefined;
  const blocks = isSchemaObject(item.properties) ? item.properties : {};
  for (const [blockName, block] of Object.entries(blocks)) {
    if (!isSchemaObject(block) || !isSchemaObject(block.properties)) continue;
    if (blockName === 'Visible') {
      for (const [pt, ptBlock] of Object.entries(block.properties)) {
        if (!isSchemaObject(ptBlock)) continue;
        productType ??= pt;
        addBlock(byName, [blockName, pt], ptBlock);
      }
    } else {
      addBlock(byName, [blockName], block);
    }
  }
  return { productType, byName };
}

function addBlock(into: Map<string, AttributeInfo>, prefix: string[], block: SchemaObject): void {
  const props = block.properties;
  if (!isSchemaObject(props)) return;
  const required = new Set(Array.isArray(block.required) ? block.required : []);
  for (const [name, schema] of Object.entries(props)) {
    if (into.has(name) || !isSchemaObject(schema)) continue;
    const segments = [...prefix, name];
    into.set(name, {
      name,
      segments,
      path: dottedPath(segments),
      title: typeof schema.title === 'string' ? schema.title : humanize(name),
      schema,
      required: required.has(name),
    });
  }
}

/** "productIdentifiers" -> "Product Identifiers": for the few attributes a spec gives no title. */
export function humanize(name: string): string {
  const words = name.replace(/[_-]+/g, ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Reads the value at `segments` from an item, or undefined. */
export function valueAt(item: unknown, segments: readonly string[]): unknown {
  let cur: unknown = item;
  for (const seg of segments) {
    if (typeof cur !== 'object' || cur === null || !Object.hasOwn(cur, seg)) return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}
