// One report in a named format, the same for the CLI's --format and the service's ?format=. Formats other
// than text and json load only when asked for, so a plain run starts faster.
import type { Report } from '../core/issue.js';
import { PLAIN } from './colors.js';
import type { Paint } from './colors.js';
import { renderJson, renderJsonChunks } from './json.js';
import type { StreamedReport } from './json.js';
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

/**
 * The report as renderReport writes it, in pieces to write out one after another: JSON and CSV a few hundred
 * issues at a time, so a long report never has to be one string beside the issues it is made from (a 1M-row sheet
 * can have 50,000); the other formats in one piece.
 */
export async function reportChunks(report: Report & { spec?: { feedType: string; specVersion: string } }, format: ReportFormat, options: RenderOptions): Promise<Iterable<string>> {
  if (format === 'json' || format === 'csv') return streamedReportChunks(report, format, options);
  return [await renderReport(report, format, options)];
}

/** The formats written issue by issue from any iterable of them, as STREAMED_FORMATS lists. */
export async function streamedReportChunks(report: StreamedReport, format: StreamedFormat, options: RenderOptions): Promise<Iterable<string>> {
  if (format === 'json') return renderJsonChunks(report);
  return (await import('./csv.js')).renderCsvChunks(report, options.source === undefined ? {} : { source: options.source });
}

/** Formats whose report can be written from issues read one by one (from a spill on disk). */
export const STREAMED_FORMATS = ['json', 'csv'] as const;
export type StreamedFormat = (typeof STREAMED_FORMATS)[number];
