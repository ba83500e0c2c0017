// The JSON report of CONTRACT.md: {summary, issues}, plus the spec it was validated against.
import type { Issue, Report } from '../core/issue.js';
import { indented, listItemsText } from './pretty-json.js';

/** A report whose issues are read as they are written out (from memory or from a spill on disk). */
export type StreamedReport = Omit<Report, 'issues'> & { issues: Iterable<Issue> };

/** JSON.stringify(report, null, 2) and a line break, its issues written by listItemsText (the same bytes, faster). */
export function renderJson(report: Report): string {
  if (!plainReport(report)) return JSON.stringify(report, null, 2) + '\n';
  return [...renderJsonChunks(report, Number.POSITIVE_INFINITY)].join('');
}

/** A report renderJsonChunks writes as JSON.stringify would: a plain object whose issues are a plain array. */
function plainReport(report: Report): boolean {
  return (
    Object.getPrototypeOf(report) === Object.prototype &&
    !('toJSON' in report) &&
    Array.isArray(report.issues) &&
    !('toJSON' in report.issues)
  );
}

/**
 * renderJson's text in pieces, the issues a few hundred at a time, so a long report is written out without
 * ever being one string; the issues may be any iterable (a spill on disk). The same bytes as renderJson
 * (test/reports/report-chunks.test.ts).
 */
export function* renderJsonChunks(report: StreamedReport, issuesPerChunk = 500): Generator<string, void, undefined> {
  // The properties JSON.stringify writes: it leaves out undefined, functions and symbols.
  const entries = Object.entries(report).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  if (entries.length === 0) {
    yield '{}\n';
    return;
  }
  let first = true;
  for (const [key, value] of entries) {
    const head = `${first ? '{' : ','}\n  ${JSON.stringify(key)}: `;
    first = false;
    if (key !== 'issues' || !isIterable(value)) {
      yield head + indented(JSON.stringify(value, null, 2), '  ');
      continue;
    }
    let count = 0;
    let batch: unknown[] = [];
    let pending = `${head}[`;
    for (const issue of value) {
      batch.push(issue);
      if (++count % issuesPerChunk === 0) {
        yield pending + issuesText(batch);
        batch = [];
        pending = ',';
      }
    }
    if (batch.length > 0) yield pending + issuesText(batch) + '\n  ]';
    else yield count === 0 ? `${head}[]` : '\n  ]';
  }
  yield '\n}\n';
}

/** The text inside a report's `"issues": [ … ]` for these issues: `\n    {…},\n    {…}`, as renderJson nests them. */
function issuesText(batch: readonly unknown[]): string {
  return listItemsText(batch, '  ');
}

function isIterable(value: unknown): value is Iterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.iterator in value;
}
