// The library's entry points: validate() for a whole feed in memory, validateStream() over an async
// iterable of items that yields each record's result as it goes (constant memory but for the
// cross-record rules' small per-record state).
import { InputError } from '../core/errors.js';
import type { Issue, Report, Summary } from '../core/issue.js';
import { isInputItem } from '../core/record.js';
import type { InputItem } from '../core/record.js';
import { splitFeedDocument } from '../sources/feed-document.js';
import type { FeedSource } from '../sources/json-file.js';
import type { IssueSpill } from './issue-spill.js';
import type { ValidateOptions } from './options.js';
import { Validator } from './validator.js';
import type { RecordResult } from './validator.js';

export type ValidationEvent =
  | { type: 'start'; feedType: string; specVersion: string }
  | { type: 'header'; issues: Issue[] }
  | { type: 'record'; result: RecordResult }
  | { type: 'end'; issues: Issue[]; summary: Summary };

export interface StreamOptions extends ValidateOptions {
  /** False when the items never had a header to check (spreadsheets, JSONL without one). */
  checkHeader?: boolean;
  /** Issues about the input as a whole, asked for once every item has been read (unknown columns...). */
  feedIssues?: () => Issue[];
}

export interface ValidationReport extends Report {
  spec: { feedType: string; specVersion: string };
}

/** Validates items one by one as they arrive; the last event carries the summary. */
export async function* validateStream(
  items: AsyncIterable<unknown> | Iterable<unknown>,
  options: StreamOptions = {},
): AsyncGenerator<ValidationEvent, void, undefined> {
  const { checkHeader, feedIssues, ...rest } = options;
  const validator = await Validator.create(rest);
  yield* validateWith(validator, items, { ...(checkHeader === undefined ? {} : { checkHeader }), ...(feedIssues ? { feedIssues } : {}) });
}

/** validateStream with a validator made beforehand (a spreadsheet mapper needs it to map columns). */
export async function* validateWith(
  validator: Validator,
  items: AsyncIterable<unknown> | Iterable<unknown>,
  options: Pick<StreamOptions, 'checkHeader' | 'feedIssues'> = {},
): AsyncGenerator<ValidationEvent, void, undefined> {
  const { checkHeader = true, feedIssues } = options;
  yield { type: 'start', feedType: validator.context.feedType, specVersion: validator.context.version };
  if (checkHeader) yield { type: 'header', issues: await validator.header(validator.options.header) };
  let index = 0;
  let read = false;
  try {
    for await (const raw of items) {
      index++;
      const item: InputItem = isInputItem(raw) ? raw : { data: raw };
      const r = validator.recordNow(item, index);
      yield { type: 'record', result: r instanceof Promise ? await r : r };
    }
    read = true;
  } finally {
    // A feed given up part way (bad input, a consumer that stops) leaves no spill files behind.
    if (!read) validator.close();
  }
  const issues = [...validator.addFeedIssues(feedIssues?.() ?? []), ...validator.finish()];
  yield { type: 'end', issues, summary: validator.summary() };
}

export interface ValidateAllOptions extends Pick<StreamOptions, 'checkHeader' | 'feedIssues'> {
  /** Called after each record with the number of records so far (a progress line). */
  onRecord?: (records: number) => void;
}

/** Where validateAll puts the issues: an array, or an IssueSpill. */
interface IssueSink {
  push(issue: Issue): unknown;
}

/**
 * What collect(validateWith(…)) returns, for a caller that wants only the report (the CLI): a plain loop, with no
 * generator, event or promise per record, and a synchronous one over a synchronous iterable such as a JSONL reader.
 */
export async function validateAll(
  validator: Validator,
  items: AsyncIterable<InputItem> | Iterable<InputItem>,
  options: ValidateAllOptions = {},
): Promise<ValidationReport> {
  const issues: Issue[] = [];
  const { summary, spec } = await validateInto(issues, validator, items, options);
  // Stable sort, as collect(): within a record, schema issues stay before rule issues.
  issues.sort((a, b) => a.record - b.record);
  return { summary, issues, spec };
}

/** A report whose issues wait on disk, to be written out one by one (JSON and CSV); dispose() of them when done. */
export interface SpilledReport {
  summary: Summary;
  issues: IssueSpill;
  spec: { feedType: string; specVersion: string };
}

