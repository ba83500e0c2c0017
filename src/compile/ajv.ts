// The one Ajv engine every spec compiles with: strict (an unknown keyword or format is a loud error),
// draft-07 semantics (draft-04 specs are upgraded by spec/normalise), formats from ajv-formats, Walmart's
// `comments` annotation, and a multipleOf that does not reject 19.99 for being 1998.9999999999998 cents.
import AjvModule from 'ajv';
import type { CodeKeywordDefinition, Options } from 'ajv';
import { _, str } from 'ajv';
import formatsModule from 'ajv-formats';

const Ajv = AjvModule.default;
const addFormats = formatsModule.default;
export type AjvInstance = InstanceType<typeof Ajv>;

/** Bumped whenever generated code would change for the same spec: part of the compiled-code cache key. */
export const COMPILER_REVISION = 1;

export const AJV_OPTIONS: Options = {
  allErrors: true,
  verbose: true,
  strict: true,
  // Walmart specs list a property in `required` without declaring its type alongside it, and use
  // enums without `type`; both are fine JSON Schema. Everything else stays strict.
  strictRequired: false,
  strictTypes: false,
  strictTuples: true,
  validateFormats: true,
  code: { source: true, optimize: true },
};

/**
 * multipleOf with a tolerance relative to the quotient: 19.99 / 0.01 is 1998.9999999999998 in binary
 * floating point. Dividing two doubles errs by at most a few ulps of the quotient, so 4 ulps (8.9e-16
 * relative, at least 1e-9 absolute) accepts every decimal that really is a multiple and still rejects
 * 12345678.991 against 0.01. Ajv's own multipleOfPrecision is an absolute tolerance, which rejects
 * large valid prices (12345678.99) or accepts small invalid ones, whatever value it is set to.
 */
const multipleOf: CodeKeywordDefinition = {
  keyword: 'multipleOf',
  type: 'number',
  schemaType: 'number',
  error: {
    message: ({ schemaCode }) => str`must be multiple of ${schemaCode}`,
    params: ({ schemaCode }) => _`{multipleOf: ${schemaCode}}`,
  },
  code(cxt) {
    const { gen, data, schemaCode } = cxt;
    const q = gen.const('q', _`${data} / ${schemaCode}`);
    cxt.fail(_`Math.abs(${q} - Math.round(${q})) > Math.max(1e-9, Math.abs(${q}) * 8.9e-16)`);
  },
};

export function createAjv(): AjvInstance {
  const ajv = new Ajv(AJV_OPTIONS);
  addFormats(ajv);
  ajv.removeKeyword('multipleOf');
  ajv.addKeyword(multipleOf);
  // v5 specs annotate every attribute with `comments: "@group=…"`: an annotation, validates nothing.
  ajv.addKeyword({ keyword: 'comments', schemaType: ['string', 'array'] });
  return ajv;
}
