// `$ref` for the validator that only answers "is this item valid?" (see compiler.ts): it calls the referenced
// attribute's function with the value and one shared, empty context. Ajv's own `$ref` passes each call a new object
// with the instance path, parent and root, which only error objects use: a valid record made one such object per
// attribute it has, the larger part of the garbage the schema check left behind.
import type { CodeKeywordDefinition, KeywordCxt } from 'ajv';
import { _ } from 'ajv';
import * as compileModule from 'ajv/dist/compile/index.js';
import * as refModule from 'ajv/dist/vocabularies/core/ref.js';

// Node hands a CommonJS module's exports as named exports and as `default`; vitest hands them as named exports.
type RefModule = typeof refModule;
type CompileModule = typeof compileModule;
const refs: RefModule = (refModule as unknown as { default?: RefModule }).default?.getValidate === undefined ? refModule : (refModule as unknown as { default: RefModule }).default;
const compile: CompileModule = (compileModule as unknown as { default?: CompileModule }).default?.resolveRef === undefined ? compileModule : (compileModule as unknown as { default: CompileModule }).default;
const ajvRef = (refs as unknown as { default: CodeKeywordDefinition }).default;

/** What a referenced function's context destructures from: nothing, so every field takes its default. */
const EMPTY_CONTEXT = Object.freeze({});

/** Ajv's `$ref`, except that a call to a compiled subschema passes only the data. */
export const fastRef: CodeKeywordDefinition = {
  keyword: '$ref',
  schemaType: 'string',
  code(cxt: KeywordCxt) {
    const it = cxt.it;
    const $ref = cxt.schema as string;
    const { root } = it.schemaEnv;
    // The root itself, a schema inlined in place, or an async one: as Ajv does it.
    if ($ref === '#' || $ref === '#/') return ajvRef.code(cxt);
    const target = compile.resolveRef.call(it.self, root, it.baseId, $ref);
    if (!(target instanceof compile.SchemaEnv) || target.$async === true) return ajvRef.code(cxt);
    const v = refs.getValidate(cxt, target);
    // One empty context object for every call ("obj": a prefix Ajv allows in its outer scope); without a second
    // argument, each call's default `= {}` made one.
    const context = cxt.gen.scopeValue('obj', { ref: EMPTY_CONTEXT, code: _`{}` });
    cxt.pass(_`${v}(${cxt.data}, ${context})`);
  },
};