/** validateAll, its issues put in `spill` as they come rather than held in memory; read back in the same order. */
export async function validateAllSpilled(
  spill: IssueSpill,
  validator: Validator,
  items: AsyncIterable<InputItem> | Iterable<InputItem>,
  options: ValidateAllOptions = {},
): Promise<SpilledReport> {
  const { summary, spec } = await validateInto(spill, validator, items, options);
  return { summary, issues: spill, spec };
}

async function validateInto(
  issues: IssueSink,
  validator: Validator,
  items: AsyncIterable<InputItem> | Iterable<InputItem>,
  options: ValidateAllOptions,
): Promise<Omit<ValidationReport, 'issues'>> {
  const { checkHeader = true, feedIssues, onRecord } = options;
  const spec = { feedType: validator.context.feedType, specVersion: validator.context.version };
  // The header is checked once the first item has loaded its product type's spec, which the check then uses (see
  // Validator.header); its issues still come first.
  let header = checkHeader;
  let index = 0;
  try {
    if (Symbol.iterator in items) {
      for (const item of items) {
        index++;
        const r = validator.recordNow(item, index);
        const result = r instanceof Promise ? await r : r;
        if (header) header = await pushHeader(issues, validator);
        pushAll(issues, result.issues);
        onRecord?.(index);
      }
    } else {
      for await (const item of items) {
        index++;
        const r = validator.recordNow(item, index);
        const result = r instanceof Promise ? await r : r;
        if (header) header = await pushHeader(issues, validator);
        pushAll(issues, result.issues);
        onRecord?.(index);
      }
    }
    if (header) await pushHeader(issues, validator);
  } catch (e) {
    // A feed given up part way (bad input) leaves no spill files behind.
    validator.close();
    throw e;
  }
  pushAll(issues, validator.addFeedIssues(feedIssues?.() ?? []));
  pushAll(issues, validator.finish());
  return { summary: validator.summary(), spec };
}

/** The header's issues into the sink; false, for the flag that says it is still to check. */
async function pushHeader(into: IssueSink, validator: Validator): Promise<false> {
  pushAll(into, await validator.header(validator.options.header));
  return false;
}

function pushAll(into: IssueSink, from: readonly Issue[]): void {
  for (let i = 0; i < from.length; i++) into.push(from[i] as Issue);
}

/**
 * Validates a feed: a JSON feed document (header + MPItem[]), `{records: [...]}`, or an array of items.
 * Feed type and version come from the options or, where it settles them, the feed header.
 */
export async function validate(input: unknown, options: ValidateOptions = {}): Promise<ValidationReport> {
  const doc = splitFeedDocument(input);
  const header = doc.header ?? options.header;
  const stream = validateStream(doc.items, { ...options, ...(header ? { header } : {}), checkHeader: doc.headerKey !== undefined || options.header !== undefined });
  return collect(stream);
}

/**
 * Validates a feed file's items (`name` is how messages call the input). `onRecord` is told the count of
 * records done so far, for progress.
 */
export async function validateFeedSource(
  name: string,
  source: FeedSource,
  options: ValidateOptions = {},
  onRecord?: (records: number) => void,
): Promise<ValidationReport> {
  const validator = await Validator.create({ ...options, ...(source.header ? { header: source.header } : {}) });
  if (source.bytes !== undefined) validator.inputSize(source.bytes);
  // A feed source's items are JSON.parse's (json-file.ts).
  validator.plainItems();
  const report = await validateAll(validator, source.items, { checkHeader: source.hasHeader, ...(onRecord === undefined ? {} : { onRecord }) });
  if (report.summary.records === 0) throw new InputError('INPUT_INVALID', `${name} has no items`);
  return report;
}

/** Gathers a stream's events into one report, issues ordered by record. */
export async function collect(stream: AsyncIterable<ValidationEvent>): Promise<ValidationReport> {
  const issues: Issue[] = [];
  let spec = { feedType: '', specVersion: '' };
  let summary: Summary | undefined;
  for await (const ev of stream) {
    if (ev.type === 'start') spec = { feedType: ev.feedType, specVersion: ev.specVersion };
    else if (ev.type === 'header') issues.push(...ev.issues);
    else if (ev.type === 'record') issues.push(...ev.result.issues);
    else {
      issues.push(...ev.issues);
      summary = ev.summary;
    }
  }
  if (summary === undefined) throw new Error('validation stream ended without a summary');
  // Stable sort: within a record, schema issues stay before rule issues.
  issues.sort((a, b) => a.record - b.record);
  return { summary, issues, spec };
}
