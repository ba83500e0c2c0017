// Runs `validate`: each file through the engine, one report (text or JSON) to stdout or --out.
import { writeFile } from 'node:fs/promises';
import { atLeast } from '../core/issue.js';
import type { Issue, Summary } from '../core/issue.js';
import { InputError } from '../core/errors.js';
import { collect, validateStream } from '../engine/validate.js';
import type { ValidationReport } from '../engine/validate.js';
import { COLOR, PLAIN, useColor } from '../reports/colors.js';
import { renderJson } from '../reports/json.js';
import { renderText } from '../reports/text.js';
import { readFeedFile } from '../sources/json-file.js';
import type { ValidateFlags } from './commands/validate.js';
import { EXIT_ISSUES, EXIT_OK } from './exit.js';

export async function runValidate(files: string[], flags: ValidateFlags): Promise<number> {
  const reports: Array<{ file: string; report: ValidationReport }> = [];
  for (const file of files) {
    const source = await readFeedFile(file);
    const report = await collect(
      validateStream(source.items, {
        ...(flags.feedType ? { feedType: flags.feedType } : {}),
        ...(flags.specVersion ? { specVersion: flags.specVersion } : {}),
        ...(flags.productType ? { productType: flags.productType } : {}),
        ...(flags.cacheDir ? { cacheDir: flags.cacheDir } : {}),
        ...(source.header ? { header: source.header } : {}),
        checkHeader: source.hasHeader,
      }),
    );
    if (report.summary.records === 0) throw new InputError('INPUT_INVALID', `${file} has no items`);
    reports.push({ file, report });
  }
  const combined = combine(reports);
  const toFile = flags.out !== undefined;
  const paint = !toFile && flags.format === 'text' && useColor(process.stdout) ? COLOR : PLAIN;
  const text = flags.format === 'json' ? renderJson(combined) : renderText(combined, { paint, ...(reports.length === 1 ? { source: files[0] as string } : {}) });
  if (toFile) await writeFile(flags.out as string, text);
  else process.stdout.write(text);
  return combined.issues.some((i) => atLeast(i.severity, flags.failOn)) ? EXIT_ISSUES : EXIT_OK;
}

/** One file: its report as is. Several: summaries added up, each issue naming its file. */
function combine(reports: Array<{ file: string; report: ValidationReport }>): ValidationReport {
  if (reports.length === 1) return (reports[0] as { report: ValidationReport }).report;
  const summary: Summary = { records: 0, valid: 0, invalid: 0, errors: 0, warnings: 0, infos: 0 };
  const issues: Issue[] = [];
  for (const { file, report } of reports) {
    for (const k of Object.keys(summary) as Array<keyof Summary>) summary[k] += report.summary[k];
    for (const i of report.issues) issues.push({ file, ...i });
  }
  const first = (reports[0] as { report: ValidationReport }).report;
  return { summary, issues, spec: first.spec };
}
