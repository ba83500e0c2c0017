// GitHub Actions workflow commands: one `::error|warning|notice ...::message` line per issue, so a CI run shows
// each issue as an annotation. Values are escaped as the runner decodes them.
import type { Issue, Report, Severity } from '../core/issue.js';
import { describeCode } from './code-catalog.js';
import { columnNumber, posixPath } from './sarif.js';

export interface GithubOptions {
  /** The input's name for issues that carry no `file` (a run over one input). */
  source?: string;
  /** Absolute inputs are made relative to this (the workspace), as annotations need repository paths. */
  baseDir?: string;
}

const COMMAND: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'notice' };

/** The message part: the runner turns %25, %0D and %0A back into `%`, CR and LF. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: also `:` and `,`, which would otherwise end the value. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** "Row 14 · SKU TS-104 · K14" or "Record 3 · SKU A-1 · Visible.Clothing.gender": where, for the message. */
function where(issue: Issue): string {
  if (issue.record === 0 && issue.row === undefined) return issue.path === '' ? 'Feed header' : `Feed header · ${issue.path}`;
  const parts = [issue.row !== undefined ? `Row ${issue.row}` : `Record ${issue.record}`];
  if (issue.sku !== undefined) parts.push(`SKU ${issue.sku}`);
  if (issue.cell !== undefined) parts.push(issue.sheet !== undefined ? `${issue.sheet}!${issue.cell}` : issue.cell);
  else if (issue.path !== '') parts.push(issue.path);
  return parts.join(' · ');
}

export function renderGithubLine(issue: Issue, options: GithubOptions = {}): string {
  const props: string[] = [];
  const file = issue.file ?? options.source;
  if (file !== undefined) props.push(`file=${escapeProperty(posixPath(file, options.baseDir))}`);
  if (issue.row !== undefined) {
    props.push(`line=${issue.row}`);
    const col = issue.column === undefined ? undefined : columnNumber(issue.column);
    if (col !== undefined) props.push(`col=${col}`);
  }
  props.push(`title=${escapeProperty(`${describeCode(issue.code).title} [${issue.code}]`)}`);
  const hint = issue.hint === undefined ? '' : `\n${issue.hint}`;
  return `::${COMMAND[issue.severity]} ${props.join(',')}::${escapeData(`${where(issue)}: ${issue.message}${hint}`)}`;
}

export function renderGithub(report: Report, options: GithubOptions = {}): string {
  return report.issues.map((i) => renderGithubLine(i, options) + '\n').join('');
}
