// A spreadsheet (CSV or XLSX, already opened) through the engine, as the CLI and the service both run it:
// with no feed type or version given, the sheet's product types may settle the spec.
import { InputError } from '../core/errors.js';
import { peekProductTypes, specForProductTypes } from '../sources/infer-spec.js';
import { SheetMapper } from '../sources/sheet-items.js';
import type { TableSource } from '../sources/table.js';
import { SpecStore } from '../spec/store.js';
import type { ValidateOptions } from './options.js';
import type { IssueSpill } from './issue-spill.js';
import { validateAll, validateAllSpilled } from './validate.js';
import type { SpilledReport, ValidateAllOptions, ValidationReport } from './validate.js';
import { Validator } from './validator.js';

export interface TableValidationOptions {
  /** Header text -> attribute name or dotted path (the config's `columns`). */
  columns?: Readonly<Record<string, string>> | undefined;
  /** Told the count of records done so far, for progress. */
  onRecord?: (records: number) => void;
}

/** `name` is how messages call the input (the file the user gave). */
export async function validateTable(name: string, table: TableSource, base: ValidateOptions, options: TableValidationOptions = {}): Promise<ValidationReport> {
  const run = await prepareSheet(table, base, options);
  return checked(name, await validateAll(run.validator, run.mapper.items(), run.options));
}

/** validateTable, its issues put in `spill` as they come (see validateAllSpilled). */
export async function validateTableSpilled(name: string, table: TableSource, base: ValidateOptions, spill: IssueSpill, options: TableValidationOptions = {}): Promise<SpilledReport> {
  const run = await prepareSheet(table, base, options);
  return checked(name, await validateAllSpilled(spill, run.validator, run.mapper.items(), run.options));
}

/** A sheet made ready for the engine: its Validator, the mapper making its rows items, and validateAll's options. */
export interface SheetRun {
  validator: Validator;
  mapper: SheetMapper;
  options: ValidateAllOptions;
}

/**
 * Sets a sheet up for validation: with no feed type or version given, its product types may settle the spec; then the
 * Validator and the mapper that makes each row an item. validateTable runs it to the end; `submit` (src/submit/prepare.ts)
 * keeps each item's text as it passes.
 */
export async function prepareSheet(table: TableSource, base: ValidateOptions, options: TableValidationOptions = {}): Promise<SheetRun> {
  let source = table;
  let engine = base;
  if (base.feedType === undefined || base.specVersion === undefined) {
    // A sheet has no feed header: its product types may settle the spec.
    const peeked = await peekProductTypes(source);
    source = peeked.source;
    const found = await specForProductTypes(new SpecStore(base.cacheDir), peeked.productTypes);
    if (found !== undefined && base.feedType === undefined && base.specVersion === undefined) engine = { ...base, ...found };
  }
  const validator = await Validator.create(engine);
  if (table.bytes !== undefined) validator.inputSize(table.bytes);
  // The mapper makes each item of plain objects and arrays (sheet-items.ts).
  validator.plainItems();
  const mapper = new SheetMapper(source, validator, { productType: base.productType, columns: options.columns });
  return {
    validator,
    mapper,
    options: { checkHeader: false, feedIssues: () => mapper.feedIssues(), ...(options.onRecord === undefined ? {} : { onRecord: options.onRecord }) },
  };
}

function checked<R extends { summary: { records: number } }>(name: string, report: R): R {
  if (report.summary.records === 0) throw new InputError('INPUT_INVALID', `${name} has a header row but no items below it`);
  return report;
}
