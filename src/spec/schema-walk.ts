// Knows which keywords of a JSON Schema hold subschemas, so spec transforms never mistake an
// attribute named "id" or "maximum" (a property name) for a keyword.

export type SchemaObject = Record<string, unknown>;

export function isSchemaObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const SCHEMA_VALUED = ['additionalProperties', 'additionalItems', 'contains', 'propertyNames', 'not', 'if', 'then', 'else'];
const SCHEMA_ARRAYS = ['allOf', 'anyOf', 'oneOf'];
const SCHEMA_MAPS = ['properties', 'patternProperties', 'definitions', '$defs'];

/** Calls `visit` on every schema object reachable from `schema` (including itself), depth first. */
export function walkSchema(schema: unknown, visit: (node: SchemaObject) => void): void {
  if (!isSchemaObject(schema)) return;
  visit(schema);
  for (const key of SCHEMA_VALUED) walkSchema(schema[key], visit);
  for (const key of SCHEMA_ARRAYS) {
    const list = schema[key];
    if (Array.isArray(list)) for (const sub of list) walkSchema(sub, visit);
  }
  for (const key of SCHEMA_MAPS) {
    const map = schema[key];
    if (isSchemaObject(map)) for (const sub of Object.values(map)) walkSchema(sub, visit);
  }
  const items = schema.items;
  if (Array.isArray(items)) for (const sub of items) walkSchema(sub, visit);
  else walkSchema(items, visit);
  const deps = schema.dependencies;
  if (isSchemaObject(deps)) for (const sub of Object.values(deps)) walkSchema(sub, visit);
}
