// The JSON report of CONTRACT.md: {summary, issues}, plus the spec it was validated against.
import type { Report } from '../core/issue.js';

export function renderJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}
