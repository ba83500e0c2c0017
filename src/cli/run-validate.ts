// Runs `validate`: each file (JSON, JSONL, CSV or XLSX) through the engine, then one report in the
// chosen format to stdout or --out, and the annotated workbook for spreadsheets with --annotate.
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { extname } from 'node:path';
import { readConfig } from '../config/config.js';
import type { Config } from '../config/config.js';
import { UsageError } from '../core/errors.js';
import { atLeast } from '../core/issue.js';
import type { Issue, Severity, Summary } from '../core/issue.js';
import { validateFeedSource } from '../engine/validate.js';
import type { SpilledReport, ValidationReport } from '../engine/validate.js';
import { mergeValidateOptions } from '../engine/options.js';
import type { ValidateOptions } from '../engine/options.js';
import { COLOR, PLAIN, useColor } from '../reports/colors.js';
import { STREAMED_FORMATS, reportChunks, streamedReportChunks } from '../reports/render.js';
import type { StreamedFormat } from '../reports/render.js';
import { IssueSpill } from '../engine/issue-spill.js';
import { packageVersion } from '../spec/package-root.js';
import { readFeedFile } from '../sources/json-file.js';
import type { ValidateFlags } from './commands/validate.js';
import { EXIT_ISSUES, EXIT_OK } from './exit.js';
import { progress } from './progress.js';

const FEED_EXTENSIONS = new Set(['.json', '.jsonl', '.ndjson']);

interface FileReport {
  file: string;
  report: ValidationReport;
  spreadsheet: boolean;
}

type Formats = ValidateFlags['format'];

export async function runValidate(files: string[], flags: ValidateFlags): Promise<number> {
  const config = await readConfig(flags.config);
  const sheet = flags.sheet ?? config.sheet;
  if (flags.annotate !== undefined && files.length !== 1) throw new UsageError('--annotate takes one input file; validate the files one at a time to annotate each');
  const base = engineOptions(flags, config);
  const failOn = flags.failOn ?? config.failOn ?? 'error';
  const only = files[0];
  if (files.length === 1 && only !== undefined && flags.annotate === undefined && isStreamed(flags.format) && !isFeed(only)) {
    return validateSpilled(only, base, config, sheet, flags, flags.format, failOn);
  }
  const reports: FileReport[] = [];
  for (const file of files) reports.push(await validateFile(file, base, config, sheet));
  const combined = combine(reports);
  if (flags.annotate !== undefined) {
    const only = reports[0] as FileReport;
    if (!only.spreadsheet) throw new UsageError('--annotate marks cells of a spreadsheet; this input is a JSON feed');
    // Read the sheet again rather than hold every row in memory during validation.
    const { writeAnnotatedWorkbook } = await import('../reports/annotate.js');
    const { openTable } = await import('../sources/open-table.js');
    await writeAnnotatedWorkbook(flags.annotate, await openTable(only.file, sheet === undefined ? {} : { sheet }), only.report.issues);
  }
  const toFile = flags.out !== undefined;
  // Written out piece by piece: a long JSON or CSV report is never one string in memory.
  const chunks = await reportChunks(combined, flags.format, {
    source: reports.length === 1 ? files[0] : undefined,
    records: Object.fromEntries(reports.map((r) => [r.file, r.report.summary.records])),
    toolVersion: packageVersion(),
    baseDir: process.cwd(),
    paint: !toFile && useColor(process.stdout) ? COLOR : PLAIN,
  });
  await writeOut(chunks, flags.out);
  return combined.issues.some((i) => atLeast(i.severity, failOn)) ? EXIT_ISSUES : EXIT_OK;
}

/**
 * One spreadsheet to a JSON or CSV report: its issues wait in a file on disk while the rows are validated, and
 * are written out one by one at the end, so memory holds neither them nor the report's text (the same bytes).
 */
async function validateSpilled(file: string, base: ValidateOptions, config: Config, sheet: string | undefined, flags: ValidateFlags, format: StreamedFormat, failOn: Severity): Promise<number> {
  const spill = new IssueSpill();
  try {
    const bar = progress(`Validating ${file}`);
    let report: SpilledReport;
    try {
      const { openTable } = await import('../sources/open-table.js');
      const { validateTableSpilled } = await import('../engine/validate-table.js');
      const table = await openTable(file, sheet === undefined ? {} : { sheet });
      report = await validateTableSpilled(file, table, base, spill, { columns: config.columns, onRecord: (n) => bar.tick(n) });
    } finally {
      bar.done();
    }
    await writeOut(await streamedReportChunks(report, format, { source: file, toolVersion: packageVersion() }), flags.out);
    return spill.hasAtLeast(failOn) ? EXIT_ISSUES : EXIT_OK;
  } finally {
    spill.dispose();
  }
}

/** Writes the report's pieces to --out, or to stdout without ending it. */
async function writeOut(chunks: Iterable<string>, out: string | undefined): Promise<void> {
  if (out !== undefined) await pipeline(Readable.from(chunks, { objectMode: false }), createWriteStream(out));
  else await pipeline(Readable.from(chunks, { objectMode: false }), process.stdout, { end: false });
}

function isStreamed(format: Formats): format is StreamedFormat {
  return (STREAMED_FORMATS as readonly string[]).includes(format ?? '');
}

function isFeed(file: string): boolean {
  return FEED_EXTENSIONS.has(extname(file).toLowerCase());
}

function engineOptions(flags: ValidateFlags, config: Config): ValidateOptions {
  return mergeValidateOptions(flags, config);
}

async function validateFile(file: string, base: ValidateOptions, config: Config, sheet: string | undefined): Promise<FileReport> {
  const bar = progress(`Validating ${file}`);
  const onRecord = (n: number): void => bar.tick(n);
  try {
    if (isFeed(file)) {
      return { file, report: await validateFeedSource(file, await readFeedFile(file), base, onRecord), spreadsheet: false };
    }
    // Spreadsheet readers (ExcelJS, fast-csv) load only for spreadsheets: a JSON run starts faster.
    const { openTable } = await import('../sources/open-table.js');
    const { validateTable } = await import('../engine/validate-table.js');
    const table = await openTable(file, sheet === undefined ? {} : { sheet });
    return { file, report: await validateTable(file, table, base, { columns: config.columns, onRecord }), spreadsheet: true };
  } finally {
    bar.done();
  }
}

/** One file: its report as is. Several: summaries added up, each issue naming its file. */
function combine(reports: FileReport[]): ValidationReport {
  if (reports.length === 1) return (reports[0] as FileReport).report;
  const summary: Summary = { records: 0, valid: 0, invalid: 0, errors: 0, warnings: 0, infos: 0 };
  const issues: Issue[] = [];
  for (const { file, report } of reports) {
    for (const k of Object.keys(summary) as Array<keyof Summary>) summary[k] += report.summary[k];
    for (const i of report.issues) issues.push({ file, ...i });
  }
  return { summary, issues, spec: (reports[0] as FileReport).report.spec };
}
