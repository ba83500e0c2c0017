// The JSON report of CONTRACT.md: {summary, issues}, plus the spec it was validated against.
import type { Issue, Report } from '../core/issue.js';

/** A report whose issues are read as they are written out (from memory or from a spill on disk). */
export type StreamedReport = Omit<Report, 'issues'> & { issues: Iterable<Issue> };

export function renderJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}

/**
 * renderJson's text in pieces, the issues a hundred at a time, so a long report is written out without ever being
 * one string; the issues may be any iterable (a spill on disk). The same bytes as renderJson
 * (test/reports/report-chunks.test.ts). A hundred issues are ~40 KB of text: each piece, and the flat copy that
 * writing it makes, stays under V8's 128 KiB for an ordinary object. At 500 each was a large object in freshly mapped
 * memory: on the 50k bench feed the page faults under those copies were 16.5 ms of the main thread, 6.8 ms at 100
 * (perf, BENCHMARKS.md, session 17).
 */
export function* renderJsonChunks(report: StreamedReport, issuesPerChunk = 100): Generator<string, void, undefined> {
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
const ISSUES_OPEN = '{\n  "issues": [';
const ISSUES_CLOSE = '\n  ]\n}';

/**
 * These issues as renderJson writes them inside the report's list, without its brackets: JSON.stringify nests them
 * itself, at the report's depth, inside a one-key object (the same indentation as the report's), which is then cut
 * off: no regular expression over the text, and one flat string rather than a rope of pieces per issue.
 */
function issuesText(batch: readonly unknown[]): string {
  return JSON.stringify({ issues: batch }, null, 2).slice(ISSUES_OPEN.length, -ISSUES_CLOSE.length);
}

function isIterable(value: unknown): value is Iterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.iterator in value;
}

/** JSON text nested `pad` deeper: its line breaks are all structural (a string's are escaped). */
function indented(json: string, pad: string): string {
  return json.replace(/\n/g, `\n${pad}`);
}
