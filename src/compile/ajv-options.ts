// Ajv's options and the compiler's revision: all a warm start needs to find compiled code on disk. Kept apart from
// ajv.ts so that loading compiled code does not load Ajv's compiler, which only a cold start uses.
import type { Options } from 'ajv';
import { _ } from 'ajv/dist/compile/codegen/index.js';
import { FORMATS_MODULE_ID } from './formats.js';

/** Bumped whenever generated code would change for the same spec: part of the compiled-code cache key. */
export const COMPILER_REVISION = 10;

export const AJV_OPTIONS: Options = {
  allErrors: true,
  verbose: true,
  // Each attribute compiles to its own function (see split-refs.ts): small enough for V8 to optimise.
  inlineRefs: false,
  strict: true,
  // Walmart specs list a property in `required` without declaring its type alongside it, and use
  // enums without `type`; both are fine JSON Schema. Everything else stays strict.
  strictRequired: false,
  strictTypes: false,
  strictTuples: true,
  validateFormats: true,
  // Standalone code requires formats from our formats module (see formats.ts), by a name that
  // compiled-cache resolves, so compiled files work wherever the cache directory lives.
  code: { source: true, optimize: true, formats: _`require(${FORMATS_MODULE_ID}).FORMATS` },
};

/** The validator that only answers "valid?" (see compiler.ts): stops at the first failure, builds no error details. */
export const VALID_ONLY_OPTIONS: Options = { ...AJV_OPTIONS, allErrors: false, verbose: false, messages: false };
