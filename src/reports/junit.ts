// JUnit XML for CI test dashboards: a testsuite per input file, a testcase per record (passing or not) and one for
// the feed header when it has issues. Errors fail a testcase; warnings and info only go to its system-out.
import type { Issue, Report } from '../core/issue.js';

export interface JunitOptions {
  /** The input's name when issues carry no `file` (a run over one input). */
  source?: string;
  /**
   * Records per input file, when several were validated: a file without issues then still gets its suite.
   * Without it, one input counts summary.records and each of several counts up to its highest issue record.
   */
  records?: Readonly<Record<string, number>>;
}

// XML 1.0 forbids these even as character references; lone surrogates cannot be encoded as UTF-8 at all.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Forbidden characters shown as `\u001B`, so a reader still sees what the value held. */
function visible(text: string): string {
  return text.replace(FORBIDDEN, (c) => (c.length === 1 && c < ' ' ? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : '\uFFFD'));
}

export function escapeXmlText(text: string): string {
  return visible(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values also escape quotes, and line breaks and tabs, which parsers would otherwise normalise to spaces. */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

function attrs(values: Readonly<Record<string, string | number>>): string {
  return Object.entries(values)
    .map(([k, v]) => ` ${k}="${escapeXmlAttribute(String(v))}"`)
    .join('');
}

/** One issue as lines of the failure or system-out text. */
function issueText(issue: Issue): string {
  const at = [issue.cell !== undefined ? (issue.sheet !== undefined ? `${issue.sheet}!${issue.cell}` : issue.cell) : undefined, issue.path || undefined]
    .filter((s) => s !== undefined)
    .join(' ');
  const head = `${issue.severity} [${issue.code}]${at === '' ? '' : ` ${at}`}: ${issue.message}`;
  return issue.hint === undefined ? head : `${head}\n  → ${issue.hint}`;
}

function caseName(record: number, issues: readonly Issue[]): string {
  if (record === 0) return 'Feed header';
  const row = issues.find((i) => i.row !== undefined)?.row;
  const sku = issues.find((i) => i.sku !== undefined)?.sku;
  const parts = [row !== undefined ? `Row ${row}` : `Record ${record}`];
  if (sku !== undefined) parts.push(`SKU ${sku}`);
  return parts.join(' · ');
}

interface Suite {
  name: string;
  records: number;
  byRecord: Map<number, Issue[]>;
}

function suites(report: Report, options: JunitOptions): Suite[] {
  const byFile = new Map<string | undefined, Map<number, Issue[]>>();
  for (const name of Object.keys(options.records ?? {})) byFile.set(name, new Map<number, Issue[]>());
  for (const issue of report.issues) {
    // One input's issues carry no `file`: they belong to the source, which `records` may name too.
    const file = issue.file ?? options.source;
    let records = byFile.get(file);
    if (records === undefined) byFile.set(file, (records = new Map<number, Issue[]>()));
    const list = records.get(issue.record);
    if (list === undefined) records.set(issue.record, [issue]);
    else list.push(issue);
  }
  if (byFile.size === 0) byFile.set(options.source, new Map<number, Issue[]>());
  const single = byFile.size === 1;
  return [...byFile].map(([file, byRecord]) => {
    let highest = 0;
    for (const record of byRecord.keys()) highest = Math.max(highest, record);
    const given = file === undefined ? undefined : options.records?.[file];
    const counted = given ?? (single ? report.summary.records : highest);
    return { name: file ?? 'catalog-gate', records: Math.max(counted, highest), byRecord };
  });
}

function testcase(suite: string, record: number, issues: readonly Issue[]): { xml: string; failed: boolean } {
  const open = `    <testcase${attrs({ name: caseName(record, issues), classname: suite })}`;
  if (issues.length === 0) return { xml: `${open}/>`, failed: false };
  const errors = issues.filter((i) => i.severity === 'error');
  const others = issues.filter((i) => i.severity !== 'error');
  const lines = [`${open}>`];
  const first = errors[0];
  if (first !== undefined) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more error${errors.length > 2 ? 's' : ''})` : '';
    const message = `${first.message}${first.hint === undefined ? '' : ` ${first.hint}`}${more}`;
    lines.push(`      <failure${attrs({ message, type: first.code })}>${escapeXmlText(errors.map(issueText).join('\n'))}</failure>`);
  }
  if (others.length > 0) lines.push(`      <system-out>${escapeXmlText(others.map(issueText).join('\n'))}</system-out>`);
  lines.push('    </testcase>');
  return { xml: lines.join('\n'), failed: first !== undefined };
}

export function renderJunit(report: Report, options: JunitOptions = {}): string {
  const body: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const suite of suites(report, options)) {
    const cases: string[] = [];
    let suiteFailures = 0;
    const header = suite.byRecord.get(0);
    const numbers = [...(header === undefined ? [] : [0]), ...Array.from({ length: suite.records }, (_, n) => n + 1)];
    for (const record of numbers) {
      const { xml, failed } = testcase(suite.name, record, suite.byRecord.get(record) ?? []);
      cases.push(xml);
      if (failed) suiteFailures++;
    }
    tests += cases.length;
    failures += suiteFailures;
    body.push(`  <testsuite${attrs({ name: suite.name, tests: cases.length, failures: suiteFailures, errors: 0, skipped: 0 })}>`, ...cases, '  </testsuite>');
  }
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites${attrs({ name: 'catalog-gate', tests, failures, errors: 0 })}>`, ...body, '</testsuites>', ''].join('\n');
}
