// Renders a submit report in the formats `validate` has: the same views over the same issue list, the
// text one followed by the submission's summary and the JSON one carrying it as `submission`.
import { writeFile } from 'node:fs/promises';
import { COLOR, PLAIN, useColor } from '../reports/colors.js';
import { renderReport } from '../reports/render.js';
import { packageVersion } from '../spec/package-root.js';
import { renderSubmissionText } from '../submit/outcome.js';
import type { SubmitReport } from '../submit/outcome.js';
import type { SubmitFlags } from './commands/submit.js';

export async function writeSubmitReport(report: SubmitReport, file: string, flags: Pick<SubmitFlags, 'format' | 'out'>, preface = ''): Promise<void> {
  const toFile = flags.out !== undefined;
  const body = await renderReport(report, flags.format, {
    source: file,
    records: { [file]: report.summary.records },
    toolVersion: packageVersion(),
    baseDir: process.cwd(),
    paint: !toFile && useColor(process.stdout) ? COLOR : PLAIN,
  });
  const text = flags.format === 'text' ? preface + body + renderSubmissionText(report.submission) : body;
  if (toFile) await writeFile(flags.out as string, text);
  else process.stdout.write(text);
}
