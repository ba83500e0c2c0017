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
    const fast = standaloneCode(validOnly, { itemIsValid: 'item' });
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
