// Walmart's OpenAPI response schemas as Ajv validators: the fixtures in test/fixtures/openapi/, with
// OpenAPI 3.0's `nullable` turned into JSON Schema, and the extraction the fixtures were made with (so a
// test can check they still match their source).
import { readFileSync } from 'node:fs';
import AjvModule from 'ajv';
import formatsModule from 'ajv-formats';
import { REFERENCE, REPO } from '../helpers/paths.js';

const Ajv = AjvModule.default;
const addFormats = formatsModule.default;

export const FIXTURES = `${REPO}test/fixtures/openapi/`;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** OpenAPI 3.0 `nullable: true` is JSON Schema's `type: [T, "null"]`. */
export function fromOpenApi(node: Json): Json {
  if (Array.isArray(node)) return node.map(fromOpenApi);
  if (node === null || typeof node !== 'object') return node;
  const out: { [key: string]: Json } = {};
  for (const [k, v] of Object.entries(node)) if (k !== 'nullable') out[k] = fromOpenApi(v);
  if (node.nullable === true && typeof node.type === 'string') out.type = [node.type, 'null'];
  return out;
}

export function readFixture(name: string): { [key: string]: Json } {
  return JSON.parse(readFileSync(`${FIXTURES}${name}.schema.json`, 'utf8')) as { [key: string]: Json };
}

/** Walmart's error envelope: {"error": [GatewayError, ...]} around the GatewayError schema. */
function envelope(): Json {
  const { $comment: _c, ...gatewayError } = readFixture('gateway-error');
  return { type: 'object', required: ['error'], properties: { error: { type: 'array', minItems: 1, items: gatewayError } } };
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const cache = new Map<string, (data: unknown) => string[]>();

/** A validator for a fixture ('error-envelope' for the composed envelope); it returns the errors. */
export function schemaCheck(name: string): (data: unknown) => string[] {
  let check = cache.get(name);
  if (check === undefined) {
    const schema = fromOpenApi(name === 'error-envelope' ? envelope() : readFixture(name));
    const validate = ajv.compile(schema as object);
    check = (data) => (validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`));
    cache.set(name, check);
  }
  return check;
}

/** The schema at a JSON path inside one of the reference OpenAPI JSON files, `$ref`s inlined. */
export function extractSchema(file: string, segments: readonly string[]): Json {
  const root = JSON.parse(readFileSync(`${REFERENCE}openapi/${file}`, 'utf8')) as Json;
  const at = (segs: readonly string[]): Json => {
    let node: Json = root;
    for (const s of segs) {
      const next: Json | undefined = node !== null && typeof node === 'object' && !Array.isArray(node) ? node[s] : undefined;
      if (next === undefined) throw new Error(`${file}: nothing at ${segs.join(' / ')}`);
      node = next;
    }
    return node;
  };
  const resolve = (node: Json, stack: readonly string[]): Json => {
    if (Array.isArray(node)) return node.map((n) => resolve(n, stack));
    if (node === null || typeof node !== 'object') return node;
    const ref = node.$ref;
    if (typeof ref === 'string') {
      if (stack.includes(ref)) return {};
      const segs = ref.replace(/^#\//, '').split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
      return resolve(at(segs), [...stack, ref]);
    }
    const out: { [key: string]: Json } = {};
    for (const [k, v] of Object.entries(node)) out[k] = resolve(v, stack);
    return out;
  };
  return resolve(at(segments), []);
}
