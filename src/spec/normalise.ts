// Turns a spec as Walmart publishes it (draft-04 or draft-07, with real-world quirks) into one draft-07
// schema that a single Ajv engine compiles strictly. Each change is recorded so it can be explained.
import { isLosslessNumber } from './lossless-json.js';
import type { Draft } from './draft.js';
import { isSchemaObject, walkSchema } from './schema-walk.js';
import type { SchemaObject } from './schema-walk.js';

export interface NormaliseNote {
  change: 'dropped-infinite-bound' | 'draft04-exclusive-bound' | 'dropped-subschema-$schema' | 'draft04-id';
  detail: string;
}

export interface Normalised {
  schema: SchemaObject;
  notes: NormaliseNote[];
}

const BOUNDS = ['maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum'] as const;

/**
 * Normalises `schema` in place (callers pass a freshly parsed copy) and returns it.
 * - `$schema` is dropped everywhere: the engine decides the draft once, from the root.
 * - draft-04 boolean `exclusiveMaximum`/`exclusiveMinimum` become draft-07 numeric bounds.
 * - A bound too large for a double (Walmart's 401- and 1,001-digit maxima) limits nothing a JSON
 *   number can hold, so it is dropped instead of becoming Infinity (which Ajv rejects, and which
 *   serialises as `null`, i.e. "at most 0").
 * - Any other number that a double cannot hold exactly becomes the nearest double.
 */
export function normaliseSpec(schema: SchemaObject, draft: Draft): Normalised {
  const notes: NormaliseNote[] = [];
  let root = true;
  walkSchema(schema, (node) => {
    if ('$schema' in node) {
      if (!root) notes.push({ change: 'dropped-subschema-$schema', detail: String(node.$schema) });
      delete node.$schema;
    }
    root = false;
    if (draft === 'draft-04') {
      if (typeof node.id === 'string') {
        node.$id = node.id;
        delete node.id;
        notes.push({ change: 'draft04-id', detail: String(node.$id) });
      }
      upgradeExclusive(node, 'exclusiveMaximum', 'maximum', notes);
      upgradeExclusive(node, 'exclusiveMinimum', 'minimum', notes);
    }
    for (const key of BOUNDS) {
      const value = node[key];
      if (isLosslessNumber(value)) {
        const n = Number(value.value);
        if (Number.isFinite(n)) node[key] = n;
        else {
          delete node[key];
          notes.push({ change: 'dropped-infinite-bound', detail: `${key} of ${value.value.length} digits` });
        }
      }
    }
  });
  return { schema: toPlainNumbers(schema) as SchemaObject, notes };
}

function upgradeExclusive(node: SchemaObject, exclusive: string, bound: string, notes: NormaliseNote[]): void {
  const flag = node[exclusive];
  if (typeof flag !== 'boolean') return;
  delete node[exclusive];
  if (flag && bound in node) {
    node[exclusive] = node[bound];
    delete node[bound];
    notes.push({ change: 'draft04-exclusive-bound', detail: `${exclusive}: true with ${bound}` });
  }
}

/** Replaces every remaining LosslessNumber (in enum, const, examples...) by a JS number. */
function toPlainNumbers(value: unknown): unknown {
  if (isLosslessNumber(value)) return Number(value.value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = toPlainNumbers(value[i]);
    return value;
  }
  if (isSchemaObject(value)) {
    for (const key of Object.keys(value)) value[key] = toPlainNumbers(value[key]);
  }
  return value;
}
