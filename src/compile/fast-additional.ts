// `additionalProperties: false` for the validator that only answers "is this item valid?" (see compiler.ts). Over more
// than 8 declared properties Ajv asks `Object.prototype.hasOwnProperty.call(schema.properties, key)` for every key of
// the data: a product type's block declares about 130 attributes, and those lookups were about a sixth of a valid
// record's schema check. Here the names are one Set, made once in the compiled module. The same keys pass: the
// properties object of a JSON schema has only its own enumerable keys, which are the Set's, less `__proto__`, which
// the full validator never finds declared (standalone code writes the properties as an object literal, where
// `"__proto__":` sets the prototype; test/compile/valid-only.test.ts holds both to the same answers).
import type { CodeKeywordDefinition, KeywordCxt } from 'ajv';
import { _, Name, stringify } from 'ajv';
import * as additionalModule from 'ajv/dist/vocabularies/applicator/additionalProperties.js';

// Node hands a CommonJS module's exports as named exports and as `default`; vitest hands them as named exports.
const loaded = (additionalModule as unknown as { default: CodeKeywordDefinition | { default: CodeKeywordDefinition } }).default;
const ajvAdditional: CodeKeywordDefinition = 'code' in loaded ? loaded : loaded.default;

/** Ajv's own code for a block of up to this many properties: a chain of `key === "name"`, cheaper than a lookup. */
const CHAIN_MAX = 8;

/** Ajv's `additionalProperties`, except that `false` beside many `properties` checks each key against one Set. */
export const fastAdditionalProperties: CodeKeywordDefinition = {
  ...ajvAdditional,
  code(cxt: KeywordCxt) {
    const { gen, data } = cxt;
    const schema: unknown = cxt.schema;
    const parentSchema = cxt.parentSchema as Record<string, unknown>;
    const props = parentSchema.properties;
    const names = typeof props === 'object' && props !== null ? Object.keys(props).filter((n) => n !== '__proto__') : [];
    if (schema !== false || parentSchema.patternProperties !== undefined || names.length <= CHAIN_MAX) {
      ajvAdditional.code(cxt);
      return;
    }
    cxt.it.props = true;
    const declared = gen.scopeValue('obj', { ref: new Set(names), code: _`new Set(${stringify(names)})` });
    gen.forIn('key', data, (key) => {
      gen.if(_`!${declared}.has(${key})`, () => {
        cxt.setParams({ additionalProperty: key });
        cxt.error();
        gen.break();
      });
    });
    cxt.ok(_`${cxt.errsCount ?? _`0`} === ${new Name('errors')}`);
  },
};
