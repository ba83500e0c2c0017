// Ajv compiles a schema into one function per $ref'd subschema. A Walmart product type inlined whole
// is one function of ~350 KB, too big for V8 to optimise; with every attribute behind its own $ref
// (and inlineRefs off) validation is about four times faster. Errors inside an attribute then carry a
// schemaPath relative to that attribute; `rebaseSchemaPath` puts them back on the original schema.
import type { ErrorObject } from 'ajv';
import { isSchemaObject } from '../spec/schema-walk.js';
import type { SchemaObject } from '../spec/schema-walk.js';

const DEF_PREFIX = 'catalogGateAttr';

export interface SplitSchema {
  /** What Ajv compiles: the item schema with each attribute replaced by a $ref. */
  schema: SchemaObject;
  /** Instance path of an attribute ("/Orderable/sku") -> its schema pointer in the original item schema. */
  attributePointers: ReadonlyMap<string, string>;
  /** The item's block names (Orderable, Visible, TradeItem, Item): full schemaPaths start with them. */
  blocks: ReadonlySet<string>;
}

/** Ajv's schemaPath escaping: JSON pointer escaping, then URI-fragment encoding. */
function pointerSegment(s: string): string {
  return encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'));
}

function instanceSegment(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function splitAttributes(item: SchemaObject): SplitSchema {
  const pointers = new Map<string, string>();
  const props = isSchemaObject(item.properties) ? item.properties : {};
  const definitions: SchemaObject = isSchemaObject(item.definitions) ? { ...item.definitions } : {};
  let n = 0;
  const splitBlock = (block: SchemaObject, instance: string[], pointer: string): SchemaObject => {
    if (!isSchemaObject(block.properties)) return block;
    const out: SchemaObject = {};
    for (const [name, sub] of Object.entries(block.properties)) {
      if (!isSchemaObject(sub)) {
        out[name] = sub;
        continue;
      }
      const id = `${DEF_PREFIX}${n++}`;
      definitions[id] = sub;
      out[name] = { $ref: `#/definitions/${id}` };
      pointers.set('/' + [...instance, name].map(instanceSegment).join('/'), `${pointer}/properties/${pointerSegment(name)}`);
    }
    return { ...block, properties: out };
  };
  const newProps: SchemaObject = {};
  for (const [blockName, block] of Object.entries(props)) {
    const at = `#/properties/${pointerSegment(blockName)}`;
    if (!isSchemaObject(block)) newProps[blockName] = block;
    else if (blockName === 'Visible' && isSchemaObject(block.properties)) {
      const types: SchemaObject = {};
      for (const [pt, ptBlock] of Object.entries(block.properties)) {
        types[pt] = isSchemaObject(ptBlock) ? splitBlock(ptBlock, [blockName, pt], `${at}/properties/${pointerSegment(pt)}`) : ptBlock;
      }
      newProps[blockName] = { ...block, properties: types };
    } else newProps[blockName] = splitBlock(block, [blockName], at);
  }
  return { schema: { ...item, properties: newProps, definitions }, attributePointers: pointers, blocks: new Set(Object.keys(props)) };
}

/**
 * The schemaPath an error would have had in the unsplit schema. Paths that start at the item's root
 * or at one of its blocks are already whole; the rest are relative to the attribute the instance path
 * is in.
 */
export function rebaseSchemaPath(e: ErrorObject, split: Pick<SplitSchema, 'attributePointers' | 'blocks'>): string {
  const p = e.schemaPath;
  const parts = p.slice(2).split('/');
  // "#/properties/Orderable/…" and "#/properties/Visible/…" are whole: blocks are not split.
  if (parts[0] === 'properties' && split.blocks.has(decodeURIComponent(parts[1] ?? '').replace(/~1/g, '/').replace(/~0/g, '~'))) return p;
  const prefix = attributePrefix(e.instancePath, split);
  return prefix === undefined ? p : prefix + p.slice(1);
}

function attributePrefix(instancePath: string, split: Pick<SplitSchema, 'attributePointers'>): string | undefined {
  const segs = instancePath.split('/');
  // "/Orderable/sku/…" has its attribute in three segments (with the leading ""); "/Visible/Clothing/gender/…" in four.
  for (const depth of [3, 4]) {
    if (segs.length < depth) break;
    const hit = split.attributePointers.get(segs.slice(0, depth).join('/'));
    if (hit !== undefined) return hit;
  }
  return undefined;
}
