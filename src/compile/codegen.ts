// Ajv standalone code for one spec entry: the module a cold start loads (the valid-only item validator and the
// header's), and the full item validator, generated only when a record is rejected (see compiler.ts). This module is
// Ajv's compiler: a warm start never loads it, and it loads synchronously (require), so the full validator can be
// made in the middle of a record.
import standaloneModule from 'ajv/dist/standalone/index.js';
import { SpecError } from '../core/errors.js';
import { formatSpecKey } from '../core/spec-key.js';
import type { SpecKey } from '../core/spec-key.js';
import type { SchemaObject } from '../spec/schema-walk.js';
import { createAjv } from './ajv.js';

// Node hands a CommonJS module's exports object to a default import, whose `default` is the function.
const standaloneCode = standaloneModule.default;

/** The code a start loads: `itemIsValid` (valid-only, see fast-ref.ts) and `header` (with errors) where there is one. */
export function generateFast(entry: SpecKey, item: SchemaObject, header: SchemaObject | undefined): string {
  return explained(entry, () => {
    const validOnly = createAjv('valid-only');
    validOnly.addSchema(item, 'item');
    const fast = withoutContext(withoutUnusedSchemas(standaloneCode(validOnly, { itemIsValid: 'item' }), validOnly));
    if (header === undefined) return fast;
    const full = createAjv();
    full.addSchema(header, 'header');
    // Each validator's code in a scope of its own: both name their functions validate1, validate2…
    return `${fast}\nexports.header = (function () {\nconst exports = {};\n${standaloneCode(full, { header: 'header' })}\nreturn exports.header;\n})();\n`;
  });
}

/** The code of the full item validator, `item`: every error, with the data it was about. */
export function generateFull(entry: SpecKey, item: SchemaObject): string {
  return explained(entry, () => {
    const ajv = createAjv();
    ajv.addSchema(item, 'item');
    return standaloneCode(ajv, { item: 'item' });
  });
}

/** A name in Ajv's scope of outer values, and its value's code (how it is declared in standalone code). */
interface ScopeName {
  str: string;
  value?: { code?: { toString(): string } };
}

/**
 * Ajv's standalone code without the schema constants (`const schema12 = {…};`) that no code reads. Ajv declares
 * every compiled schema as a constant for error objects (`parentSchema`, `schema`) and keywords that read their
 * schema at run time (a long enum); the valid-only validator builds no error objects, so most are never read, yet
 * every start built them (~47 KB of object literals for MP_ITEM 4.3 Clothing). A constant named anywhere else in
 * the code is kept; code whose declarations are not found as Ajv writes them is returned unchanged.
 */
export function withoutUnusedSchemas(code: string, ajv: ReturnType<typeof createAjv>): string {
  const names = (ajv.scope as unknown as { _values?: Record<string, Map<unknown, ScopeName> | undefined> })._values?.['schema'];
  if (names === undefined) return code;
  const declarations: Array<{ name: string; at: number; end: number }> = [];
  for (const name of names.values()) {
    if (name.value?.code === undefined) continue;
    const text = `const ${name.str} = ${name.value.code.toString()};`;
    const at = code.indexOf(text);
    if (at >= 0) declarations.push({ name: name.str, at, end: at + text.length });
  }
  declarations.sort((a, b) => a.at - b.at);
  // What the code reads, the declarations (JSON literals, not code) left out.
  let rest = '';
  let from = 0;
  for (const d of declarations) {
    if (d.at < from) return code;
    rest += code.slice(from, d.at);
    from = d.end;
  }
  rest += code.slice(from);
  const read = new Set(rest.match(/\bschema\d+\b/g));
  let out = '';
  from = 0;
  for (const d of declarations) {
    if (read.has(d.name)) continue;
    out += code.slice(from, d.at);
    from = d.end;
  }
  return out + code.slice(from);
}

/** How Ajv's standalone code declares a validator's parameters: the data, then a context it destructures. */
const CONTEXT_PARAMETERS = '(data, {instancePath="", parentData, parentDataProperty, rootData=data}={})';
/** The context's names: code that reads one needs the context. */
const CONTEXT_NAMES = /\b(?:instancePath|parentData|parentDataProperty|rootData)\b/;
/** A validator's last statements: it records its errors (none, null, when it passes), then answers. */
const LAST_RETURN = /\b(validate\d+)\.errors = vErrors;return errors === 0;/g;

/**
 * The valid-only validator's code without the work only error objects need. Each attribute's function destructured
 * its context argument (four property reads and a default) on every call, and stored its (null) errors on itself
 * before answering true: about 440 of the ~9,400 instructions a valid benchmark record's schema check took
 * (callgrind, 2026-11-25). The valid-only validator builds no error objects, so nothing reads the context, and only
 * a failure's errors are read (by the caller of a failed Ajv `$ref`, and by nobody else: CompiledSpec.isValidItem
 * answers a boolean), so every store on a failure stays. Code that names the context anywhere is returned unchanged.
 */
export function withoutContext(code: string): string {
  const bare = code.split(CONTEXT_PARAMETERS).join('(data)');
  if (CONTEXT_NAMES.test(bare)) return code;
  return bare.replace(LAST_RETURN, 'if(errors === 0){return true;}$1.errors = vErrors;return false;');
}

/** Ajv's compile errors as the SpecError a user reads: an unknown keyword named, anything else quoted. */
function explained(entry: SpecKey, generate: () => string): string {
  try {
    return generate();
  } catch (e) {
    const message = (e as Error).message;
    const keyword = /unknown keyword: "([^"]+)"/.exec(message)?.[1];
    if (keyword !== undefined) {
      throw new SpecError(
        'SPEC_UNSUPPORTED_KEYWORD',
        `the spec ${formatSpecKey(entry)} uses the keyword "${keyword}", which catalog-gate does not know; it will not guess what it means (Ajv strict mode)`,
        { cause: e },
      );
    }
    throw new SpecError('SPEC_INVALID', `the spec ${formatSpecKey(entry)} does not compile: ${message}`, { cause: e });
  }
}
