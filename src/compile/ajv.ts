// The one Ajv engine every spec compiles with: strict (an unknown keyword or format is a loud error),
// draft-07 semantics (draft-04 specs are upgraded by spec/normalise), formats from ajv-formats, Walmart's
// `comments` annotation, and a multipleOf that does not reject 19.99 for being 1998.9999999999998 cents.
import AjvModule from 'ajv';
import type { CodeKeywordDefinition } from 'ajv';
import { _, str } from 'ajv';
import formatsModule from 'ajv-formats';
import { useFunc } from 'ajv/dist/compile/util.js';
import { AJV_OPTIONS, VALID_ONLY_OPTIONS } from './ajv-options.js';
import { fastAdditionalProperties } from './fast-additional.js';
import { fastRef } from './fast-ref.js';
import { uri } from './formats.js';
import { terseFailures } from './terse-failures.js';
import { ucs2length } from './ucs2length.js';

export { AJV_OPTIONS, COMPILER_REVISION } from './ajv-options.js';

const Ajv = AjvModule.default;
const addFormats = formatsModule.default;
export type AjvInstance = InstanceType<typeof Ajv>;

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

/**
 * maxLength/minLength count characters (code points), as Ajv's own keywords do, but skip counting when
 * the UTF-16 length already settles it: a string's code points are at most its length and at least half
 * of it. Counting every long description was a sixth of validation time.
 */
const stringLength: CodeKeywordDefinition = {
  keyword: ['maxLength', 'minLength'],
  type: 'string',
  schemaType: 'number',
  error: {
    message: ({ keyword, schemaCode }) => str`must NOT have ${keyword === 'maxLength' ? 'more' : 'fewer'} than ${schemaCode} characters`,
    params: ({ schemaCode }) => _`{limit: ${schemaCode}}`,
  },
  code(cxt) {
    const { keyword, data, schemaCode, gen } = cxt;
    const count = useFunc(gen, ucs2length);
    if (keyword === 'maxLength') cxt.fail(_`${data}.length > ${schemaCode} && ${count}(${data}) > ${schemaCode}`);
    else cxt.fail(_`${data}.length < ${schemaCode} || (${data}.length < 2 * ${schemaCode} && ${count}(${data}) < ${schemaCode})`);
  },
};

/**
 * `full` compiles the validator whose errors explain an item; `valid-only` the one that only answers whether it is
 * valid (first failure ends it; no error details, see terse-failures.ts; `$ref` calls pass the value alone, see fast-ref.ts; a long list of
 * declared properties is a Set, see fast-additional.ts). Both accept
 * exactly the same items: the keywords and formats are the same.
 */
export function createAjv(kind: 'full' | 'valid-only' = 'full'): AjvInstance {
  const ajv = new Ajv(kind === 'full' ? AJV_OPTIONS : VALID_ONLY_OPTIONS);
  addFormats(ajv);
  ajv.addFormat('uri', uri);
  ajv.removeKeyword('multipleOf');
  ajv.addKeyword(multipleOf);
  ajv.removeKeyword('maxLength');
  ajv.removeKeyword('minLength');
  ajv.addKeyword(stringLength);
  // v5 specs annotate every attribute with `comments: "@group=…"`: an annotation, validates nothing.
  ajv.addKeyword({ keyword: 'comments', schemaType: ['string', 'array'] });
  if (kind === 'valid-only') {
    ajv.removeKeyword('$ref');
    ajv.addKeyword(fastRef);
    ajv.removeKeyword('additionalProperties');
    ajv.addKeyword(fastAdditionalProperties);
    terseFailures(ajv);
  }
  return ajv;
}
