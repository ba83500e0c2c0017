// What a pool worker runs: one request's validation, through the same engine, readers and report writers as
// the CLI, and what it sends back (text, or a file it wrote). Runs in a worker thread; does no HTTP.
import { StringDecoder } from 'node:string_decoder';
import { validateFeedSource } from '../engine/validate.js';
import { mergeValidateOptions } from '../engine/options.js';
import type { ValidateOptions } from '../engine/options.js';
import { validateTable } from '../engine/validate-table.js';
import { renderJson } from '../reports/json.js';
import { renderReport } from '../reports/render.js';
import { feedFromJson } from '../sources/json-file.js';
import { openTable } from '../sources/open-table.js';
import type { TableRow, TableSource } from '../sources/table.js';
import { packageVersion } from '../spec/package-root.js';
import { ServiceError } from './service-error.js';
import { GridCapture } from './sheet-grid.js';

/** What every job of this server shares: the config file's settings and the cache. */
export interface EngineSettings {
  cacheDir?: string;
  rules?: NonNullable<ValidateOptions['rules']>;
  columns?: Record<string, string>;
  feedType?: string;
  specVersion?: string;
  productType?: string;
  sheet?: string;
}

export interface SpecQuery {
  feedType?: string;
  specVersion?: string;
  productType?: string;
}

export const FILE_FORMATS = ['json', 'csv', 'xlsx', 'sarif', 'junit'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

export interface JsonJob {
  kind: 'json';
  /** The body's bytes in the chunks they arrived in (handed over by the request thread, not joined there). */
  chunks: Uint8Array[];
  query: SpecQuery;
  maxRows: number;
}

export interface FileJob {
  kind: 'file';
  /** The upload, saved in a private temp directory under `name`. */
  path: string;
  /** The file name the user gave, made safe (for messages and reports). */
  name: string;
  sheet?: string;
  query: SpecQuery;
  format: FileFormat;
  grid: boolean;
  /** Where to write the annotated workbook (format xlsx). */
  out: string;
  maxRows: number;
  gridRows: number;
}

export type Job = JsonJob | FileJob;

/**
 * A report as UTF-8 bytes (their buffer is the worker's to hand over: transferred to the request thread, which
 * writes them as they are), or a file the worker wrote.
 */
export type JobOutput = { kind: 'bytes'; contentType: string; bytes: Uint8Array } | { kind: 'file'; contentType: string; path: string };

const encoder = new TextEncoder();

function textOutput(contentType: string, text: string): JobOutput {
  return { kind: 'bytes', contentType, bytes: encoder.encode(text) };
}

export const CONTENT_TYPES: Readonly<Record<FileFormat, string>> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  sarif: 'application/sarif+json; charset=utf-8',
  junit: 'application/xml; charset=utf-8',
};

function engineOptions(settings: EngineSettings, query: SpecQuery): ValidateOptions {
  return mergeValidateOptions(query, settings);
}

/** The chunks as one string, without a leading byte order mark; a character split between two chunks stays whole. */
export function bodyText(chunks: readonly Uint8Array[]): string {
  const decoder = new StringDecoder('utf8');
  let text = '';
  for (const c of chunks) text += decoder.write(c);
  text += decoder.end();
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function runJob(job: Job, settings: EngineSettings): Promise<JobOutput> {
  return job.kind === 'json' ? runJson(job, settings) : runFile(job, settings);
}

async function runJson(job: JsonJob, settings: EngineSettings): Promise<JobOutput> {
  const text = bodyText(job.chunks);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ServiceError(400, 'BAD_JSON', `The request body is not valid JSON (${(e as Error).message}). Send a JSON feed, or {"records": [...]}.`);
  }
  const source = feedFromJson(json);
  if (Array.isArray(source.items) && source.items.length > job.maxRows) {
    throw new ServiceError(413, 'TOO_MANY_RECORDS', `The request has ${source.items.length.toLocaleString('en-US')} records; this server validates at most ${job.maxRows.toLocaleString('en-US')} a request. Send them in smaller batches.`);
  }
  const report = await validateFeedSource('the request body', source, engineOptions(settings, job.query));
  return textOutput(CONTENT_TYPES.json, renderJson(report));
}

/** The rows, counted against the limit and copied into the grid as they pass. */
async function* watchRows(rows: AsyncIterable<TableRow>, job: FileJob, grid: GridCapture | undefined): AsyncGenerator<TableRow> {
  let n = 0;
  for await (const row of rows) {
    if (++n > job.maxRows) {
      throw new ServiceError(413, 'TOO_MANY_ROWS', `${job.name} has more than ${job.maxRows.toLocaleString('en-US')} rows; this server validates at most that many a file. Split the sheet, or run catalog-gate validate on it.`);
    }
    grid?.add(row);
    yield row;
  }
}

async function withTable<T>(job: FileJob, settings: EngineSettings, use: (table: TableSource) => Promise<T>): Promise<T> {
  const sheet = job.sheet ?? settings.sheet;
  const table = await openTable(job.path, sheet === undefined ? {} : { sheet });
  try {
    return await use(table);
  } finally {
    // Whatever happened, the reader's worker thread and file are released before the next job.
    await table.close?.();
  }
}

async function runFile(job: FileJob, settings: EngineSettings): Promise<JobOutput> {
  const options = engineOptions(settings, job.query);
  let grid: GridCapture | undefined;
  let sheetName = '';
  const report = await withTable(job, settings, async (table) => {
    grid = job.grid ? new GridCapture(table.header, table.headerRow, job.gridRows) : undefined;
    // A CSV's sheet is its file name: the upload is saved under the name the user gave it.
    sheetName = table.sheet;
    return validateTable(job.name, { ...table, rows: watchRows(table.rows, job, grid) }, options, { columns: settings.columns });
  });
  switch (job.format) {
    case 'json': {
      if (grid === undefined) return textOutput(CONTENT_TYPES.json, renderJson(report));
      return textOutput(CONTENT_TYPES.json, JSON.stringify({ ...report, sheet: grid.result(sheetName) }) + '\n');
    }
    case 'xlsx': {
      // As the CLI's --annotate: the sheet is read again rather than held in memory during validation.
      const { writeAnnotatedWorkbook } = await import('../reports/annotate.js');
      await withTable(job, settings, (table) => writeAnnotatedWorkbook(job.out, table, report.issues));
      return { kind: 'file', contentType: CONTENT_TYPES.xlsx, path: job.out };
    }
    default:
      return textOutput(CONTENT_TYPES[job.format], await renderReport(report, job.format, { source: job.name, toolVersion: packageVersion() }));
  }
}

/** For messages: an upload's temp path becomes the name the user gave it. */
export function renameUpload(job: Job): (message: string) => string {
  if (job.kind !== 'file') return (m) => m;
  return (m) => m.split(job.path).join(job.name);
}
