// The valid-only validator's failures, without their details (see compiler.ts). Where a check fails outside
// anyOf/oneOf/not/if and errors are not all collected, Ajv writes a whole error object (instance path, schema path,
// keyword, params) into `validate.errors` and returns false: about 680 such places in the Clothing validator, a third of
// its code. Nothing reads that object: the engine asks the valid-only validator only for a yes or no, and the
// validator with errors explains a rejected item. So for an Ajv instance marked here, those places write one shared,
// empty placeholder instead (one element, as before: Ajv's own `$ref` code, used for a reference back to the root,
// counts the callee's errors) and return false. Less code to parse, compile and optimise: the Clothing start code is
// 192 KB instead of 264, and loading it and running its first 3,000 records took 5% fewer instructions (callgrind,
// BENCHMARKS.md, session 13).
// The answers are the same: test/compile/valid-only.test.ts holds the two validators to the same answers.
import type { KeywordCxt } from 'ajv';
import { _ } from 'ajv';
import * as errorsModule from 'ajv/dist/compile/errors.js';

type ReportError = (cxt: KeywordCxt, error?: unknown, errorPaths?: unknown, overrideAllErrors?: boolean) => void;
interface ErrorsExports {
  reportError: ReportError;
}

// Ajv's modules call `errors_1.reportError(...)` on the CommonJS exports object: the one to patch. Node (and esbuild's
// bundle, in Node mode) hand that object to a namespace import as `default`.
const exportsObject = ((errorsModule as unknown as { default?: ErrorsExports }).default ?? errorsModule) as ErrorsExports;
const ajvReportError = exportsObject.reportError;

/** Ajv instances whose failures are terse. */
const terse = new WeakSet<object>();

/** The placeholder error every terse failure reports. */
const FAILED = Object.freeze({});

function reportError(cxt: KeywordCxt, error?: unknown, errorPaths?: unknown, overrideAllErrors?: boolean): void {
  const it = cxt.it;
  const collects = overrideAllErrors ?? (it.compositeRule === true || it.allErrors === true);
  if (!terse.has(it.self) || collects || it.schemaEnv.$async === true) {
    ajvReportError(cxt, error, errorPaths, overrideAllErrors);
    return;
  }
  const failed = it.gen.scopeValue('obj', { ref: FAILED, code: _`{}` });
  it.gen.assign(_`${it.validateName}.errors`, _`[${failed}]`);
  it.gen.return(false);
}

if (exportsObject.reportError !== reportError) exportsObject.reportError = reportError;

/** Makes an Ajv instance's failures terse (only for validators whose errors nobody reads). */
export function terseFailures(ajv: object): void {
  if (exportsObject.reportError !== reportError) throw new Error('catalog-gate: could not hook Ajv error reporting');
  terse.add(ajv);
}
