// One report in a named format, the same for the CLI's --format and the service's ?format=. Formats other
// than text and json load only when asked for, so a plain run starts faster.
import type { Report } from '../core/issue.js';
import { PLAIN } from './colors.js';
import type { Paint } from './colors.js';
import { renderJson } from './json.js';
import type { ReportFormat } from './formats.js';
import { renderText } from './text.js';

export interface RenderOptions {
  /** The input's name when issues carry no `file` (a run over one input). */
  source?: string | undefined;
  /** Records per input file, for JUnit's suites. */
  records?: Readonly<Record<string, number>>;
  /** catalog-gate's version (SARIF). */
  toolVersion: string;
  /** Absolute inputs are shown relative to this (SARIF, GitHub). */
  baseDir?: string;
  /** Colours for text. */
  paint?: Paint;
}

export async function renderReport(report: Report & { spec?: { feedType: string; specVersion: string } }, format: ReportFormat, options: RenderOptions): Promise<string> {
  const source = options.source === undefined ? {} : { source: options.source };
  const baseDir = options.baseDir === undefined ? {} : { baseDir: options.baseDir };
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'junit':
      return (await import('./junit.js')).renderJunit(report, { ...source, ...(options.records === undefined ? {} : { records: options.records }) });
    case 'sarif':
      return (await import('./sarif.js')).renderSarif(report, { ...source, ...baseDir, toolVersion: options.toolVersion });
    case 'github':
      return (await import('./github.js')).renderGithub(report, { ...source, ...baseDir });
    case 'csv':
      return (await import('./csv.js')).renderCsv(report, source);
    default:
      return renderText(report, { paint: options.paint ?? PLAIN, ...source });
  }
}
