// A run's issues kept on disk instead of in memory, for a report that is written out issue by issue (the CLI's
// JSON and CSV): at 1M rows a sheet can have 50,000 issues, about 23 MB of objects held until the end otherwise.
// Read back in the order collect() sorts them into: by record, and in the order they came within a record.
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Issue, Severity } from '../core/issue.js';
import { atLeast } from '../core/issue.js';
import { LineReader } from '../sources/json-file.js';

const FLUSH_CHARS = 1 << 20;

export class IssueSpill implements Iterable<Issue> {
  readonly #dir: string;
  readonly #file: string;
  #fd: number | undefined;
  #buffer = '';
  /** The record of the last issue written: issues come in record order but for a few (feed rules, sheet issues). */
  #lastRecord = 0;
  /** Issues for a record before #lastRecord, kept in memory in the order they came and merged in when read. */
  readonly #late: Issue[] = [];
  #count = 0;
  readonly #bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  readonly #removeAtExit = (): void => this.dispose();

  constructor() {
    this.#dir = mkdtempSync(join(tmpdir(), 'catalog-gate-issues-'));
    this.#file = join(this.#dir, 'issues.jsonl');
    this.#fd = openSync(this.#file, 'w', 0o600);
    process.once('exit', this.#removeAtExit);
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
    process.off('exit', this.#removeAtExit);
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
    rmSync(this.#dir, { recursive: true, force: true });
  }

  #flush(): void {
    if (this.#buffer === '' || this.#fd === undefined) return;
    writeSync(this.#fd, this.#buffer);
    this.#buffer = '';
  }
}
