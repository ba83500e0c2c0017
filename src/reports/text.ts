// The text report for people: issues grouped by record (or row), each with its fix, and a closing
// summary with counts by code.
import type { Issue, Report, Severity } from '../core/issue.js';
import { PLAIN } from './colors.js';
import type { Paint } from './colors.js';

export interface TextOptions {
  paint?: Paint;
  /** The file the report is about, for its heading. */
  source?: string;
}

const MARK: Readonly<Record<Severity, string>> = { error: '✖ error  ', warning: '▲ warning', info: 'ℹ info   ' };

function where(issue: Issue): string {
  if (issue.record === 0) return issue.sheet !== undefined ? `Sheet ${issue.sheet}${issue.row !== undefined ? ` · row ${issue.row}` : ''}` : 'Feed header';
  const parts = [issue.row !== undefined ? `Row ${issue.row}` : `Record ${issue.record}`];
  if (issue.sku !== undefined) parts.push(`SKU ${issue.sku}`);
  if (issue.productType !== undefined && issue.productType !== '*') parts.push(issue.productType);
  return parts.join(' · ');
}

export function renderText(report: Report & { spec?: { feedType: string; specVersion: string } }, options: TextOptions = {}): string {
  const p = options.paint ?? PLAIN;
  const out: string[] = [];
  const spec = report.spec ? ` against ${report.spec.feedType} ${report.spec.specVersion}` : '';
  if (options.source !== undefined) out.push(p.bold(`${options.source}${spec}`));
  let group = '';
  for (const issue of report.issues) {
    const g = `${issue.file ?? ''}|${issue.record}`;
    if (g !== group) {
      group = g;
      out.push('', p.bold(where(issue)));
    }
    const color = issue.severity === 'error' ? p.red : issue.severity === 'warning' ? p.yellow : p.cyan;
    const at = issue.cell !== undefined ? `${issue.cell} ` : '';
    out.push(`  ${color(MARK[issue.severity])} ${p.dim(`${at}${issue.path}`)} ${p.dim(`[${issue.code}]`)}`);
    out.push(`            ${issue.message}`);
    if (issue.hint !== undefined) out.push(`            ${p.green('→')} ${issue.hint}`);
  }
  const s = report.summary;
  if (report.issues.length > 0) out.push('');
  const verdict = s.errors > 0 ? p.red('✖') : s.warnings > 0 ? p.yellow('▲') : p.green('✔');
  out.push(
    `${verdict} ${s.records} record${s.records === 1 ? '' : 's'}: ${s.valid} valid, ${s.invalid} with errors · ` +
      `${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}, ${s.infos} info`,
  );
  const counts = new Map<string, number>();
  for (const i of report.issues) counts.set(i.code, (counts.get(i.code) ?? 0) + 1);
  if (counts.size > 0) {
    const byCount = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    out.push(`  by code: ${byCount.map(([c, n]) => `${c} ×${n}`).join(', ')}`);
  }
  return out.join('\n') + '\n';
}
