// The final word on every input record: rejected before sending (its validation issues), succeeded,
// failed at Walmart (its ingestion errors, explained and placed on the record's row and cell), in
// review, sent and not yet processed, or not sent. Walmart's errors become issues, so every report
// format renders them as it renders validation issues.
import type { AttributeIndex } from '../compile/attributes.js';
import type { Issue, Summary } from '../core/issue.js';
import type { SourceLocation } from '../core/record.js';
import type { ValidationReport } from '../engine/validate.js';
import type { IngestionError } from '../walmart/ingestion-errors.js';
import { explainIngestionError } from './explain-ingestion.js';
import type { LedgerState } from './ledger.js';

export type RecordFate = 'rejected' | 'succeeded' | 'failed' | 'in_review' | 'sent' | 'not_sent';

export interface RecordLine {
  record: number;
  sku?: string;
  row?: number;
  sheet?: string;
  state: RecordFate;
  feedId?: string;
}

export interface FeedLine {
  feedId?: string;
  fileName: string;
  status: string;
  records: number;
}

export interface Submission {
  counts: Record<RecordFate, number>;
  feeds: FeedLine[];
  records: RecordLine[];
  /** Set when the hourly feed quota stopped the run. */
  quotaUntil?: string;
}

export interface SubmitReport extends ValidationReport {
  submission: Submission;
}

export interface OutcomeRecord {
  index: number;
  key: string;
  hash: string;
  sku?: string;
  productType?: string;
  location?: SourceLocation;
  /** Why it was not sent, when it was kept back before sending. */
  rejected: boolean;
}

export interface OutcomeInput {
  report: ValidationReport;
  records: readonly OutcomeRecord[];
  ledger: LedgerState;
  /** The spec's attributes per product type: titles for messages, paths for cells. */
  attributes: ReadonlyMap<string, AttributeIndex>;
  /** Feeds this run sent or followed, by file name. */
  feedsOfRun: ReadonlySet<string>;
  quotaUntil?: number;
}

/** One Walmart ingestion error as an issue on its record, on the cell of the attribute it names. */
export function ingestionIssue(e: IngestionError, r: OutcomeRecord, attrs: AttributeIndex | undefined): Issue & { walmartCode: string; walmartDescription?: string } {
  const titleOf = (a: string): string | undefined => attrs?.byName.get(a)?.title;
  const x = explainIngestionError(e, { titleOf });
  const attribute = x.attribute ?? (e.field !== undefined && attrs?.byName.has(e.field) === true ? e.field : undefined);
  const path = (attribute === undefined ? undefined : attrs?.byName.get(attribute)?.path) ?? attribute ?? e.field ?? '';
  const issue: Issue & { walmartCode: string; walmartDescription?: string } = {
    code: x.issueCode,
    severity: 'error',
    record: r.index,
    ...(r.sku === undefined ? {} : { sku: r.sku }),
    path,
    field: attribute ?? e.field ?? '',
    message: x.message,
    ...(x.action === undefined ? {} : { hint: x.action }),
    ...(r.productType === undefined ? {} : { productType: r.productType }),
    walmartCode: x.code,
    ...(x.walmartDescription === undefined ? {} : { walmartDescription: x.walmartDescription }),
  };
  const loc = r.location;
  if (loc?.sheet !== undefined) issue.sheet = loc.sheet;
  if (loc?.row !== undefined) issue.row = loc.row;
  const column = loc?.columns?.[path] ?? (attribute === undefined ? undefined : loc?.columns?.[attribute]);
  if (column !== undefined) {
    issue.column = column;
    if (loc?.row !== undefined) issue.cell = `${column}${loc.row}`;
  }
  return issue;
}

function fateOf(r: OutcomeRecord, ledger: LedgerState): { fate: RecordFate; feedId?: string; errors?: IngestionError[] } {
  if (r.rejected) return { fate: 'rejected' };
  const l = ledger.records.get(r.key);
  if (l === undefined || l.hash !== r.hash) return { fate: 'not_sent' };
  const feedId = l.feedId === undefined ? {} : { feedId: l.feedId };
  switch (l.state) {
    case 'succeeded':
      return { fate: 'succeeded', ...feedId };
    case 'failed':
      return { fate: 'failed', ...feedId, ...(l.errors === undefined ? {} : { errors: l.errors }) };
    case 'review':
      return { fate: 'in_review', ...feedId };
    case 'sent':
      return { fate: 'sent', ...feedId };
    default:
      return { fate: 'not_sent' };
  }
}

export function buildOutcome(input: OutcomeInput): SubmitReport {
  const counts: Record<RecordFate, number> = { rejected: 0, succeeded: 0, failed: 0, in_review: 0, sent: 0, not_sent: 0 };
  const issues: Issue[] = [...input.report.issues];
  const lines: RecordLine[] = [];
  const failedRecords = new Set<number>();
  let walmartErrors = 0;
  for (const r of input.records) {
    const f = fateOf(r, input.ledger);
    counts[f.fate]++;
    lines.push({
      record: r.index,
      ...(r.sku === undefined ? {} : { sku: r.sku }),
      ...(r.location?.row === undefined ? {} : { row: r.location.row }),
      ...(r.location?.sheet === undefined ? {} : { sheet: r.location.sheet }),
      state: f.fate,
      ...(f.feedId === undefined ? {} : { feedId: f.feedId }),
    });
    if (f.fate === 'failed') {
      failedRecords.add(r.index);
      const attrs = r.productType === undefined ? undefined : input.attributes.get(r.productType);
      for (const e of f.errors ?? []) {
        issues.push(ingestionIssue(e, r, attrs));
        walmartErrors++;
      }
    }
  }
  issues.sort((a, b) => a.record - b.record);
  const s = input.report.summary;
  const invalid = new Set<number>([...failedRecords]);
  for (const i of input.report.issues) if (i.severity === 'error' && i.record > 0) invalid.add(i.record);
  const summary: Summary = { ...s, valid: s.records - invalid.size, invalid: invalid.size, errors: s.errors + walmartErrors };
  const feeds: FeedLine[] = [];
  for (const name of input.feedsOfRun) {
    const f = input.ledger.feeds.get(name);
    if (f === undefined) continue;
    feeds.push({ ...(f.feedId === undefined ? {} : { feedId: f.feedId }), fileName: f.fileName, status: f.feedStatus ?? (f.state === 'sent' ? 'SENT' : f.state.toUpperCase()), records: f.records.length });
  }
  const submission: Submission = { counts, feeds, records: lines, ...(input.quotaUntil === undefined ? {} : { quotaUntil: new Date(input.quotaUntil).toISOString() }) };
  return { summary, issues, spec: input.report.spec, submission };
}

/** The submission in a few lines, after the issues of the text report. */
export function renderSubmissionText(s: Submission): string {
  const c = s.counts;
  const out = ['', `Submission: ${c.succeeded} succeeded, ${c.failed} failed at Walmart, ${c.in_review} in review, ${c.sent} sent and awaiting Walmart, ${c.rejected} rejected before sending, ${c.not_sent} not sent`];
  for (const f of s.feeds) out.push(`  feed ${f.feedId ?? '(not sent)'}  ${f.status}  ${f.records} record${f.records === 1 ? '' : 's'}  ${f.fileName}`);
  if (s.quotaUntil !== undefined) out.push(`  Walmart's hourly feed quota is used up until ${s.quotaUntil}; run the same command again then to send the rest.`);
  if (c.sent > 0) out.push('  Follow them with: catalog-gate feeds watch --state-dir <dir> (or run submit again with --wait).');
  return out.join('\n') + '\n';
}
