// Runs `validate`: each file (JSON, JSONL, CSV or XLSX) through the engine, then one report in the
// chosen format to stdout or --out, and the annotated workbook for spreadsheets with --annotate.
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { readConfig } from '../config/config.js';
import type { Config } from '../config/config.js';
import { InputError, UsageError } from '../core/errors.js';
import { atLeast } from '../core/issue.js';
import type { Issue, Summary } from '../core/issue.js';
import { validateAll } from '../engine/validate.js';
import type { ValidationReport } from '../engine/validate.js';
import type { ValidateOptions } from '../engine/options.js';
import { Validator } from '../engine/validator.js';
import { COLOR, PLAIN, useColor } from '../reports/colors.js';
import { renderJson } from '../reports/json.js';
import { renderText } from '../reports/text.js';
import { PACKAGE_ROOT } from '../spec/package-root.js';
import { SpecStore } from '../spec/store.js';
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

export async function runValidate(files: string[], flags: ValidateFlags): Promise<number> {
  const config = await readConfig(flags.config);
  const sheet = flags.sheet ?? config.sheet;
  if (flags.annotate !== undefined && files.length !== 1) throw new UsageError('--annotate takes one input file; validate the files one at a time to annotate each');
  const base = engineOptions(flags, config);
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
  const format = flags.format;
  const toFile = flags.out !== undefined;
  const source = reports.length === 1 ? files[0] : undefined;
  const opts = source === undefined ? {} : { source };
  let text: string;
  switch (format) {
    case 'json':
      text = renderJson(combined);
      break;
    case 'junit':
      text = (await import('../reports/junit.js')).renderJunit(combined, { ...opts, records: Object.fromEntries(reports.map((r) => [r.file, r.report.summary.records])) });
      break;
    case 'sarif':
      text = (await import('../reports/sarif.js')).renderSarif(combined, { ...opts, toolVersion: version(), baseDir: process.cwd() });
      break;
    case 'github':
      text = (await import('../reports/github.js')).renderGithub(combined, { ...opts, baseDir: process.cwd() });
      break;
    case 'csv':
      text = (await import('../reports/csv.js')).renderCsv(combined, opts);
      break;
    default:
      text = renderText(combined, { paint: !toFile && useColor(process.stdout) ? COLOR : PLAIN, ...opts });
  }
  if (toFile) await writeFile(flags.out as string, text);
  else process.stdout.write(text);
  const failOn = flags.failOn ?? config.failOn ?? 'error';
  return combined.issues.some((i) => atLeast(i.severity, failOn)) ? EXIT_ISSUES : EXIT_OK;
}

function engineOptions(flags: ValidateFlags, config: Config): ValidateOptions {
  const feedType = flags.feedType ?? config.feedType;
  const specVersion = flags.specVersion ?? config.specVersion;
  const productType = flags.productType ?? config.productType;
  const cacheDir = flags.cacheDir ?? config.cacheDir;
  return {
    ...(feedType === undefined ? {} : { feedType }),
    ...(specVersion === undefined ? {} : { specVersion }),
    ...(productType === undefined ? {} : { productType }),
    ...(cacheDir === undefined ? {} : { cacheDir }),
    ...(config.rules === undefined ? {} : { rules: config.rules }),
  };
}

async function validateFile(file: string, base: ValidateOptions, config: Config, sheet: string | undefined): Promise<FileReport> {
  const bar = progress(`Validating ${file}`);
  try {
    if (FEED_EXTENSIONS.has(extname(file).toLowerCase())) {
      const source = await readFeedFile(file);
      const validator = await Validator.create({ ...base, ...(source.header ? { header: source.header } : {}) });
      const report = await validateAll(validator, source.items, { checkHeader: source.hasHeader, onRecord: (n) => bar.tick(n) });
      if (report.summary.records === 0) throw new InputError('INPUT_INVALID', `${file} has no items`);
      return { file, report, spreadsheet: false };
    }
    // Spreadsheet readers (ExcelJS, fast-csv) load only for spreadsheets: a JSON run starts faster.
    const { openTable } = await import('../sources/open-table.js');
    const { peekProductTypes, specForProductTypes } = await import('../sources/infer-spec.js');
    const { SheetMapper } = await import('../sources/sheet-items.js');
    let table = await openTable(file, sheet === undefined ? {} : { sheet });
    let options = base;
    if (base.feedType === undefined || base.specVersion === undefined) {
      // A sheet has no feed header: its product types may settle the spec.
      const peeked = await peekProductTypes(table);
      table = peeked.source;
      const found = await specForProductTypes(new SpecStore(base.cacheDir), peeked.productTypes);
      if (found !== undefined && base.feedType === undefined && base.specVersion === undefined) options = { ...base, ...found };
    }
    const validator = await Validator.create(options);
    const mapper = new SheetMapper(table, validator, { productType: base.productType, columns: config.columns });
    const report = await validateAll(validator, mapper.items(), { checkHeader: false, feedIssues: () => mapper.feedIssues(), onRecord: (n) => bar.tick(n) });
    if (report.summary.records === 0) throw new InputError('INPUT_INVALID', `${file} has a header row but no items below it`);
    return { file, report, spreadsheet: true };
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

function version(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}
