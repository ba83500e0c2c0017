// Reads the input and validates it, keeping each record's JSON text exactly as validated (what a feed
// will carry), its place in the source (row, cells) and its issues. Cross-record rules speak only once
// every record is read, so a record's verdict is final only when prepare() returns.
import { extname } from 'node:path';
import { valueAt } from '../compile/attributes.js';
import { InputError } from '../core/errors.js';
import type { Issue } from '../core/issue.js';
import type { InputItem, SourceLocation } from '../core/record.js';
import type { ValidateOptions } from '../engine/options.js';
import { collect, validateWith } from '../engine/validate.js';
import type { ValidationEvent, ValidationReport } from '../engine/validate.js';
import { Validator } from '../engine/validator.js';
import { readFeedFile } from '../sources/json-file.js';
import { SpecStore } from '../spec/store.js';
import { feedShape } from './feed-body.js';

export interface PreparedRecord {
  /** 1-based position in the input. */
  index: number;
  sku?: string;
  productType?: string;
  location?: SourceLocation;
  /** The record's JSON text, as validated. */
  text: string;
  /** Its variant group (variantGroupId), which a plan keeps in one feed. */
  group?: string;
}

export interface Prepared {
  report: ValidationReport;
  records: PreparedRecord[];
  /** The header the feeds carry: the input's own, or one made for the spec. */
  header: Record<string, unknown> | undefined;
  validator: Validator;
  spreadsheet: boolean;
}

export interface PrepareOptions {
  engine: ValidateOptions;
  sheet?: string | undefined;
  columns?: Readonly<Record<string, string>> | undefined;
  onRecord?: (n: number) => void;
}

const FEED_EXTENSIONS = new Set(['.json', '.jsonl', '.ndjson']);

interface Kept {
  data: unknown;
  text: string;
  location?: SourceLocation;
}

/** Keeps each item's text as it goes into validation. */
async function* keeping(items: AsyncIterable<InputItem> | Iterable<InputItem>, into: Map<number, Kept>): AsyncGenerator<InputItem> {
  let n = 0;
  const keep = (item: InputItem): InputItem => {
    n++;
    into.set(n, { data: item.data, text: JSON.stringify(item.data) ?? 'null', ...(item.location === undefined ? {} : { location: item.location }) });
    return item;
  };
  if (Symbol.asyncIterator in items) for await (const item of items) yield keep(item);
  else for (const item of items) yield keep(item);
}

async function* counting(events: AsyncIterable<ValidationEvent>, meta: Map<number, { sku?: string; productType?: string }>, onRecord?: (n: number) => void): AsyncGenerator<ValidationEvent> {
  let n = 0;
  for await (const ev of events) {
    if (ev.type === 'record') {
      meta.set(ev.result.record, { ...(ev.result.sku === undefined ? {} : { sku: ev.result.sku }), ...(ev.result.productType === undefined ? {} : { productType: ev.result.productType }) });
      onRecord?.(++n);
    }
    yield ev;
  }
}

export async function prepare(file: string, o: PrepareOptions): Promise<Prepared> {
  const kept = new Map<number, Kept>();
  const meta = new Map<number, { sku?: string; productType?: string }>();
  let validator: Validator;
  let report: ValidationReport;
  let header: Record<string, unknown> | undefined;
  let spreadsheet = false;
  if (FEED_EXTENSIONS.has(extname(file).toLowerCase())) {
    const source = await readFeedFile(file);
    header = source.header;
    validator = await Validator.create({ ...o.engine, ...(header === undefined ? {} : { header }) });
    // A feed file's items are JSON.parse's (json-file.ts).
    validator.plainItems();
    report = await collect(counting(validateWith(validator, keeping(source.items, kept), { checkHeader: source.hasHeader }), meta, o.onRecord));
  } else {
    spreadsheet = true;
    const { openTable } = await import('../sources/open-table.js');
    const { prepareSheet } = await import('../engine/validate-table.js');
    const run = await prepareSheet(await openTable(file, o.sheet === undefined ? {} : { sheet: o.sheet }), o.engine, { columns: o.columns });
    validator = run.validator;
    report = await collect(counting(validateWith(validator, keeping(run.mapper.items(), kept), run.options), meta, o.onRecord));
  }
  if (report.summary.records === 0) throw new InputError('INPUT_INVALID', `${file} has no items to submit`);
  header ??= await defaultHeader(validator, o.engine);
  const records: PreparedRecord[] = [];
  const groupPaths = new Map<string, readonly string[] | undefined>();
  for (const [index, k] of kept) {
    const m = meta.get(index);
    let group: string | undefined;
    if (m?.productType !== undefined) {
      if (!groupPaths.has(m.productType)) groupPaths.set(m.productType, (await validator.attributesFor(m.productType))?.byName.get('variantGroupId')?.segments);
      const segments = groupPaths.get(m.productType);
      const v = segments === undefined ? undefined : valueAt(k.data, segments);
      if (typeof v === 'string' && v !== '') group = v;
    }
    records.push({
      index,
      text: k.text,
      ...(k.location === undefined ? {} : { location: k.location }),
      ...(m?.sku === undefined ? {} : { sku: m.sku }),
      ...(m?.productType === undefined ? {} : { productType: m.productType }),
      ...(group === undefined ? {} : { group: `${m?.productType ?? ''}\u0000${group}` }),
    });
  }
  kept.clear();
  return { report, records, header, validator, spreadsheet };
}

const CHANNELS: Readonly<Record<string, string>> = { MP_ITEM: 'marketplace', MP_WFS_ITEM: 'marketplacewfs', MP_ITEM_MATCH: 'mpsetupbymatch' };

/**
 * A header for inputs without one (spreadsheets, bare JSONL): the first shape the spec's own header
 * schema accepts, v4-style (sellingChannel, processMode...) or v5-style (businessUnit, locale, version).
 */
async function defaultHeader(validator: Validator, engine: ValidateOptions): Promise<Record<string, unknown> | undefined> {
  const { feedType, version } = validator.context;
  const entries = (await new SpecStore(engine.cacheDir).list()).filter((e) => e.feedType === feedType && e.version === version);
  const headerVersion = entries[0]?.headerVersions[0] ?? version;
  const candidates: Array<Record<string, unknown>> = [
    { sellingChannel: CHANNELS[feedType] ?? 'marketplace', processMode: 'REPLACE', subset: 'EXTERNAL', locale: 'en', version: headerVersion },
    { businessUnit: 'WALMART_US', locale: 'en', version: headerVersion },
  ];
  // A probe validator of its own, so these trial checks stay out of the run's counts.
  const probe = await Validator.create({ ...engine, feedType, specVersion: version });
  for (const h of candidates) if ((await probe.header(h)).length === 0) return h;
  return feedShape(feedType).headerKey === 'SupplierItemFeedHeader' ? candidates[1] : undefined;
}

/** Records with an error (an issue at or above the threshold), by index. */
export function blockedRecords(issues: readonly Issue[], blocking: (i: Issue) => boolean): Set<number> {
  const out = new Set<number>();
  for (const i of issues) if (i.record > 0 && blocking(i)) out.add(i.record);
  return out;
}
