// Renders a submit report in the formats `validate` has: the same views over the same issue list, the
// text one followed by the submission's summary and the JSON one carrying it as `submission`.
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { COLOR, PLAIN, useColor } from '../reports/colors.js';
import { renderJson } from '../reports/json.js';
import { renderText } from '../reports/text.js';
import { PACKAGE_ROOT } from '../spec/package-root.js';
import { renderSubmissionText } from '../submit/outcome.js';
import type { SubmitReport } from '../submit/outcome.js';
import type { SubmitFlags } from './commands/submit.js';

export async function writeSubmitReport(report: SubmitReport, file: string, flags: Pick<SubmitFlags, 'format' | 'out'>, preface = ''): Promise<void> {
  const toFile = flags.out !== undefined;
  const opts = { source: file };
  let text: string;
  switch (flags.format) {
    case 'json':
      text = renderJson(report);
      break;
    case 'junit':
      text = (await import('../reports/junit.js')).renderJunit(report, { ...opts, records: { [file]: report.summary.records } });
      break;
    case 'sarif':
      text = (await import('../reports/sarif.js')).renderSarif(report, { ...opts, toolVersion: version(), baseDir: process.cwd() });
      break;
    case 'github':
      text = (await import('../reports/github.js')).renderGithub(report, { ...opts, baseDir: process.cwd() });
      break;
    case 'csv':
      text = (await import('../reports/csv.js')).renderCsv(report, opts);
      break;
    default:
      text = preface + renderText(report, { paint: !toFile && useColor(process.stdout) ? COLOR : PLAIN, ...opts }) + renderSubmissionText(report.submission);
  }
  if (toFile) await writeFile(flags.out as string, text);
  else process.stdout.write(text);
}

function version(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}
