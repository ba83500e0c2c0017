// Looks things up in a compiled item schema: the subschema at a JSON pointer (an Ajv schemaPath) and
// the title that a person knows an instance path by.
import { isSchemaObject } from '../spec/schema-walk.js';
import { humanize } from './attributes.js';
import type { SchemaObject } from '../spec/schema-walk.js';
import { Remembered } from '../core/remembered.js';

/** The subschema at `pointer` ("#/properties/a/allOf/0/if"), or undefined. */
export function schemaAt(root: SchemaObject, pointer: string): unknown {
  const parts = pointer.replace(/^#\/?/, '').split('/').filter((p) => p !== '');
  let cur: unknown = root;
  for (const raw of parts) {
    // Ajv's schemaPath is a URI fragment: "Portable Power Banks" appears as "Portable%20Power%20Banks".
    const part = safeDecode(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur)) cur = cur[Number(part)];
    else if (isSchemaObject(cur) && Object.hasOwn(cur, part)) cur = cur[part];
    else return undefined;
  }
  return cur;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export interface TitleLookup {
  /** Title of the innermost titled schema along the path ("Product ID", "Key Features"). */
  title: string;
  /** The attribute name the title belongs to. */
  field: string;
  /** 1-based array positions between that attribute and the value, e.g. [2] for keyFeatures/1. */
  positions: number[];
  /** The schema reached at the end of the path (or the deepest one found). */
  schema: SchemaObject | undefined;
}

/** Lookups per schema, by path: an invalid feed tends to repeat the same few mistakes (at most 4,096 paths a schema). */
const lookups = new Remembered<SchemaObject, string, TitleLookup>(4096);

/** Walks `segments` (instance path) down the schema through properties and items. */
export function titleAlong(root: SchemaObject, segments: readonly string[]): TitleLookup {
  const look = lookups.get(root, JSON.stringify(segments), () => walkTitles(root, segments));
  // Its own positions array: a caller may keep it in a finding.
  return { ...look, positions: [...look.positions] };
}

function walkTitles(root: SchemaObject, segments: readonly string[]): TitleLookup {
  let cur: SchemaObject | undefined = root;
  let title = segments.at(-1) ?? '';
  let field = title;
  let positions: number[] = [];
  for (const seg of segments) {
    if (cur === undefined) break;
    const props: unknown = cur.properties;
    let next: unknown;
    let named = false;
    if (isSchemaObject(props) && Object.hasOwn(props, seg)) {
      next = props[seg];
      field = seg;
      named = true;
      positions = [];
    } else if (/^\d+$/.test(seg) && isSchemaObject(cur.items)) {
      next = cur.items;
      positions.push(Number(seg) + 1);
    } else {
      cur = undefined;
      break;
    }
    cur = isSchemaObject(next) ? next : undefined;
    // A property's title is the schema's own, or its name made readable (worked out only when the schema has none).
    if (cur !== undefined && typeof cur.title === 'string' && !/^\d+$/.test(seg)) title = cur.title;
    else if (named) title = humanize(seg);
  }
  return { title, field, positions, schema: cur };
}
