// A run's issues kept on disk instead of in memory, for a report that is written out issue by issue (the CLI's
// JSON and CSV): at 1M rows a sheet can have 50,000 issues, about 23 MB of objects held until the end otherwise.
// Read back in the order collect() sorts them into: by record, and in the order they came within a record.
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Issue, Severity } from '../core/issue.js';
import { atLeast } from '../core/issue.js';
import { LineReader } from '../sources/json-file.js';
import { PrivateTempDir, tempIo } from './temp-dir.js';

const PURPOSE = "a spreadsheet's issues until the report is written";

const FLUSH_CHARS = 1 << 20;

export class IssueSpill implements Iterable<Issue> {
  readonly #dir: PrivateTempDir;
  readonly #file: string;
  #fd: number | undefined;
  #buffer = '';
  /** The record of the last issue written: issues come in record order but for a few (feed rules, sheet issues). */
  #lastRecord = 0;
  /** Issues for a record before #lastRecord, kept in memory in the order they came and merged in when read. */
  readonly #late: Issue[] = [];
  #count = 0;
  readonly #bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };

  constructor() {
    this.#dir = new PrivateTempDir('catalog-gate-issues-', PURPOSE);
    this.#file = this.#dir.file('issues.jsonl');
    this.#fd = tempIo('write', PURPOSE, () => openSync(this.#file, 'w', 0o600));
  }

  get length(): number {
    return this.#count;
  }

  /** Whether an issue at or above `severity` was added. */
  hasAtLeast(severity: Severity): boolean {
    return (Object.keys(this.#bySeverity) as Severity[]).some((s) => this.#bySeverity[s] > 0 && atLeast(s, severity));
  }

  push(issue: Issue): void {
    this.#count++;
    this.#bySeverity[issue.severity]++;
    if (issue.record < this.#lastRecord) {
      this.#late.push(issue);
      return;
    }
    this.#lastRecord = issue.record;
    this.#buffer += `${JSON.stringify(issue)}\n`;
    if (this.#buffer.length >= FLUSH_CHARS) this.#flush();
  }

  /** The issues sorted by record (stably, as collect() sorts them); each call reads the file again. */
  *[Symbol.iterator](): Generator<Issue, void, undefined> {
    this.#flush();
    const late = this.#late.map((issue, n) => ({ issue, n })).sort((a, b) => a.issue.record - b.issue.record || a.n - b.n);
    let next = 0;
    const lines = new LineReader(this.#file);
    try {
      for (let line = lines.next(); line !== undefined; line = lines.next()) {
        const issue = JSON.parse(line) as Issue;
        // A late issue goes after every written one of its record: it came after them.
        while (next < late.length && (late[next] as { issue: Issue }).issue.record < issue.record) yield (late[next++] as { issue: Issue }).issue;
        yield issue;
      }
    } finally {
      lines.close();
    }
    while (next < late.length) yield (late[next++] as { issue: Issue }).issue;
  }

  /** Removes the file; the spill is empty afterwards. Safe to call twice. */
  dispose(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
    this.#dir.remove();
  }

  #flush(): void {
    const fd = this.#fd;
    if (this.#buffer === '' || fd === undefined) return;
    tempIo('write', PURPOSE, () => writeSync(fd, this.#buffer));
    this.#buffer = '';
  }
}
